"""MedLane's own drawing of the form for mode "full": boxes, short captions, box 24's grid.

Everything drawn comes from the `outline` section of layout.yaml (grid units: x in columns,
y in lines, from the page's top-left corner). Checkbox squares and their labels come from the
checkbox spots themselves, so an X and its square cannot drift apart.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from fpdf import FPDF

from docservice.claimforms.cms1500.layout import Layout

CAPTION_FONT = "Helvetica"
CAPTION_BASELINE = 0.40  # lines below a box's top edge
CHECK_LABEL_RISE = 0.08  # a checkbox label's baseline, in lines above its cell's band
CAPTION_INSET = 0.2  # columns from a box's left edge


class OutlinePainter:
    """Draws in grid units onto one fpdf2 page, shifted by the printer offset (points)."""

    def __init__(self, pdf: FPDF, *, layout: Layout, offset_pt: tuple[float, float]) -> None:
        self.pdf = pdf
        self.layout = layout
        self.style = layout.outline
        self.dx, self.dy = offset_pt

    def x(self, columns: float) -> float:
        return columns * self.layout.column_pt + self.dx

    def y(self, lines: float) -> float:
        return lines * self.layout.line_pt + self.dy

    def text(self, at: Sequence[float], text: str, *, size: float, bold: bool = False) -> None:
        self.pdf.set_font(CAPTION_FONT, "B" if bold else "", size)
        self.pdf.text(self.x(at[0]), self.y(at[1]), text)

    def rect(self, rect: Sequence[float], *, fill: bool = False) -> None:
        left, top, right, bottom = rect
        self.pdf.rect(self.x(left), self.y(top), self.x(right) - self.x(left), self.y(bottom) - self.y(top),
                      style="F" if fill else "D")

    def line(self, segment: Sequence[float], *, dotted: bool = False) -> None:
        if dotted:
            self.pdf.set_dash_pattern(dash=0.8, gap=1.2)
        self.pdf.line(self.x(segment[0]), self.y(segment[1]), self.x(segment[2]), self.y(segment[3]))
        if dotted:
            self.pdf.set_dash_pattern()


def draw_outline(pdf: FPDF, *, layout: Layout, offset_pt: tuple[float, float], page_label: str, footer: str) -> None:
    """The full-page outline of one page; `page_label` and `footer` are MedLane's own lines."""
    painter = OutlinePainter(pdf, layout=layout, offset_pt=offset_pt)
    style = layout.outline
    red = style["color_rgb"]
    pdf.set_draw_color(*red)
    pdf.set_text_color(*red)
    pdf.set_line_width(float(style["line_width_pt"]))
    _draw_titles(painter, style, page_label=page_label, footer=footer)
    _draw_service_grid(painter, style["service_grid"], layout=layout)
    _draw_boxes(painter, style)
    for rule in style.get("rules", ()):
        painter.line(rule["line"], dotted=bool(rule.get("dotted")))
    for label in style.get("labels", ()):
        painter.text(label["at"], label["text"], size=float(label.get("size_pt", style["label_size_pt"])))
    _draw_checkboxes(painter, layout=layout)


def _draw_titles(painter: OutlinePainter, style: Mapping, *, page_label: str, footer: str) -> None:
    title, subtitle = style["title"], style["subtitle"]
    painter.text(title["at"], title["text"], size=float(title["size_pt"]), bold=True)
    painter.text(subtitle["at"], subtitle["text"], size=float(subtitle["size_pt"]))
    painter.text(style["page"]["at"], page_label, size=float(style["page"]["size_pt"]), bold=True)
    painter.text(style["footer"]["at"], footer, size=float(style["footer"]["size_pt"]))


def _draw_boxes(painter: OutlinePainter, style: Mapping) -> None:
    size = float(style["caption_size_pt"])
    for box in style["boxes"]:
        left, top = box["rect"][0], box["rect"][1]
        painter.rect(box["rect"])
        number = str(box["box"])
        caption = str(box.get("caption") or "")
        if not caption:
            continue
        at = (left + CAPTION_INSET, top + CAPTION_BASELINE)
        if number:
            painter.text(at, number, size=size, bold=True)
            at = (at[0] + painter.pdf.get_string_width(number + " ") / painter.layout.column_pt, at[1])
        painter.text(at, caption, size=size)


def _draw_service_grid(painter: OutlinePainter, grid: Mapping, *, layout: Layout) -> None:
    """Box 24: shaded lines, row rules, column dividers, headers, NPI labels and row numbers."""
    rows = layout.service_rows
    box24 = next(box for box in layout.outline["boxes"] if str(box["box"]) == "24")
    left, right = box24["rect"][0], box24["rect"][2]
    top, header_bottom = float(grid["top"]), float(grid["header_bottom"])
    label_size = float(layout.outline["label_size_pt"])

    painter.pdf.set_fill_color(*layout.outline["shade_rgb"])
    for row in range(rows.rows):
        shaded_top = header_bottom + row * rows.step
        painter.rect((left, shaded_top, right, shaded_top + 1), fill=True)
    painter.line((left, header_bottom, right, header_bottom))
    for row in range(rows.rows):
        white_top = header_bottom + row * rows.step + 1
        painter.line((left, white_top, right, white_top), dotted=True)
        painter.line((left, white_top + 1, right, white_top + 1))
        baseline = rows.row_line(row) - 1 + layout.baseline_pt / layout.line_pt
        for label in grid.get("row_labels", ()):
            painter.text((label["x"], baseline), label["text"], size=label_size)
        painter.text((float(grid["row_numbers_x"]), baseline), str(row + 1),
                     size=float(grid["row_numbers_size_pt"]), bold=True)

    bottom = header_bottom + rows.rows * rows.step
    for divider in grid["dividers"]:
        x, dotted = float(divider["x"]), bool(divider.get("dotted"))
        if not dotted:  # cells of one value (modifiers, dollars and cents) share one header
            painter.line((x, top, x, header_bottom))
        if divider.get("shaded"):
            painter.line((x, header_bottom, x, bottom), dotted=dotted)
            continue
        for row in range(rows.rows):
            white_top = header_bottom + row * rows.step + 1
            painter.line((x, white_top, x, white_top + 1), dotted=dotted)
    for header in grid["headers"]:
        painter.text(header["at"], header["text"], size=float(header.get("size_pt", label_size)))


def _draw_checkboxes(painter: OutlinePainter, *, layout: Layout) -> None:
    """A square around each option's cell and the option's name just above it."""
    size = float(layout.outline["label_size_pt"])
    for spot in layout.checkboxes.values():
        for option in spot.options.values():
            left, band_top = option.column - 1, spot.line - 1
            painter.rect((left - 0.05, band_top + 0.1, left + 1.05, band_top + 0.92))
            painter.text((left, band_top - CHECK_LABEL_RISE), option.label, size=size)
