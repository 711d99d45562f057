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
ELLIPSIS = "…"  # marks where a snippet leaves words out
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


def cut_snippet(text: str, start: int, end: int, *, bounds: tuple[int, int] | None = None,
                max_chars: int = SNIPPET_MAX) -> str:
    """The words around text[start:end] that a person reads: text[bounds] (the sentence holding the
    match; the whole text when None), whitespace collapsed, at most `max_chars` long.

    A longer one is cut around the match, which stays whole and as near the middle as the bounds
    allow; cuts fall between words and are marked "…" (so a reader knows words are left out).
    """
    first, last = bounds if bounds is not None else (0, len(text))
    first, last = min(first, start), max(last, end)
    whole = clean(text[first:last])
    if len(whole) <= max_chars:
        return whole
    # where the match stands in the collapsed text ("x" stands for its first character)
    m_start = len(clean(text[first:start] + "x")) - 1
    m_end = max(len(clean(text[first:end])), m_start)
    if m_end - m_start >= max_chars - 1:  # the match alone fills the snippet
        return whole[m_start:m_start + max_chars - 1].rstrip() + ELLIPSIS
    room = max_chars - (m_end - m_start)
    left = min(m_start, room // 2)
    right = min(len(whole) - m_end, room - left)
    left = min(m_start, room - right)
    begin, finish = m_start - left, m_end + right
    before, after = whole[begin:m_start], whole[m_end:finish]
    if begin > 0:  # cut: the mark takes a character, and the part of a word cut in two goes
        begin += 1
        before = whole[begin:m_start]
        if whole[begin - 1] != " " and " " in before:
            before = before[before.index(" "):]
        before = ELLIPSIS + before.lstrip()
    if finish < len(whole):
        finish -= 1
        after = whole[m_end:finish]
        if whole[finish] != " " and " " in after:
            after = after[:after.rindex(" ")]
        after = after.rstrip() + ELLIPSIS
    return before + whole[m_start:m_end] + after
