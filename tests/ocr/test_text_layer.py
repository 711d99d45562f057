"""The searchable PDF's text layer reads in the page's order, whichever way up the page was scanned.

Payers copy and extract text from the claim packet, so pdftotext without -layout (which infers
reading order from the glyphs alone, as copy-paste does) must read each page as OCR did. Pages
are the EOB text: its table row and wide gaps are what tesseract's own PDF renderer let
pdftotext read column by column (CER 36-45% before the fix, whatever the rotation).
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from docservice.ocr import process_page, run_tesseract
from docservice.ocr.tesseract import Word
from docservice.ocr.textlayer import typeset_text_layer

MAX_LAYER_CER = 0.02


@pytest.fixture(scope="module")
def truth(synth) -> str:
    """What every page says: the EOB text."""
    return synth.TEXTS["eob"]


def _save(synth, page, path: Path, kind: str) -> Path:
    if kind == "pdf":
        return synth.make_image_pdf([page], path.with_suffix(".pdf"))
    if kind == "g4":
        return synth.save_tiff([page], path.with_suffix(".tif"), compression="group4")
    path = path.with_suffix(f".{kind}")
    page.image.save(path, "JPEG" if kind == "jpg" else "PNG", dpi=page.dpi)
    return path


# (clockwise quarter turn the scan needs, counter-clockwise skew of the scan, upload format):
# every composition path (PDF page transform, JPEG/PNG bytes, G4) turned or skewed at least once.
SCANS = {
    "upright": (0, 0.0, "pdf"),
    "rotated-90": (90, 0.0, "pdf"),
    "rotated-180": (180, 0.0, "png"),
    "rotated-270": (270, 0.0, "g4"),
    "skewed+3": (0, 3.0, "jpg"),
    "skewed-5": (0, -5.0, "pdf"),
}


@pytest.fixture(scope="module", params=list(SCANS), ids=list(SCANS))
def scanned_page(synth, truth, request, tmp_path_factory):
    """A one-page upload of the EOB, turned or skewed, processed by the real pipeline."""
    rotation, skew_degrees, kind = SCANS[request.param]
    folder = tmp_path_factory.mktemp(request.param)
    page = synth.render_text_page(truth)
    if skew_degrees:
        page = synth.skew(page, skew_degrees)
    if rotation:
        page = synth.rotate_quarter(page, rotation)  # counter-clockwise: undone by `rotation` clockwise
    result = process_page(_save(synth, page, folder / "scan", kind), 0, workdir=folder / "work")
    return rotation, result


def test_scan_was_corrected_and_read(truth, scanned_page, char_error_rate):
    rotation, result = scanned_page
    assert result.rotation == rotation
    assert char_error_rate(truth, result.text) <= 0.01  # the premise: tesseract's own text is right


def test_pdftotext_reads_the_page_as_ocr_did(truth, scanned_page, pdf_copy_text, char_error_rate):
    _, result = scanned_page
    layer = pdf_copy_text(result.pdf_path)
    assert char_error_rate(truth, layer) <= MAX_LAYER_CER
    assert char_error_rate(result.text, layer) <= 0.005


def test_pdftotext_reads_first_line_first_and_last_line_last(truth, scanned_page, pdf_copy_text, char_error_rate):
    _, result = scanned_page
    layer = pdf_copy_text(result.pdf_path)
    lines = [" ".join(line.split()) for line in truth.splitlines()]
    first, last = lines[0], lines[-1]
    # Within OCR's error rate of the truth: the order is what is tested, not the recognition.
    assert char_error_rate(first, layer[: len(first)]) <= 0.05, layer[: len(first)]
    assert char_error_rate(last, layer[-len(last) :]) <= 0.05, layer[-len(last) :]


@pytest.fixture(scope="module")
def tesseract_pdf(synth, tmp_path_factory) -> Path:
    """A text-only PDF from a real tesseract run: the page and glyphless font the layer reuses."""
    folder = tmp_path_factory.mktemp("template")
    page = synth.render_text_page("Template")
    image = folder / "page.png"
    page.image.save(image, dpi=page.dpi)
    return run_tesseract(image, outdir=folder, timeout=30, dpi=page.dpi[0]).pdf_path


TABLE = [["Date", "Code", "Billed", "Paid"], ["02/11/2025", "E0486", "$2,450.00", "$1,449.92"], ["03/01/2025", "D9944", "$610.00", "$0.00"]]
COLUMNS = (240, 900, 1400, 1900)  # px at 300 dpi: gaps of one to two inches


def _table_words() -> tuple[Word, ...]:
    # Rows twice the text height apart, as double-spaced forms are.
    return tuple(
        Word(text=text, confidence=95.0, left=left, top=300 + row * 80, width=22 * len(text), height=38, line=(1, 1, row + 1))
        for row, cells in enumerate(TABLE)
        for left, text in zip(COLUMNS, cells)
    )


def test_table_rows_read_row_by_row(tesseract_pdf, tmp_path, pdf_copy_text):
    layer = typeset_text_layer(_table_words(), image_size=(2550, 3300), template=tesseract_pdf, out=tmp_path / "layer.pdf")
    assert pdf_copy_text(layer) == " ".join(" ".join(row) for row in TABLE)


def test_each_word_starts_over_its_box(tesseract_pdf, tmp_path):
    words = _table_words()
    layer = typeset_text_layer(words, image_size=(2550, 3300), template=tesseract_pdf, out=tmp_path / "layer.pdf")
    bbox = subprocess.run(["pdftotext", "-bbox", str(layer), "-"], capture_output=True, text=True, check=True).stdout
    found = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)<', bbox)
    assert [text for *_, text in found] == [word.text for word in words]
    for (x_min, y_min, y_max, _), word in zip(found, words):
        points = 72 / 300
        assert float(x_min) == pytest.approx(word.left * points, abs=0.5)
        assert float(y_min) == pytest.approx(word.top * points, abs=0.5)
        assert float(y_max) == pytest.approx((word.top + word.height) * points, abs=0.5)


def test_no_words_keep_tesseracts_empty_layer(tesseract_pdf, tmp_path):
    assert typeset_text_layer((), image_size=(2550, 3300), template=tesseract_pdf, out=tmp_path / "layer.pdf") == tesseract_pdf
