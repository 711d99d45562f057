"""The searchable PDF: words findable, pages kept, original bytes kept, valid, not ballooning."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from docservice.ocr import assemble_searchable_pdf, process_document, process_page
from docservice.ocr.preprocess import estimate_skew, to_grey


def qpdf_check(pdf: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)


def render(pdf: Path, tmp_path: Path, *, page: int = 1, dpi: int = 50) -> Image.Image:
    out = tmp_path / f"render-{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", "-gray", str(pdf), str(out)], check=True)
    return Image.open(out.with_suffix(".pgm"))


@pytest.fixture(scope="module")
def mixed_result(synth, tmp_path_factory):
    """A 3-page PDF: a born-digital letter, a scanned sleep study, and a sideways scanned referral."""
    folder = tmp_path_factory.mktemp("mixed")
    letter = synth.make_text_pdf([synth.TEXTS["narrative"]], folder / "letter.pdf")
    study = synth.render_text_page(synth.TEXTS["sleep_study"])
    referral = synth.rotate_quarter(synth.degrade(synth.render_text_page(synth.TEXTS["referral"]), seed=4, skew_degrees=3), 90)
    scans = synth.make_image_pdf([study, referral], folder / "scans.pdf")
    writer = PdfWriter()
    writer.append(letter)
    writer.append(scans)
    src = folder / "upload.pdf"
    writer.write(src)
    return src, process_document(src, workdir=folder / "work", jobs=2)


def test_page_count_and_order_are_kept(mixed_result):
    src, result = mixed_result
    assert len(PdfReader(result.pdf_path).pages) == len(PdfReader(src).pages) == 3
    assert [page.method for page in result.pages] == ["text_layer", "ocr", "ocr"]


def test_pdftotext_finds_the_words_of_every_page(mixed_result, pdf_copy_text):
    _, result = mixed_result
    assert "To whom it may concern" in pdf_copy_text(result.pdf_path, page=1)
    assert "apnea-hypopnea index (AHI) was 27.4" in pdf_copy_text(result.pdf_path, page=2)
    referral = pdf_copy_text(result.pdf_path, page=3)
    for phrase in ("REFERRAL FOR CONSULTATION", "Reason for referral", "XJH448120093"):
        assert phrase in referral


def test_qpdf_check_passes(mixed_result):
    _, result = mixed_result
    check = qpdf_check(result.pdf_path)
    assert check.returncode == 0, check.stdout + check.stderr


def test_born_digital_page_is_copied_not_rasterized(mixed_result):
    _, result = mixed_result
    page = PdfReader(result.pdf_path).pages[0]
    assert not page.images
    assert "/F1" in page["/Resources"]["/Font"]  # its own Helvetica, not tesseract's glyphless font


def test_sideways_scan_is_shown_upright_and_straight(mixed_result, tmp_path):
    _, result = mixed_result
    assert result.pages[2].rotation == 90
    shown = render(result.pdf_path, tmp_path, page=3, dpi=60)
    assert shown.height > shown.width  # portrait again
    sideways, skew = estimate_skew(to_grey(shown), dpi=60)
    assert not sideways and abs(skew) <= 1.0


def test_text_layer_lies_over_the_words(mixed_result, tmp_path):
    """Each word's box from the text layer covers ink in the displayed page image."""
    _, result = mixed_result
    dpi = 100
    shown = np.asarray(render(result.pdf_path, tmp_path, page=3, dpi=dpi))
    bbox = subprocess.run(["pdftotext", "-f", "3", "-l", "3", "-bbox", str(result.pdf_path), "-"], capture_output=True, text=True).stdout
    boxes = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]{4,})<', bbox)
    assert len(boxes) > 30
    inked = 0
    for x0, y0, x1, y1, _ in boxes:
        left, top, right, bottom = (round(float(value) * dpi / 72) for value in (x0, y0, x1, y1))
        inked += shown[top : bottom + 1, left : right + 1].min() < 100
    assert inked / len(boxes) > 0.95


def test_scanned_pdf_keeps_its_size(synth, tmp_path):
    page = synth.degrade(synth.render_text_page(synth.TEXTS["pathology_report"]), seed=8, skew_degrees=2)
    src = synth.make_image_pdf([page], tmp_path / "scan.pdf")
    result = process_page(src, 0, workdir=tmp_path)
    ratio = result.pdf_path.stat().st_size / src.stat().st_size
    assert 0.9 < ratio < 1.05, ratio


def test_jpeg_upload_keeps_the_original_bytes(synth, tmp_path, pdf_copy_text):
    page = synth.skew(synth.render_text_page(synth.TEXTS["chart_note"]), 3)
    src = tmp_path / "phone.jpg"
    page.image.save(src, "JPEG", quality=75, dpi=page.dpi)
    result = process_page(src, 0, workdir=tmp_path)
    pdf_bytes = result.pdf_path.read_bytes()
    assert src.read_bytes() in pdf_bytes  # embedded byte for byte, not re-encoded
    assert len(pdf_bytes) / src.stat().st_size < 1.05
    assert "Chief complaint" in pdf_copy_text(result.pdf_path)


def test_png_upload_keeps_its_compressed_pixels(synth, tmp_path):
    page = synth.render_text_page(synth.TEXTS["eob"])
    src = tmp_path / "scan.png"
    page.image.save(src, "PNG", dpi=page.dpi)
    result = process_page(src, 0, workdir=tmp_path)
    # The PNG's own bytes plus the text layer and its glyphless font (a few KB a page).
    assert result.pdf_path.stat().st_size < 1.02 * src.stat().st_size + 10_000
    embedded = PdfReader(result.pdf_path).pages[0].images[0].image
    assert np.array_equal(np.asarray(embedded), np.asarray(page.image))  # lossless, same pixels


def test_grey_tiff_text_page_becomes_g4(synth, tmp_path):
    page = synth.degrade(synth.render_text_page(synth.TEXTS["radiology_report"]), seed=9, skew_degrees=-2)
    src = synth.save_tiff([page], tmp_path / "scan.tif", compression="tiff_lzw")
    result = process_page(src, 0, workdir=tmp_path)
    images = PdfReader(result.pdf_path).pages[0].images
    assert images[0].image.mode == "1"
    assert result.pdf_path.stat().st_size < 0.1 * src.stat().st_size  # megabytes of noise -> ~100 KB


def test_assemble_removes_duplicate_objects(mixed_result, tmp_path):
    _, result = mixed_result
    pdfs = [page.pdf_path for page in result.pages]
    once = assemble_searchable_pdf(pdfs, tmp_path / "once.pdf")
    twice = assemble_searchable_pdf(pdfs + pdfs, tmp_path / "twice.pdf")
    assert len(PdfReader(twice).pages) == 6
    assert twice.stat().st_size < 1.2 * once.stat().st_size  # repeated pages are stored once
    assert qpdf_check(twice).returncode == 0
