"""Typeset an invisible text layer from tesseract's words, so text extraction reads in page order.

Tesseract's own text-only PDF places each word at its box, with a font size it estimates per
line. Text extractors do not read that in tesseract's order: pdftotext (poppler, measured
22.12) rebuilds lines and columns from the glyph geometry alone, skipping the space glyphs. Two
of its rules break tesseract's layout: a horizontal gap wider than about 0.3 em (1 em for a short
block) between words starts a new block, and lines more than 1.5 em apart, or whose font sizes
differ by more than 5%, do not join a block. So the columns of a table row, and any words set
apart by a few spaces ("DOB: 07/18/1980   Phone: ..."), came out as separate blocks that
pdftotext then read column by column: a 40% character error rate on an EOB page whose OCR text
was right.

Here each of tesseract's lines is set on one horizontal baseline at one font size, in
tesseract's reading order, and each word's glyphs are stretched to reach the next word, leaving
a gap of `WORD_GAP_EM` (filled by a space glyph, which copy-paste needs). No gap is then wide
enough to split a line, and a word's text still starts over its image. Selection covers the
words and the space after them, never another line.
"""
from __future__ import annotations

from itertools import groupby
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject

from docservice.ocr.tesseract import Word

# Gap left between a word's stretched glyphs and the next word, as a fraction of the font size:
# above pdftotext's word break (0.1 em), so words stay apart even for readers that ignore the
# space glyph, and below its block break (0.3 em), so a line stays one block.
WORD_GAP_EM = 0.15
# A CIDFont's glyph width when it has no /DW (PDF 32000-1, 9.7.4.3), in 1/1000 em.
_DEFAULT_GLYPH_WIDTH = 1000


def typeset_text_layer(words: tuple[Word, ...], *, image_size: tuple[int, int], template: Path, out: Path) -> Path:
    """Write a one-page, text-only PDF with `words` typeset in page order over the OCR'd image.

    Args:
        words: Tesseract's words, in its reading order, with boxes in image pixels.
        image_size: (width, height) in pixels of the image tesseract read.
        template: The text-only PDF tesseract wrote for that image. Its page (the image's
            physical size) and its invisible GlyphLessFont are kept; its content is replaced.
        out: Where to write the layer.

    Returns:
        `out`, or `template` when there are no words to typeset.
    """
    if not words:
        return template
    writer = PdfWriter()
    page = writer.add_page(PdfReader(template).pages[0])
    font_name, font = next(iter(page["/Resources"]["/Font"].items()))
    descendant = font.get_object()["/DescendantFonts"][0].get_object()
    glyph_em = float(descendant.get("/DW", _DEFAULT_GLYPH_WIDTH)) / 1000
    # Words are in pixels, y down; the page is in points, y up.
    scale_x = float(page.mediabox.width) / image_size[0]
    scale_y = float(page.mediabox.height) / image_size[1]
    operators = [f"{scale_x:.6f} 0 0 {scale_y:.6f} 0 0 cm", "BT", "3 Tr"]  # 3 Tr: invisible
    for _, line in groupby(words, key=lambda word: word.line):
        operators += _typeset_line(list(line), page_height=image_size[1], font_name=font_name, glyph_em=glyph_em)
    operators.append("ET")
    content = DecodedStreamObject()
    content.set_data("\n".join(operators).encode("ascii"))
    page.replace_contents(content)
    page.compress_content_streams()
    with out.open("wb") as file:
        writer.write(file)
    return out


def _typeset_line(line: list[Word], *, page_height: int, font_name: str, glyph_em: float) -> list[str]:
    top = min(word.top for word in line)
    bottom = max(word.top + word.height for word in line)
    # The font box (GlyphLessFont: ascent 1 em, descent 0) spans the line from its lowest
    # descender to its highest ascender, so a selection covers what is seen.
    size = max(bottom - top, 1)
    baseline = page_height - bottom
    gap = WORD_GAP_EM * size
    operators = [f"{font_name} {size} Tf"]
    for word, following in zip(line, [*line[1:], None]):
        width = max(word.width, 1)
        if following is not None:
            width = max(width, following.left - word.left - gap)
        operators.append(f"1 0 0 1 {word.left} {baseline} Tm")
        operators.append(_show(word.text, width=width, size=size, glyph_em=glyph_em))
        if following is not None:
            space = max(following.left - word.left - width, 0)
            operators.append(_show(" ", width=space, size=size, glyph_em=glyph_em))
    return operators


def _show(text: str, *, width: float, size: int, glyph_em: float) -> str:
    """Show `text` squeezed or stretched (Tz) to `width`. The font is Identity-H with an identity
    ToUnicode map, so a glyph's code is the character's UTF-16 code unit."""
    codes = text.encode("utf-16-be")
    scale = 100 * width / (len(codes) // 2 * glyph_em * size)
    return f"{scale:.3f} Tz <{codes.hex()}> Tj"
