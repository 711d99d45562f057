"""Reading facts for the claim: which facts count, and how a why names where one came from.

A fact counts only when it is neither negated nor historical (the facts contract); a why
cites it by document id and page, never by patient text beyond the fact's short display.
"""
from __future__ import annotations

from collections.abc import Iterable

from docservice.models import Fact


def present(facts: Iterable[Fact], name: str) -> list[Fact]:
    """Facts of that name that were neither denied nor spoken of as history."""
    return [fact for fact in facts if fact.name == name and not fact.negated and not fact.historical]


def first_present(facts: Iterable[Fact], name: str) -> Fact | None:
    found = present(facts, name)
    return found[0] if found else None


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
