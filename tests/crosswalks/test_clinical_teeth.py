"""One tooth reader for notes and documents: numbering, ranges, paperwork numbers."""
from __future__ import annotations

import pytest

from crosswalks.clinical.teeth import teeth_in, teeth_mentioned, tooth_number


@pytest.mark.parametrize(("token", "expected"), [("08", "8"), ("32", "32"), ("k", "K"), ("45", None), ("0", None)])
def test_tooth_number(token, expected):
    assert tooth_number(token) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("#8 and #9", ["8", "9"]),
    ("#7-10", ["7", "8", "9", "10"]),
    ("#12-0417", []),
    ("teeth 24, 25 and E", ["24", "25", "E"]),
])
def test_teeth_in(text, expected):
    assert teeth_in(text) == expected


def test_a_notes_mentions_skip_paperwork():
    assert teeth_mentioned("claim #24-77812, recheck #08, #45 noted") == ["8"]
