"""Page and document processing: failures become needs_review, pictures stay pictures."""
from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from docservice.ocr import pages, process_document, process_page, rasterize_page, tesseract
from docservice.ocr.errors import PageTimeout


@pytest.fixture
def scan_png(synth, tmp_path) -> Path:
    page = synth.render_text_page(synth.TEXTS["chart_note"])
    path = tmp_path / "scan.png"
    page.image.save(path, dpi=page.dpi)
    return path


def test_spent_budget_needs_review_instead_of_crashing(scan_png, tmp_path):
    result = process_page(scan_png, 0, workdir=tmp_path, timeout=0.05)
    assert result.status == "needs_review"
    assert result.reason.startswith("OCR did not finish: the page's 0.05 s budget ran out")
    assert result.text == ""
    # The page still has its PDF (image only), so the document can be assembled and reviewed.
    assert len(PdfReader(result.pdf_path).pages[0].images) == 1


def test_hung_tesseract_is_killed_at_the_timeout(scan_png, tmp_path, monkeypatch):
    script = tmp_path / "tesseract"
    script.write_text("#!/bin/sh\nsleep 30\n")
    script.chmod(0o755)
    monkeypatch.setattr(tesseract, "TESSERACT", str(script))
    result = process_page(scan_png, 0, workdir=tmp_path / "work", timeout=1.5)
    assert result.status == "needs_review"
    assert "took longer than" in result.reason
    assert result.elapsed < 5


def test_timed_out_pdf_page_keeps_the_original_page(synth, tmp_path):
    src = synth.make_image_pdf([synth.render_text_page(synth.TEXTS["eob"], dpi=150)], tmp_path / "scan.pdf")
    result = process_page(src, 0, workdir=tmp_path, timeout=0.0001)
    assert result.status == "needs_review"
    assert len(PdfReader(result.pdf_path).pages) == 1


@pytest.fixture
def fake_tesseract(tmp_path, monkeypatch) -> Path:
    """A tesseract that records how it was called, then crashes like a segfault would."""
    record = tmp_path / "calls.jsonl"
    script = tmp_path / "tesseract"
    script.write_text(
        f"#!{sys.executable}\n"
        "import json, os, sys\n"
        f"with open({str(record)!r}, 'a') as f:\n"
        "    f.write(json.dumps({'argv': sys.argv, 'omp': os.environ.get('OMP_THREAD_LIMIT')}) + '\\n')\n"
        "sys.stderr.write('Segmentation fault\\n')\n"
        "sys.exit(139)\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(tesseract, "TESSERACT", str(script))
    return record


def test_tesseract_crash_needs_review(scan_png, tmp_path, fake_tesseract):
    result = process_page(scan_png, 0, workdir=tmp_path / "work")
    assert result.status == "needs_review"
    assert "Segmentation fault" in result.reason


def test_tesseract_runs_single_threaded_on_a_file_path(scan_png, tmp_path, fake_tesseract):
    process_page(scan_png, 0, workdir=tmp_path / "work")
    calls = [json.loads(line) for line in fake_tesseract.read_text().splitlines()]
    assert calls
    for call in calls:
        assert call["omp"] == "1"
        assert Path(call["argv"][1]).is_file()  # a path, never a PIL image piped in
    ocr = calls[-1]["argv"]
    assert ocr[-3:] == ["txt", "tsv", "pdf"] and "textonly_pdf=1" in ocr  # one run, three outputs


def test_tesseract_env_leaves_the_parent_alone(monkeypatch):
    monkeypatch.setenv("OMP_THREAD_LIMIT", "8")
    assert tesseract.tesseract_env()["OMP_THREAD_LIMIT"] == "1"
    assert os.environ["OMP_THREAD_LIMIT"] == "8"


def test_radiograph_is_not_binarized_deskewed_or_misfiled(synth, tmp_path):
    src = tmp_path / "pano.png"
    synth.render_radiograph().save(src, dpi=(150, 150))
    result = process_document(src, workdir=tmp_path / "work")
    page = result.pages[0]
    assert page.image_kind == "radiograph"
    assert (page.rotation, page.skew_degrees) == (0, 0.0)
    assert result.classification.kind == "radiograph"
    embedded = PdfReader(result.pdf_path).pages[0].images[0].image
    assert embedded.mode == "L"  # greyscale kept, not 1-bit
    assert result.pdf_path.stat().st_size < 1.02 * src.stat().st_size + 10_000


def test_photo_keeps_its_jpeg_and_is_classified_as_photo(synth, tmp_path):
    src = tmp_path / "intraoral.jpg"
    synth.render_photo().save(src, quality=85)
    result = process_document(src, workdir=tmp_path / "work")
    assert result.pages[0].image_kind == "photo"
    assert result.classification.kind == "photo"
    assert src.read_bytes() in result.pdf_path.read_bytes()


@pytest.mark.slow
def test_document_in_a_process_pool(char_error_rate, synth, tmp_path):
    kinds = ["sleep_study", "referral", "physician_order"]
    pages = [synth.render_text_page(synth.TEXTS[kind]) for kind in kinds]
    src = synth.make_image_pdf(pages, tmp_path / "bundle.pdf")
    result = process_document(src, workdir=tmp_path / "work", jobs=2)
    assert [page.index for page in result.pages] == [0, 1, 2]
    assert not result.needs_review
    assert result.text.count("\f") == 2
    for page, truth in zip(result.pages, pages):
        assert char_error_rate(truth.text, page.text) <= 0.01
    assert len(PdfReader(result.pdf_path).pages) == 3


def test_document_with_timeouts_still_assembles(synth, tmp_path):
    pages = [synth.render_text_page(synth.TEXTS[kind]) for kind in ("eob", "narrative")]
    src = synth.save_tiff(pages, tmp_path / "scan.tif", compression="group4")
    result = process_document(src, workdir=tmp_path / "work", jobs=2, timeout=0.2)
    assert result.needs_review
    assert [page.status for page in result.pages] == ["needs_review", "needs_review"]
    assert len(PdfReader(result.pdf_path).pages) == 2


def test_rasterize_page_writes_an_image_with_its_resolution(synth, tmp_path):
    page = synth.render_text_page(synth.TEXTS["eob"], dpi=150)
    fax = synth.save_tiff([synth.fax(page, dpi=(204, 98))], tmp_path / "fax.tif", compression="group4")
    pdf = synth.make_text_pdf([synth.TEXTS["eob"]], tmp_path / "letter.pdf")
    with Image.open(rasterize_page(fax, 0, workdir=tmp_path)) as image:
        assert image.mode == "1" and image.info["dpi"] == pytest.approx((204, 98), abs=0.5)
    with Image.open(rasterize_page(pdf, 0, workdir=tmp_path, dpi=100)) as image:
        assert image.size == (850, 1100)


def test_a_budget_spent_before_a_picture_is_opened_keeps_the_picture(scan_png, tmp_path, monkeypatch):
    """On a busy worker the budget can run out before the first step: an image page still gets its PDF."""
    def spent(budget, what):
        raise PageTimeout(f"the page's {budget.seconds:g} s budget ran out before {what}", seconds=budget.seconds)

    monkeypatch.setattr(pages._Budget, "remaining", spent)
    result = process_page(scan_png, 0, workdir=tmp_path, timeout=0.05)
    assert result.status == "needs_review" and "before rendering" in result.reason
    assert len(PdfReader(result.pdf_path).pages[0].images) == 1
