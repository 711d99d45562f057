"""How a claim why names a reading: where it was read (document id and page) and its short display.

Which reading the claim uses is the case's one evidence resolution (docservice/evidence).
"""
from __future__ import annotations

__all__ = ["cite", "shown"]


def cite(fact) -> str:
    """Where a reading came from, for a why: "document 12 p.2", "the appointment note", "a person's entry"."""
    if fact.source == "appointment":
        return "the appointment note"
    if fact.source == "person":
        return "a person's entry"
    if fact.document_id is None:
        return "the documents"
    return f"document {fact.document_id}" + (f" p.{fact.page}" if fact.page else "")


def shown(fact) -> str:
    """The reading as staff read it: its display text, else its value."""
    return fact.display or str(fact.value)
