"""Puts a page's values on the 10 cpi / 6 lpi grid with fpdf2.

Courier 12 pt is 7.2 pt (1/10 in) per character, so a value placed at a column lines up with the
pre-printed form's character cells. Core Courier needs no embedded font: the PDF stays small and
is the same byte for byte each time.
"""
from __future__ import annotations

from collections.abc import Iterable

from fpdf import FPDF

from docservice.claimforms.cms1500.layout import Layout
from docservice.claimforms.cms1500.page_writer import Placed

DATA_FONT = "Courier"


def draw_data(pdf: FPDF, placed: Iterable[Placed], *, layout: Layout, offset_pt: tuple[float, float]) -> None:
    """Each value with its first character in its cell, shifted by the printer offset (points)."""
    pdf.set_font(DATA_FONT, size=layout.font_size_pt)
    pdf.set_text_color(0, 0, 0)
    dx, dy = offset_pt
    for item in placed:
        x = (item.column - 1) * layout.column_pt + dx
        baseline = (item.line - 1) * layout.line_pt + layout.baseline_pt + dy
        pdf.text(x, baseline, item.text)
