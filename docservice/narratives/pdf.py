"""The narrative as a PDF for the claim packet (fpdf2), on one page where the text allows.

Fonts (DejaVu Sans, else Helvetica with a clear refusal of what it cannot print) and the practice
letterhead are shared with the packet's cover sheet: docservice.packets.fonts and .letterhead.

The same bytes come out for the same narrative: the PDF's creation date is the signing (or
drafting) time, never "now", so an export can be rebuilt and compared.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from fpdf import FPDF

from docservice.packets.fonts import (
    CORE_FONT,
    CORE_FONT_REPLACEMENTS,
    FONT_PATH,
    PdfFontError,
    add_fonts,
    encode_for_font,
)
from docservice.packets.letterhead import Letterhead, draw_letterhead

if TYPE_CHECKING:
    from docservice.models import Narrative

__all__ = ["CORE_FONT_REPLACEMENTS", "FONT_PATH", "Letterhead", "NarrativePdf", "PdfFontError", "render_pdf"]

# Largest first: the first size that fits the letter on one page wins; else the last, over pages.
FONT_SIZES = (10.5, 10.0, 9.5, 9.0)
DRAFT_HEADING = "DRAFT — not signed"
# A letter not yet saved has no drafting time; a fixed date keeps its PDF reproducible all the same.
UNDATED = datetime(2000, 1, 1, tzinfo=timezone.utc)


class NarrativePdf(FPDF):
    """A letter page: page numbers in the footer, a draft banner and watermark while unsigned."""

    def __init__(self, *, font: str, draft: bool) -> None:
        super().__init__(format="Letter")
        self.letter_font = font
        self.draft = draft
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(auto=True, margin=16)

    def header(self) -> None:
        if not self.draft:
            return
        with self.local_context(text_color=(215, 215, 215)):
            self.set_font(self.letter_font, "B", 80)
            with self.rotation(45, x=self.w / 2, y=self.h / 2):
                self.text(self.w / 2 - 60, self.h / 2 + 10, "DRAFT")
        self.set_font(self.letter_font, "B", 9)
        self.set_text_color(170, 0, 0)
        self.cell(0, 5, self.encode_text(DRAFT_HEADING), align="R", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.letter_font, "", 8)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")

    def encode_text(self, text: str) -> str:
        return encode_for_font(text, self.letter_font)


def render_pdf(narrative: Narrative, *, letterhead: Letterhead | None = None, font_path: Path = FONT_PATH) -> bytes:
    """The PDF of the narrative as it stands: signed (with who and when) or a marked draft.

    Args:
        letterhead: the practice's letterhead, printed at the top of page 1; None prints none.
    """
    for size in FONT_SIZES:
        pdf = _layout(narrative, size=size, font_path=font_path, letterhead=letterhead)
        if pdf.page_no() == 1:
            break
    return bytes(pdf.output())


def _layout(narrative: Narrative, *, size: float, font_path: Path, letterhead: Letterhead | None) -> NarrativePdf:
    pdf = NarrativePdf(font=CORE_FONT, draft=narrative.status != "signed")
    pdf.letter_font = add_fonts(pdf, font_path=font_path)
    pdf.set_creation_date(_creation_date(narrative))
    pdf.set_title("Letter of medical necessity")
    pdf.add_page()
    if letterhead is not None:
        draw_letterhead(pdf, letterhead, font=pdf.letter_font)
    lines = narrative.body.splitlines()
    closing = _closing_start(lines)
    for line in lines[:closing]:
        _write_line(pdf, line, size=size)
    _write_closing(pdf, lines[closing:], narrative, size=size)
    return pdf


def _closing_start(lines: list[str]) -> int:
    """Where the attestation begins: its heading, else the "Signature:" line; the end when neither."""
    for marker in (lambda text: text.strip().lower() == "## attestation",
                   lambda text: text.startswith("Signature:")):
        found = next((index for index, line in enumerate(lines) if marker(line)), None)
        if found is not None:
            return found
    return len(lines)


def _creation_date(narrative: Narrative) -> datetime:
    """When the text was signed (else drafted), as the UTC time the database holds (naive)."""
    moment = narrative.signed_at or narrative.drafted_at
    if moment is None:
        return UNDATED
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _write_line(pdf: NarrativePdf, line: str, *, size: float) -> None:
    text = pdf.encode_text(line)
    height = size * 0.48
    if text.startswith("## "):
        pdf.ln(height * 0.4)
        pdf.set_font(pdf.letter_font, "B", size + 1)
        pdf.multi_cell(0, height, text[3:], new_x="LMARGIN", new_y="NEXT")
        return
    pdf.set_font(pdf.letter_font, "", size)
    if not text.strip():
        pdf.ln(height * 0.5)
        return
    if text.startswith("- "):
        pdf.set_x(pdf.l_margin + 4)
        pdf.multi_cell(0, height, pdf.encode_text("• ") + text[2:], new_x="LMARGIN", new_y="NEXT")
        return
    pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")


def _write_closing(pdf: NarrativePdf, lines: list[str], narrative: Narrative, *, size: float) -> None:
    """The attestation and the signature, kept together: a block that would cross a page break
    moves whole to the next page, so a reviewer sees what is attested, who signed and the hash of
    what was signed on one page. It is laid out once on a trial copy (fpdf2's offset rendering) to
    learn whether it fits."""
    with pdf.offset_rendering() as trial:
        _draw_closing(trial, lines, narrative, size=size)
    if trial.page_break_triggered:
        pdf.add_page()
    _draw_closing(pdf, lines, narrative, size=size)


def _draw_closing(pdf, lines: list[str], narrative: Narrative, *, size: float) -> None:
    for line in lines:
        _write_line(pdf, line, size=size)
    pdf.ln(size * 0.4)
    for line in _signature_lines(pdf, narrative, size=size):
        pdf.set_font(pdf.letter_font, line.style, line.size)
        pdf.set_text_color(*line.color)
        pdf.multi_cell(0, line.height, line.text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)


@dataclass(frozen=True)
class _SignatureLine:
    text: str
    style: str
    size: float
    height: float
    color: tuple[int, int, int] = (0, 0, 0)


def _signature_lines(pdf: NarrativePdf, narrative: Narrative, *, size: float) -> list[_SignatureLine]:
    if narrative.status == "signed" and narrative.signed_at:
        when = _format_when(narrative.signed_at)
        signed = pdf.encode_text(f"Signed electronically by {narrative.signed_name} on {when}.")
        digest = f"SHA-256 of the signed text: {narrative.body_sha256}"
        return [_SignatureLine(signed, "B", size, size * 0.48), _SignatureLine(digest, "", size - 2, size * 0.4)]
    return [_SignatureLine(pdf.encode_text(DRAFT_HEADING), "B", size, size * 0.48, color=(170, 0, 0))]


def _format_when(moment: datetime) -> str:
    return f"{moment:%B} {moment.day}, {moment.year} at {moment:%H:%M} UTC"
