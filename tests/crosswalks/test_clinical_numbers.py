"""Numbers in words become digits, and every rewritten character still points at the words written."""
from __future__ import annotations

import pytest

from crosswalks.clinical.numbers import spell_numbers_as_digits


@pytest.mark.parametrize(("text", "expected"), [
    ("AHI of twenty-two point five", "AHI of 22.5"),
    ("opening thirty five millimeters", "opening 35 millimeters"),
    ("one hundred and twelve events", "112 events"),
    ("ONE HUNDRED TWELVE EVENTS", "112 EVENTS"),
    ("splint for six weeks", "splint for 6 weeks"),
    ("one of the options", "one of the options"),  # a lone "one" is a word
    ("AHI 18.2, no words here", "AHI 18.2, no words here"),
])
def test_numbers_in_words(text, expected):
    assert spell_numbers_as_digits(text).text == expected


def test_offsets_point_back_at_the_written_words():
    text = "Line one.\nTotal events: two hundred seven over the night.\nAHI twenty"
    rewritten = spell_numbers_as_digits(text)
    start = rewritten.text.index("207")
    original_start, original_end = rewritten.original_span(start, start + 3)
    assert text[original_start:original_end] == "two hundred seven"
    tail = rewritten.text.index("AHI")
    assert rewritten.original_span(tail, tail + 3) == (text.index("AHI"), text.index("AHI") + 3)
