"""How a claim why names a fact: where it was read (document id and page) and its short display.

Which facts count (neither negated nor historical) is the facts package's `present` /
`first_present`, re-exported here so the claim modules read facts one way.
"""
from __future__ import annotations

from docservice.facts import first_present, present
from docservice.models import Fact

__all__ = ["cite", "first_present", "present", "shown"]


def cite(fact: Fact) -> str:
    """Where a fact was read, for a why: "document 12 p.2", "the appointment note", "a person"."""
    if fact.source == "appointment":
        return "the appointment note"
    if fact.source == "person":
        return "a person's entry"
    if fact.document_id is None:
        return "the documents"
    return f"document {fact.document_id}" + (f" p.{fact.page}" if fact.page else "")


def shown(fact: Fact) -> str:
    """The fact as staff read it: its display text, else its value."""
    return fact.display or str(fact.value)
