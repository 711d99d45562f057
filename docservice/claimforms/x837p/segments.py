"""Writing X12 segments: delimiters, the character set, and how values are spelled.

Every segment of the 837P goes through `SegmentWriter.add`, so delimiters, trailing empty
elements and the "no delimiter inside a value" guarantee live here and nowhere else. Loop
modules decide *what* to write; this module decides *how it is spelled*.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from docservice.claimforms.x837p.errors import ClaimFormatError

ELEMENT_SEPARATOR = "*"
COMPONENT_SEPARATOR = ":"
REPETITION_SEPARATOR = "^"
SEGMENT_TERMINATOR = "~"
# A newline after each terminator keeps files readable; X12 readers skip it.
SEGMENT_SUFFIX = "\n"
DELIMITERS = frozenset(ELEMENT_SEPARATOR + COMPONENT_SEPARATOR + REPETITION_SEPARATOR + SEGMENT_TERMINATOR)

# The X12 basic and extended character sets, minus the four characters we use as delimiters
# (which X12 then forbids inside values). Anything else cannot travel: free text gets a space
# instead, identifiers are refused (`inputs.py`) rather than altered.
_NOT_CARRIED = re.compile(r"""[^A-Za-z0-9!"&'()+,\-./;?= %@\[\]_{}\\|<>#$]""")
_SPACES = re.compile(r"\s+")

# An element is a plain value or a composite (its components, in order).
Element = str | tuple[str, ...]


class SegmentWriter:
    """Collects segments in order and renders them; its length is what SE01 counts from."""

    def __init__(self) -> None:
        self._segments: list[str] = []

    def __len__(self) -> int:
        return len(self._segments)

    def add(self, segment_id: str, *elements: Element) -> None:
        """Append one segment. Empty trailing elements and components are left out, as X12 wants."""
        spelled = [_spell_element(segment_id, position, element) for position, element in enumerate(elements, 1)]
        while spelled and not spelled[-1]:
            spelled.pop()
        self._segments.append(ELEMENT_SEPARATOR.join([segment_id, *spelled]))

    def add_isa(self, *elements: str) -> None:
        """Append the fixed-width ISA exactly as given: padding and empty values are kept, and
        ISA11 / ISA16 are the repetition and component separators themselves."""
        for position, value in enumerate(elements, 1):
            if position not in (11, 16):
                _guard("ISA", position, value)
        self._segments.append(ELEMENT_SEPARATOR.join(["ISA", *elements]))

    def text(self) -> str:
        return "".join(segment + SEGMENT_TERMINATOR + SEGMENT_SUFFIX for segment in self._segments)


def clean_text(value: str | None, *, max_length: int, upper: bool = True) -> str:
    """Free text made safe for X12: accents folded to ASCII; characters X12 cannot carry, and our
    delimiters, turned into spaces so words stay apart; white space collapsed; upper-cased (payers
    compare names in capitals); cut to `max_length`."""
    folded = unicodedata.normalize("NFKD", str(value or "")).encode("ascii", "ignore").decode("ascii")
    kept = _NOT_CARRIED.sub(" ", folded)
    text = _SPACES.sub(" ", kept).strip()
    if upper:
        text = text.upper()
    return text[:max_length].rstrip()


def is_carried(value: str) -> bool:
    """True when every character of `value` can travel in an X12 element unchanged."""
    return not _NOT_CARRIED.search(value)


def format_amount(value: Decimal) -> str:
    """An X12 decimal (type R): cents kept, trailing zeros and a bare point dropped (125.50 -> "125.5")."""
    cents = Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = format(cents, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_date(value: date) -> str:
    """CCYYMMDD (X12 D8)."""
    return value.strftime("%Y%m%d")


def format_time(value: datetime) -> str:
    """HHMM (X12 TM, minutes precision)."""
    return value.strftime("%H%M")


def _spell_element(segment_id: str, position: int, element: Element) -> str:
    if isinstance(element, tuple):
        components = [str(component) for component in element]
        for component in components:
            _guard(segment_id, position, component)
        while components and not components[-1]:
            components.pop()
        return COMPONENT_SEPARATOR.join(components)
    value = str(element)
    _guard(segment_id, position, value)
    return value


def _guard(segment_id: str, position: int, value: str) -> None:
    # Values are cleaned or checked before they get here; a delimiter now would split the
    # segment at the receiver, so it is refused outright rather than silently altered.
    if any(ch in DELIMITERS or ch in "\r\n" for ch in value):
        raise ClaimFormatError(
            f"{segment_id}{position:02d} would contain an X12 delimiter; remove it from the source value."
        )
