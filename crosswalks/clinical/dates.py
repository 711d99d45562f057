"""One date parser for clinical paperwork: every written form, and relative dates anchored to a day.

US forms are month first: 03/04/26 is March 4th. Relative wording ("today", "last night",
"45 min ago", "3 days ago") means nothing without the day the text was written, so it is only
read when the caller gives an `anchor` (the document's own date or the visit date); without one
it is None rather than a guess based on the day the software happens to run.
"""
from __future__ import annotations

import functools
import re
from datetime import date, datetime, time

import dateparser

from crosswalks.clinical.rules import load_clinical_rules

YEAR_RANGE = (1900, 2100)
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.IGNORECASE)


@functools.cache
def _rules() -> tuple[tuple[tuple[re.Pattern[str], str], ...], tuple[tuple[re.Pattern[str], int], ...]]:
    rules = load_clinical_rules()["dates"]
    spellings = tuple((re.compile(rf"\b{pattern}\b", re.IGNORECASE), word)
                      for pattern, word in rules["spellings"].items())
    relative = tuple((re.compile(rf"^(?:{pattern})$", re.IGNORECASE), int(days))
                     for pattern, days in rules["relative_days"].items())
    return spellings, relative


# Two days far apart: a date read the same from both was written in full; one that moves with the
# day it is read from is relative ("3 days ago") or lacks its year ("Jan 9th").
# Both are in leap years, so "Feb 29" reads the same from either.
PROBE_DAYS = (date(2000, 6, 15), date(2004, 7, 2))
_AGO = re.compile(r"\b(?:ago|last|next|before|after)\b", re.IGNORECASE)
_TWO_DIGIT_YEAR = re.compile(r"(?:[/.-]|\s')\d{2}$")


def _parse(written: str, *, base: date, prefer: str) -> datetime | None:
    # "since March" means March 1st; "2 months ago" means that many months back to the day.
    day = "current" if _AGO.search(written) else "first"
    settings = {"DATE_ORDER": "MDY", "PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False,
                "PREFER_DAY_OF_MONTH": day, "RELATIVE_BASE": datetime.combine(base, time(12, 0))}
    try:
        return dateparser.parse(written, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None


def _written(text: str) -> str:
    """The words as dateparser reads them: ordinals dropped, clinical abbreviations spelled out."""
    text = " ".join(text.split()).strip(" .,;:()[]")
    text = _ORDINAL.sub("", text)
    spellings, _ = _rules()
    for pattern, word in spellings:
        text = pattern.sub(word, text)
    return text


def parse_datetime(text: str, *, anchor: date | None = None) -> datetime | None:
    """The moment `text` names, or None. Relative wording needs `anchor`."""
    written = _written(text)
    if not written:
        return None
    _, relative = _rules()
    for pattern, days in relative:
        if pattern.match(written):
            if anchor is None:
                return None
            return datetime.combine(date.fromordinal(anchor.toordinal() + days), time(0, 0))
    first, second = (_parse(written, base=day, prefer="current_period") for day in PROBE_DAYS)
    if first is None:
        return None
    if first != second:
        # Relative, or without its year: only the day the text was written can say which date it is,
        # and a date without a year is the latest such date not after that day.
        if anchor is None:
            return None
        first = _parse(written, base=anchor, prefer="past")
        if first is None:
            return None
    if anchor is not None and _TWO_DIGIT_YEAR.search(written) and first.date() > anchor.replace(year=anchor.year + 1):
        # "01/02/45" written in 2026 is 1945: a clinical record does not speak of years ahead.
        first = first.replace(year=first.year - 100)
    if not YEAR_RANGE[0] <= first.year <= YEAR_RANGE[1]:
        return None
    return first


def parse_date(text: str, *, anchor: date | None = None) -> date | None:
    """The calendar day `text` names (03/14/2026, 3-14-26, 14-Mar-26, Mar 14th, March 14, 2026,
    2026-03-14, with or without a time), or None. Relative wording needs `anchor`."""
    parsed = parse_datetime(text, anchor=anchor)
    return parsed.date() if parsed is not None else None
