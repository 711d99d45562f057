"""What one reading of a fact is worth: does it count as documented, and is it the same value as another.

A reading is a `Fact` read from a document or the appointment note, or a `PersonReading` (a person's
confirmation, correction or entry), which has the same attributes so every reader cites both alike.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from docservice.facts.values import stored_date

PRESENT = "present"
PAST_CONTEXTS = ("historical", "resolved")  # spoken of as the patient's own, but not current
MISMATCH = "mismatch"  # Document.identity: the document names another patient
PERSON_ACTIONS = {"confirm": "confirmed as read", "correct": "corrected", "enter": "entered"}


@dataclass(frozen=True)
class PersonReading:
    """A person's word on a value (EvidenceConfirmation), shaped like a Fact."""

    name: str
    value: object
    display: str
    action: str
    note: str = ""
    user_name: str = ""
    created_at: datetime | None = None
    confirmation_id: int | None = None
    fact_id: int | None = None  # the reading it confirms, when it still exists
    document_id: int | None = None  # where the confirmed reading was read (confirm only)
    page: int | None = None
    snippet: str = ""
    section: str = ""
    id: int | None = None  # not a stored fact
    source: str = "person"
    negated: bool = False
    historical: bool = False
    context: str = PRESENT
    confidence: float = 1.0

    @property
    def why(self) -> str:
        when = f" on {self.created_at:%Y-%m-%d}" if self.created_at else ""
        who = f" by {self.user_name}" if self.user_name else ""
        note = f" ({self.note})" if self.note else ""
        return f"{PERSON_ACTIONS.get(self.action, self.action)}{who}{when}{note}"


def context_of(reading) -> str:
    """How the text speaks of it: present, negated, historical, family, hypothetical, resolved, postoperative.

    Rows read before extraction filled `context` only say negated/historical; those flags win over
    a default "present".
    """
    context = getattr(reading, "context", None) or PRESENT
    if context == PRESENT:
        if getattr(reading, "negated", False):
            return "negated"
        if getattr(reading, "historical", False):
            return "historical"
    return context


def is_blank(value: object) -> bool:
    """None, an empty string or collection, or a float NaN: nothing a claim or letter may state."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, (str, list, tuple, dict)) and not value:
        return True
    return isinstance(value, str) and value.strip().lower() in ("none", "nan", "null")


def confidence_of(reading) -> float:
    """A reading's confidence; a row not yet stored has none, and the column's default is 1.0."""
    value = getattr(reading, "confidence", None)
    return 1.0 if value is None else float(value)


def value_key(value: object) -> object:
    """What makes two values the same finding: 22.4 == "22.4", ISO dates by day, names without case,
    physicians by NPI when both have one, lists without order."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return round(float(value), 2)
    if isinstance(value, str):
        day = stored_date(value) if len(value) >= 10 and value[4:5] == "-" else None
        if day is not None:
            return day.isoformat()
        try:
            return round(float(value), 2)
        except ValueError:
            return " ".join(value.lower().split())
    if isinstance(value, dict):
        if value.get("npi"):
            return ("npi", str(value["npi"]).strip())
        if "sound" in value:
            return ("sound", value.get("sound"), value.get("side"))
        name = value.get("name") or value.get("by") or ""
        return ("name", " ".join(str(name).lower().split()))
    if isinstance(value, (list, tuple)):
        return tuple(sorted(str(value_key(item)) for item in value))
    return str(value)


def same_value(first: object, second: object) -> bool:
    """Whether two readings state the same finding; a physician named with and without an NPI is one,
    and so is a joint sound with and without its side ("no clicking" denies "click, left")."""
    if isinstance(first, dict) and isinstance(second, dict) and "sound" in first and "sound" in second:
        sides = [item.get("side") for item in (first, second)]
        return first["sound"] == second["sound"] and (None in sides or sides[0] == sides[1])
    if isinstance(first, dict) and isinstance(second, dict) and ("name" in first or "name" in second):
        npis = [str(item.get("npi") or "").strip() for item in (first, second)]
        if all(npis):
            return npis[0] == npis[1]
        return value_key({"name": first.get("name")}) == value_key({"name": second.get("name")})
    return value_key(first) == value_key(second)


def affirms(value: object) -> bool:
    """Whether a value states the finding (a flag of False, or nothing, denies or withholds it)."""
    return value is not False and not is_blank(value)
