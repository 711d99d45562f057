"""Which font a MedLane PDF prints with (fpdf2): the narrative letter and the packet's cover sheet.

DejaVu Sans (Debian package fonts-dejavu-core, installed by scripts/setup.sh) prints any
Unicode text. Without it the core Helvetica font is used; text Helvetica cannot print is then
refused with a clear error rather than printed wrong.
"""
from __future__ import annotations

import logging
from pathlib import Path

from fpdf import FPDF

log = logging.getLogger(__name__)

FONT_PATH = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
CORE_FONT = "Helvetica"
UNICODE_FONT = "DejaVu"
# What the core font lacks but a letter often holds, in plain equivalents.
CORE_FONT_REPLACEMENTS = str.maketrans({"—": "-", "–": "-", "’": "'", "‘": "'", "“": '"', "”": '"',
                                        "≥": ">=", "≤": "<=", "•": "-", "…": "..."})


class PdfFontError(RuntimeError):
    """The Unicode font is missing and the text needs it."""


def add_fonts(pdf: FPDF, *, font_path: Path = FONT_PATH) -> str:
    """Register the Unicode font (regular and bold) on `pdf` and return its family name.

    Without the font file: the core font's name, after a warning; `encode_for_font` then
    refuses what it cannot print.
    """
    if not font_path.is_file():
        log.warning("PDF font %s is missing (install fonts-dejavu-core); using Helvetica", font_path)
        return CORE_FONT
    pdf.add_font(UNICODE_FONT, "", str(font_path))
    bold = font_path.with_name(font_path.stem + "-Bold.ttf")
    pdf.add_font(UNICODE_FONT, "B", str(bold if bold.is_file() else font_path))
    return UNICODE_FONT


def fits_core_font(text: str) -> bool:
    """Whether the core font prints `text` (after the plain replacements) as written."""
    try:
        text.translate(CORE_FONT_REPLACEMENTS).encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def encode_for_font(text: str, font: str) -> str:
    """`text` as `font` prints it: unchanged for the Unicode font, plain equivalents for the core one.

    Raises:
        PdfFontError: the core font cannot print the text (the Unicode font is missing).
    """
    if font != CORE_FONT:
        return text
    if not fits_core_font(text):
        raise PdfFontError(
            f"The text holds characters the fallback PDF font cannot print, and {FONT_PATH} is missing; "
            "install the fonts-dejavu-core package (scripts/setup.sh does)."
        )
    return text.translate(CORE_FONT_REPLACEMENTS)
