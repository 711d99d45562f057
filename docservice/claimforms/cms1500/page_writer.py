"""Collects what one CMS-1500 page says, cell by cell, before anything is drawn.

Keeping the page as a list of (line, column, text) makes the data independent of the PDF: the
renderer draws it on the grid, and a reader can check a box without parsing a PDF.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from docservice.claimforms.cms1500.errors import Cms1500Error
from docservice.claimforms.cms1500.formatting import date_parts, money_parts, phone_parts
from docservice.claimforms.cms1500.layout import CheckSpot, DateSpot, MoneySpot, PhoneSpot, TextSpot

CHECK_MARK = "X"


@dataclass(frozen=True)
class Placed:
    """Text whose first character sits in the cell at (line, column)."""

    line: int
    column: int
    text: str


@dataclass
class PageWriter:
    """Puts values into the spots of the layout; every put is checked against the spot's width."""

    placed: list[Placed] = field(default_factory=list)

    def put_text(self, spot: TextSpot, text: str, *, box: str, must_fit: bool = False) -> None:
        """Left-aligned text; longer text is cut to the width, or refused when `must_fit`.

        Identifiers (IDs, NPIs, codes, account numbers) must fit: a cut one would be a wrong one.
        Names, addresses and notes are cut, as on any paper form.
        """
        if not text:
            return
        if len(text) > spot.width and must_fit:
            raise Cms1500Error(f"Box {box} holds {spot.width} characters; its value has {len(text)}.")
        self.placed.append(Placed(spot.line, spot.column, text[:spot.width]))

    def put_lines(self, spot: TextSpot, lines: list[str]) -> None:
        """Up to `spot.lines` lines from the spot's line downward, each cut to the width."""
        for offset, text in enumerate(line for line in lines if line):
            if offset >= spot.lines:
                break
            self.placed.append(Placed(spot.line + offset, spot.column, text[:spot.width]))

    def put_date(self, spot: DateSpot, day: date | None) -> None:
        if day is None:
            return
        for column, part in zip(spot.columns, date_parts(day, year_digits=spot.year_digits)):
            self.placed.append(Placed(spot.line, column, part))

    def put_money(self, spot: MoneySpot, amount: Decimal, *, box: str) -> None:
        dollars, cents = money_parts(amount)
        if len(dollars) > spot.dollars_width:
            raise Cms1500Error(f"Box {box} holds at most {spot.dollars_width} digits of dollars.")
        self.placed.append(Placed(spot.line, spot.dollars_end - len(dollars) + 1, dollars))
        self.placed.append(Placed(spot.line, spot.cents, cents))

    def put_phone(self, spot: PhoneSpot, phone: str) -> None:
        parts = phone_parts(phone)
        if parts is None:
            return
        self.placed.append(Placed(spot.line, spot.area, parts[0]))
        self.placed.append(Placed(spot.line, spot.number, parts[1]))

    def check(self, spot: CheckSpot, option: str) -> None:
        """An X in the cell of `option` (a key of the spot's options)."""
        self.placed.append(Placed(spot.line, spot.options[option].column, CHECK_MARK))
