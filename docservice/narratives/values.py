"""The values a narrative template sees: a sourced value, or a visible `Missing` placeholder.

A template never receives None: a value the records lack is a `Missing`, which prints as
`[MISSING: <label>]` and is false in `{% if %}`, so a template can leave an optional sentence
out or show the gap where the element is required.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from docservice.evidence.readings import is_blank  # noqa: F401  (one meaning of "nothing to state")
from docservice.facts.values import stored_date as parse_date  # noqa: F401  (narratives read stored dates with it)

MISSING_MARKER = re.compile(r"\[MISSING: ([^\]\n]+)\]")


@dataclass(frozen=True)
class Missing:
    """A value the records do not hold. `field` is the fact or claim field, `label` what a person reads."""

    field: str
    label: str

    def __str__(self) -> str:
        return f"[MISSING: {self.label}]"

    def __bool__(self) -> bool:
        return False

    @property
    def cite(self) -> str:
        return ""

    @property
    def raw(self) -> None:
        return None


@dataclass(frozen=True)
class Sourced:
    """A value with where it came from: `text` as printed, `raw` the stored value, `source` for the citation."""

    text: str
    raw: object = None
    source: str = ""

    def __str__(self) -> str:
        return self.text

    @property
    def cite(self) -> str:
        """" (sleep study report, p. 2)", or "" when the value came from the case or claim."""
        return f" ({self.source})" if self.source else ""


def format_number(value: float | int) -> str:
    """22.0 -> "22", 22.5 -> "22.5": a measurement as a clinician writes it."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return f"{value:g}" if isinstance(value, float) else str(value)




def format_date(value: date) -> str:
    """March 2, 2026."""
    return f"{value:%B} {value.day}, {value.year}"


def find_markers(body: str) -> list[str]:
    """The labels of the `[MISSING: …]` markers left in a body, in order, each once."""
    return list(dict.fromkeys(match.group(1).strip() for match in MISSING_MARKER.finditer(body)))
