"""The CMS-1500 box layout (layout.yaml) as typed, read-only values.

Positions live in the YAML so that a correction to the form's grid is a data change; this module
only reads them and answers "where does this go". Grid units: a column is 1/10 in, a line 1/6 in,
both counted from 1 at the page's top-left corner.
"""
from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

LAYOUT_FILE = Path(__file__).with_name("layout.yaml")


@dataclass(frozen=True)
class TextSpot:
    """Left-aligned text of at most `width` characters from (line, column); `lines` lines downward."""

    line: int
    column: int
    width: int
    lines: int = 1

    def moved(self, lines: int) -> TextSpot:
        return replace(self, line=self.line + lines)


@dataclass(frozen=True)
class DateSpot:
    """A date in three cells: month, day and year (2 or 4 digits)."""

    line: int
    columns: tuple[int, int, int]
    year_digits: int

    def moved(self, lines: int) -> DateSpot:
        return replace(self, line=self.line + lines)


@dataclass(frozen=True)
class MoneySpot:
    """Dollars right-aligned to end at `dollars_end` (at most `dollars_width` digits), cents at `cents`."""

    line: int
    dollars_end: int
    dollars_width: int
    cents: int

    def moved(self, lines: int) -> MoneySpot:
        return replace(self, line=self.line + lines)


@dataclass(frozen=True)
class PhoneSpot:
    """The area code inside the printed parentheses, the 7 other digits after them."""

    line: int
    area: int
    number: int


@dataclass(frozen=True)
class CheckOption:
    column: int
    label: str


@dataclass(frozen=True)
class CheckSpot:
    """A row of options; the chosen one gets an X in its cell."""

    line: int
    options: Mapping[str, CheckOption]


@dataclass(frozen=True)
class DiagnosisGrid:
    first_line: int
    first_column: int
    column_step: int
    per_row: int
    width: int

    def spot(self, index: int) -> TextSpot:
        """Where diagnosis `index` (0 for A ... 11 for L) is printed."""
        row, column = divmod(index, self.per_row)
        return TextSpot(line=self.first_line + row, column=self.first_column + column * self.column_step,
                        width=self.width)


@dataclass(frozen=True)
class ServiceRows:
    """Box 24: spots relative to a row (line 0 the white line, -1 the shaded one)."""

    rows: int
    first_line: int
    step: int
    text: Mapping[str, TextSpot]
    dates: Mapping[str, DateSpot]
    money: Mapping[str, MoneySpot]

    def row_line(self, row: int) -> int:
        """The white line of row `row` (0-based)."""
        return self.first_line + row * self.step


@dataclass(frozen=True)
class Layout:
    columns: int
    lines: int
    page_in: tuple[float, float]
    font_size_pt: float
    baseline_pt: float
    text: Mapping[str, TextSpot]
    dates: Mapping[str, DateSpot]
    money: Mapping[str, MoneySpot]
    phones: Mapping[str, PhoneSpot]
    checkboxes: Mapping[str, CheckSpot]
    diagnoses: DiagnosisGrid
    service_rows: ServiceRows
    payer_types: Mapping[str, str]
    relationships: Mapping[str, str]
    outline: Mapping  # drawing data for mode "full"; read by outline.py only

    @property
    def column_pt(self) -> float:
        return self.page_in[0] * 72 / self.columns

    @property
    def line_pt(self) -> float:
        return self.page_in[1] * 72 / self.lines


@functools.lru_cache(maxsize=4)
def load_layout(path: Path = LAYOUT_FILE) -> Layout:
    """The layout in `path` (the package's layout.yaml by default), read once per process."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    grid = raw["grid"]
    rows = raw["service_lines"]
    return Layout(
        columns=int(grid["columns"]),
        lines=int(grid["lines"]),
        page_in=(float(grid["page_in"][0]), float(grid["page_in"][1])),
        font_size_pt=float(grid["font_size_pt"]),
        baseline_pt=float(grid["baseline_pt"]),
        text=_spots(raw["text"], _text_spot),
        dates=_spots(raw["dates"], _date_spot),
        money=_spots(raw["money"], _money_spot),
        phones=_spots(raw["phones"], lambda value: PhoneSpot(**value)),
        checkboxes=_spots(raw["checkboxes"], _check_spot),
        diagnoses=DiagnosisGrid(**raw["diagnoses"]),
        service_rows=ServiceRows(
            rows=int(rows["rows"]), first_line=int(rows["first_line"]), step=int(rows["step"]),
            text=_spots(rows["text"], _text_spot), dates=_spots(rows["dates"], _date_spot),
            money=_spots(rows["money"], _money_spot),
        ),
        payer_types={str(key): str(value) for key, value in raw["payer_types"].items()},
        relationships={str(key): str(value) for key, value in raw["relationships"].items()},
        outline=raw["outline"],
    )


def _spots(section: Mapping, make) -> dict:
    return {str(name): make(value) for name, value in section.items()}


def _text_spot(value: Mapping) -> TextSpot:
    return TextSpot(line=int(value["line"]), column=int(value["column"]), width=int(value["width"]),
                    lines=int(value.get("lines", 1)))


def _date_spot(value: Mapping) -> DateSpot:
    month, day, year = (int(column) for column in value["columns"])
    return DateSpot(line=int(value["line"]), columns=(month, day, year), year_digits=int(value["year_digits"]))


def _money_spot(value: Mapping) -> MoneySpot:
    return MoneySpot(line=int(value["line"]), dollars_end=int(value["dollars_end"]),
                     dollars_width=int(value["dollars_width"]), cents=int(value["cents"]))


def _check_spot(value: Mapping) -> CheckSpot:
    options = {str(key): CheckOption(column=int(option["column"]), label=str(option["label"]))
               for key, option in value["options"].items()}
    return CheckSpot(line=int(value["line"]), options=options)
