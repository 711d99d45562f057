"""Sentences of clinical text (OCR pages and appointment notes), for the reach of context cues and the snippet a person reads.

OCR text breaks lines inside phrases, so a single line break does not end a sentence; a blank
line does, and so does a line that starts a new labelled field ("Impression:", "- ", "2.") or
ends with ":", a line that starts with a capital letter (after a line not ending in "," or "-"),
and sentence punctuation followed by a space (not after "Dr." or "No.").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

SNIPPET_MAX = 300
ABBREVIATIONS = ("dr", "mr", "mrs", "ms", "no", "vs", "approx", "e.g", "i.e", "pt", "st", "jr", "sr", "fig", "hx", "dx")
BOUNDARY = re.compile(
    r"(?<=[.!?])[ \t]+(?=[A-Z0-9(\"'])"  # end of a sentence on the line
    r"|\n[ \t]*\n\s*"  # a blank line
    r"|\n(?=[ \t]*(?:[-*•]|\d{1,2}[.)]\s|[A-Z][A-Za-z /&()-]{1,40}:))"  # a new item or labelled field
    r"|(?<=:)[ \t]*\n"  # a label ending its line
    r"|(?<=[.!?;])[ \t]*\n"  # punctuation ending a line
    r"|(?<![,\-])\n(?=[ \t]*[A-Z])"  # a line starting with a capital, unless the last one ran on
)


@dataclass(frozen=True)
class Sentences:
    """Sentence spans of one text; `around(offset)` finds the one holding a character."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def around(self, offset: int) -> tuple[int, int]:
        index = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        return self.starts[index], self.ends[index]


def split_sentences(text: str) -> Sentences:
    starts, ends = [0], []
    for match in BOUNDARY.finditer(text):
        if match.start() > 0 and text[match.start() - 1] == "." and _after_abbreviation(text, match.start() - 1):
            continue
        ends.append(match.start())
        starts.append(match.end())
    ends.append(len(text))
    return Sentences(text=text, starts=tuple(starts), ends=tuple(ends))


def _after_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 8):dot])
    return bool(word) and (word.group(1).lower() in ABBREVIATIONS or len(word.group(1)) == 1)


def clean(text: str) -> str:
    """Whitespace (line breaks included) collapsed to single spaces."""
    return " ".join(text.split())


def snippet(text: str, start: int, end: int, sentences: Sentences) -> str:
    """The sentence holding text[start:end], whitespace collapsed, cut to SNIPPET_MAX around the match."""
    first, last = sentences.around(start)
    last = max(last, end)
    if last - first > SNIPPET_MAX:
        margin = max((SNIPPET_MAX - (end - start)) // 2, 0)
        first = max(first, start - margin)
        last = min(last, first + SNIPPET_MAX)
    return clean(text[first:last])[:SNIPPET_MAX]
