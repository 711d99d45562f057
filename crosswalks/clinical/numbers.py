"""Numbers written in words, turned into digits without losing where each word stood.

"AHI of twenty-two point five" reads as "AHI of 22.5", so every rule that reads a number reads
both. text2num does the arithmetic of English number words; what is added here is the map from
each character of the rewritten text back to the original, so a fact still points at the words a
person wrote (highlighting, snippets).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from text_to_num import alpha2digit


@dataclass(frozen=True)
class Rewritten:
    """A rewritten text and, for each of its characters (and its end), the offset in the original."""

    text: str
    index: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Where text[start:end] came from in the original."""
        return self.index[start], self.index[end - 1] + 1 if end > start else self.index[start]


def spell_numbers_as_digits(text: str) -> Rewritten:
    """`text` with numbers written in words as digits ("thirty-five mm" -> "35 mm"), line by line.

    Lone small words stay words ("one of", "a few"): text2num only converts what is clearly a number.
    """
    pieces: list[str] = []
    index: list[int] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        converted = alpha2digit(line, "en") if any(c.isalpha() for c in line) else line
        if converted == line:
            pieces.append(line)
            index.extend(range(offset, offset + len(line)))
        else:
            pieces.append(converted)
            index.extend(offset + position for position in _line_map(line, converted))
        offset += len(line)
    index.append(offset)
    return Rewritten("".join(pieces), tuple(index))


_TOKEN = re.compile(r"\s+|[^\s]+")


def _line_map(original: str, converted: str) -> list[int]:
    """For each character of `converted`, its offset in `original`.

    Aligned word by word: a run of number words replaced by digits maps its first digit to the
    first word's first letter and its last digit to the last word's last letter, so the span of
    "207" is the span of "two hundred seven".
    """
    before = [(m.start(), m.group()) for m in _TOKEN.finditer(original)]
    after = [(m.start(), m.group()) for m in _TOKEN.finditer(converted)]
    mapping = [0] * len(converted)
    matcher = difflib.SequenceMatcher(None, [t for _, t in before], [t for _, t in after], autojunk=False)
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag == "equal":
            for (a_offset, token), (b_offset, _) in zip(before[a_start:a_end], after[b_start:b_end]):
                mapping[b_offset:b_offset + len(token)] = range(a_offset, a_offset + len(token))
            continue
        first = before[a_start][0] if a_start < len(before) else len(original)
        last = before[a_end - 1][0] + len(before[a_end - 1][1]) - 1 if a_end > a_start else first
        b_first = after[b_start][0] if b_start < len(after) else len(converted)
        b_last = after[b_end - 1][0] + len(after[b_end - 1][1]) if b_end > b_start else b_first
        length = b_last - b_first
        for i in range(length):
            mapping[b_first + i] = last if i == length - 1 else min(first + i, last)
    return mapping
