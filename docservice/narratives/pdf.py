"""The narrative as a PDF for the claim packet (fpdf2), on one page where the text allows.

DejaVu Sans (Debian package fonts-dejavu-core, installed by scripts/setup.sh) prints any
Unicode text. Without it the core Helvetica font is used; text Helvetica cannot print is then
refused with a clear error rather than printed wrong.
"""
from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from fpdf import FPDF

from docservice.models import Narrative

log = logging.getLogger(__name__)

FONT_PATH = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BOLD_FONT_PATH = FONT_PATH.with_name("DejaVuSans-Bold.ttf")
# Largest first: the first size that fits the letter on one page wins; else the last, over pages.
FONT_SIZES = (10.5, 10.0, 9.5, 9.0)
DRAFT_HEADING = "DRAFT — not signed"
# What the core font lacks but a letter often holds, in plain equivalents.
CORE_FONT_REPLACEMENTS = str.maketrans({"—": "-", "–": "-", "’": "'", "‘": "'", "“": '"', "”": '"',
                                        "≥": ">=", "≤": "<=", "•": "-", "…": "..."})


class PdfFontError(RuntimeError):
    """The Unicode font is missing and the text needs it."""


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
        if self.letter_font != "Helvetica":
            return text
        text = text.translate(CORE_FONT_REPLACEMENTS)
        try:
            text.encode("latin-1")
        except UnicodeEncodeError:
            raise PdfFontError(
                f"The narrative holds characters the fallback PDF font cannot print, and {FONT_PATH} is missing; "
                "install the fonts-dejavu-core package (scripts/setup.sh does)."
            ) from None
        return text


def render_pdf(narrative: Narrative, *, font_path: Path = FONT_PATH) -> bytes:
    """The PDF of the narrative as it stands: signed (with who and when) or a marked draft."""
    for size in FONT_SIZES:
        pdf = _layout(narrative, size=size, font_path=font_path)
        if pdf.page_no() == 1:
            break
    return bytes(pdf.output())


def _layout(narrative: Narrative, *, size: float, font_path: Path) -> NarrativePdf:
    font = _font_name(font_path)
    pdf = NarrativePdf(font=font, draft=narrative.status != "signed")
    if font != "Helvetica":
        pdf.add_font(font, "", str(font_path))
        bold = font_path.with_name(font_path.stem + "-Bold.ttf")
        pdf.add_font(font, "B", str(bold if bold.is_file() else font_path))
    pdf.add_page()
    pdf.set_title("Letter of medical necessity")
    for line in narrative.body.splitlines():
        _write_line(pdf, line, size=size)
    _write_signature(pdf, narrative, size=size)
    return pdf


def _font_name(font_path: Path) -> str:
    if font_path.is_file():
        return "DejaVu"
    log.warning("PDF font %s is missing (install fonts-dejavu-core); using Helvetica", font_path)
    return "Helvetica"


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


def _write_signature(pdf: NarrativePdf, narrative: Narrative, *, size: float) -> None:
    pdf.ln(size * 0.4)
    pdf.set_font(pdf.letter_font, "B", size)
    if narrative.status == "signed" and narrative.signed_at:
        when = _format_when(narrative.signed_at)
        text = f"Signed electronically by {narrative.signed_name} on {when}."
        pdf.multi_cell(0, size * 0.48, pdf.encode_text(text), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(pdf.letter_font, "", size - 2)
        pdf.multi_cell(0, size * 0.4, f"SHA-256 of the signed text: {narrative.body_sha256}", new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.set_text_color(170, 0, 0)
        pdf.multi_cell(0, size * 0.48, pdf.encode_text(DRAFT_HEADING), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)


def _format_when(moment: datetime) -> str:
    return f"{moment:%B} {moment.day}, {moment.year} at {moment:%H:%M} UTC"
