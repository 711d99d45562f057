"""Layout before wording: label-value lines and tables, as forms and reports lay them out.

Rules read "AHI: 18.2"; forms write "AHI ........ 18.2" and reports put the number in a table
row under a column header. `tidy_leaders` turns dot leaders into a colon (keeping where every
character came from), and `Table` finds the header above a row so a reader can take the value of
the right column ("Total", not "Supine") and never a value from another row.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from crosswalks.clinical.numbers import Rewritten
from crosswalks.clinical.rules import load_clinical_rules

LEADER = re.compile(r"[ \t]*(?:\.[ \t]?){3,}[ \t]*|[ \t]*_{3,}[ \t]*|[ \t]*…+[ \t]*")
# Cells of a table row are split by two or more spaces, a tab or a bar.
CELL_GAP = re.compile(r"\t+|\s*\|\s*| {2,}")
NUMBER = re.compile(r"^[<>~]?\d+(?:[.,]\d+)?%?$")
HEADER_LOOKBACK = 6  # lines above a row where its header may stand


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str

    @property
    def numeric(self) -> bool:
        return bool(NUMBER.match(self.text))


def tidy_leaders(text: str) -> Rewritten:
    """`text` with dot leaders and underscores between a label and its value as ": "."""
    pieces: list[str] = []
    index: list[int] = []
    last = 0
    for match in LEADER.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        # A leader joins a label to a value; at the start or end of a line it is a rule or a blank.
        if not text[line_start:match.start()].strip() or not text[match.end():line_end].strip():
            continue
        pieces.append(text[last:match.start()])
        index.extend(range(last, match.start()))
        pieces.append(": ")
        index.extend((match.start(), match.end() - 1))
        last = match.end()
    pieces.append(text[last:])
    index.extend(range(last, len(text) + 1))
    return Rewritten("".join(pieces), tuple(index))


def compose(outer: Rewritten, inner: Rewritten) -> Rewritten:
    """`outer` rewrote `inner.text`; the result maps `outer.text` back to what `inner` started from."""
    return Rewritten(outer.text, tuple(inner.index[position] for position in outer.index))


def split_cells(text: str, start: int, end: int) -> tuple[Cell, ...]:
    """The cells of text[start:end] (one line), with their offsets."""
    cells: list[Cell] = []
    position = start
    for gap in CELL_GAP.finditer(text, start, end):
        if gap.start() > position:
            cells.append(_cell(text, position, gap.start()))
        position = gap.end()
    if position < end:
        cells.append(_cell(text, position, end))
    return tuple(cell for cell in cells if cell.text)


def _cell(text: str, start: int, end: int) -> Cell:
    raw = text[start:end]
    stripped = raw.strip()
    offset = start + (len(raw) - len(raw.lstrip()))
    return Cell(offset, offset + len(stripped), stripped)


@functools.cache
def _preferred_columns() -> tuple[re.Pattern[str], ...]:
    words = load_clinical_rules()["layout"]["preferred_columns"]
    return tuple(re.compile(rf"^(?:{word})\b", re.IGNORECASE) for word in words)


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def row_values(text: str, offset: int) -> tuple[Cell, ...] | None:
    """The numeric cells of the table row holding `offset`, or None when that line is no table row
    (a row is a label cell followed by at least two numeric cells)."""
    start, end = _line_bounds(text, offset)
    cells = split_cells(text, start, end)
    values = tuple(cell for cell in cells[1:] if cell.numeric)
    if len(cells) < 3 or cells[0].numeric or len(values) < 2:
        return None
    return values


def header_of(text: str, offset: int, columns: int) -> tuple[Cell, ...] | None:
    """The header cells naming the `columns` value columns of the row holding `offset`: the nearest
    line above with that many (or one more, the label column's) non-numeric cells."""
    start, _ = _line_bounds(text, offset)
    line_end = start - 1
    for _ in range(HEADER_LOOKBACK):
        if line_end < 0:
            return None
        line_start = text.rfind("\n", 0, line_end) + 1
        cells = split_cells(text, line_start, line_end)
        if cells and not any(cell.numeric for cell in cells):
            if len(cells) == columns:
                return cells
            if len(cells) == columns + 1:
                return cells[1:]
        line_end = line_start - 1
    return None


def preferred_cell(text: str, offset: int) -> Cell | None:
    """In a table row, the value of the whole-study column ("Total", "Overall", "All night"), when
    the header names one; None when `offset` is not in such a row."""
    values = row_values(text, offset)
    if values is None:
        return None
    header = header_of(text, offset, len(values))
    if header is None:
        return None
    for pattern in _preferred_columns():
        for cell, name in zip(values, header):
            if pattern.match(name.text):
                return cell
    return None
