"""The one date parser: every written form, two-digit years, times, relative dates anchored to a day."""
from __future__ import annotations

from datetime import date

import pytest

from crosswalks.clinical.dates import parse_date

VISIT = date(2026, 3, 2)


@pytest.mark.parametrize(("text", "expected"), [
    ("03/14/2026", date(2026, 3, 14)),
    ("3/4/26", date(2026, 3, 4)),
    ("3-14-26", date(2026, 3, 14)),
    ("2026-01-09", date(2026, 1, 9)),
    ("11-Jan-26", date(2026, 1, 11)),
    ("09 Jan 2026", date(2026, 1, 9)),
    ("January 9, 2026", date(2026, 1, 9)),
    ("Jan. 9th, 2026", date(2026, 1, 9)),
    ("Sept 30 2025", date(2025, 9, 30)),
    ("01/14/2026 10:30 PM", date(2026, 1, 14)),
    ("Mon 1/12/26", date(2026, 1, 12)),
])
def test_written_dates(text, expected):
    assert parse_date(text) == expected
    assert parse_date(text, anchor=VISIT) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("today", VISIT),
    ("tonight", VISIT),
    ("this am", VISIT),
    ("45 min ago", VISIT),
    ("2 hrs ago", VISIT),
    ("last night", date(2026, 3, 1)),
    ("yesterday", date(2026, 3, 1)),
    ("3 days ago", date(2026, 2, 27)),
    ("2 wks ago", date(2026, 2, 16)),
    ("Jan 9th", date(2026, 1, 9)),  # no year: the latest not after the anchor
    ("Dec 20th", date(2025, 12, 20)),
])
def test_relative_dates_need_their_anchor(text, expected):
    assert parse_date(text, anchor=VISIT) == expected
    assert parse_date(text) is None


@pytest.mark.parametrize("text", ["", "Test night", "pending", "n/a", "AHI 18.2"])
def test_words_that_are_no_date(text):
    assert parse_date(text, anchor=VISIT) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("2 months ago", date(2026, 1, 2)),  # back to the day, not the 1st of the month
    ("6 mos ago", date(2025, 9, 2)),
    ("a year ago", date(2025, 3, 2)),
    ("Feb 29", date(2024, 2, 29)),  # the latest Feb 29 not after the anchor
    ("01/02/45", date(1945, 1, 2)),  # a two-digit year is never years ahead of the record
])
def test_relative_and_partial_dates_keep_their_day(text, expected):
    assert parse_date(text, anchor=VISIT) == expected
