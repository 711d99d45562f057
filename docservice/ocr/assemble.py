"""Join one-page PDFs into the document's searchable PDF."""
from __future__ import annotations

from pathlib import Path

from pypdf import PdfWriter


def assemble_searchable_pdf(page_pdfs: list[Path], out: Path) -> Path:
    """Concatenate one-page PDFs, in order, into `out`.

    Pages are appended as they are: born-digital pages are the source's own objects, scanned
    pages keep the image bytes `compose` gave them. Identical objects (the glyphless OCR font
    and its widths, repeated on every OCR'd page; fonts shared by born-digital pages) are stored
    once.

    Args:
        page_pdfs: One PDF per page, in page order.
        out: Where to write the document.

    Returns:
        `out`.
    """
    writer = PdfWriter()
    for page_pdf in page_pdfs:
        writer.append(page_pdf)
    # Just before write(), as pypdf's docs advise: every page must be in the writer by now.
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    with out.open("wb") as file:
        writer.write(file)
    return out
