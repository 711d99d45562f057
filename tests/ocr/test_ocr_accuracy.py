"""Character error rate gates on synthetic scans: clean <= 1%, degraded <= 3%.

Each case renders a page, degrades it the way real uploads are degraded, saves it in the format
such uploads come in, and OCRs it with the real tesseract through `process_page`.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from docservice.ocr import inspect_document, process_document, process_page

CLEAN_MAX_CER = 0.01
DEGRADED_MAX_CER = 0.03


# A recipe is (make the page from synth, save it as an upload): plain functions of the `synth` fixture.


def _png(synth, page, path: Path) -> Path:
    page.image.save(path.with_suffix(".png"), "PNG", dpi=page.dpi)
    return path.with_suffix(".png")


def _jpeg(quality: int) -> Callable[..., Path]:
    def save(synth, page, path: Path) -> Path:
        page.image.save(path.with_suffix(".jpg"), "JPEG", quality=quality, dpi=page.dpi)
        return path.with_suffix(".jpg")

    return save


def _g4(synth, page, path: Path) -> Path:
    return synth.save_tiff([page], path.with_suffix(".tif"), compression="group4")


def _pdf(synth, page, path: Path) -> Path:
    return synth.make_image_pdf([page], path.with_suffix(".pdf"))


def _page(kind: str, *steps: Callable) -> Callable:
    """Render synth.TEXTS[kind], then apply each step(synth, page)."""

    def make(synth):
        page = synth.render_text_page(synth.TEXTS[kind])
        for step in steps:
            page = step(synth, page)
        return page

    return make


CLEAN = {
    "png": (_page("sleep_study"), _png),
    "jpeg": (_page("chart_note"), _jpeg(90)),
    "scanned-pdf": (_page("referral"), _pdf),
    "serif-g4": (lambda s: s.render_text_page(s.TEXTS["narrative"], font=s.SERIF), _g4),
}

DEGRADED = {
    "skew+5": (_page("radiology_report", lambda s, p: s.skew(p, 5)), _png),
    "skew-7": (_page("physician_order", lambda s, p: s.skew(p, -7)), _png),
    "noise-blur-light-skew": (_page("pathology_report", lambda s, p: s.degrade(p, seed=11, skew_degrees=4)), _png),
    "heavy-jpeg": (
        _page(
            "sleep_study",
            lambda s, p: s.skew(p, -6),
            lambda s, p: s.uneven_lighting(p, strength=0.55),
            lambda s, p: s.blur(p, 1.3),
            lambda s, p: s.add_noise(p, sigma=35, speckle=0.003, seed=12),
        ),
        _jpeg(40),
    ),
    "rotated-90": (_page("chart_note", lambda s, p: s.degrade(p, seed=13, skew_degrees=3), lambda s, p: s.rotate_quarter(p, 90)), _png),
    "rotated-180": (_page("eob", lambda s, p: s.rotate_quarter(p, 180)), _pdf),
    "fax-150": (_page("referral", lambda s, p: s.skew(p, -3), lambda s, p: s.fax(p)), _g4),
    "fax-204x98": (_page("physician_order", lambda s, p: s.fax(p, dpi=(204, 98))), _g4),
}


def _ocr_one(synth, make, save, workdir: Path):
    page = make(synth)
    src = save(synth, page, workdir / "upload")
    result = process_page(src, 0, workdir=workdir)
    return page, result


@pytest.mark.parametrize("case", list(CLEAN))
def test_clean_scans(char_error_rate, synth, case, workdir):
    page, result = _ocr_one(synth, *CLEAN[case], workdir)
    assert result.status == "done"
    assert result.method == "ocr"
    assert char_error_rate(page.text, result.text) <= CLEAN_MAX_CER, result.text
    assert result.mean_confidence > 85


@pytest.mark.slow
@pytest.mark.parametrize("case", list(DEGRADED))
def test_degraded_scans(char_error_rate, synth, case, workdir):
    page, result = _ocr_one(synth, *DEGRADED[case], workdir)
    assert result.status == "done", result.reason
    assert char_error_rate(page.text, result.text) <= DEGRADED_MAX_CER, result.text


def test_orientation_and_skew_are_reported(char_error_rate, synth, workdir):
    page = synth.rotate_quarter(synth.skew(synth.render_text_page(synth.TEXTS["referral"]), 4), 90)
    src = _png(synth, page, workdir / "sideways")
    result = process_page(src, 0, workdir=workdir)
    assert result.rotation == 90  # turned clockwise to undo the counter-clockwise scan
    assert result.skew_degrees == pytest.approx(4, abs=1)
    assert char_error_rate(page.text, result.text) <= DEGRADED_MAX_CER


@pytest.mark.slow
@pytest.mark.parametrize("compression", ["group4", "tiff_lzw", "jpeg"])
def test_multipage_tiff(char_error_rate, synth, compression, workdir):
    kinds = ["pathology_report", "referral"]
    pages = [synth.render_text_page(synth.TEXTS[kind]) for kind in kinds]
    pages[1] = synth.skew(pages[1], -3)
    src = synth.save_tiff(pages, workdir / f"scan-{compression}.tif", compression=compression)
    assert inspect_document(src).page_count == 2
    result = process_document(src, workdir=workdir / "out", jobs=2)
    assert [page.index for page in result.pages] == [0, 1]
    for page, truth in zip(result.pages, pages):
        assert page.status == "done"
        assert char_error_rate(truth.text, page.text) <= CLEAN_MAX_CER, page.text


def test_born_digital_pdf_keeps_its_own_text(char_error_rate, synth, workdir):
    texts = [synth.TEXTS["narrative"], synth.TEXTS["physician_order"]]
    src = synth.make_text_pdf(texts, workdir / "letter.pdf")
    result = process_document(src, workdir=workdir / "out")
    assert [page.method for page in result.pages] == ["text_layer", "text_layer"]
    for page, truth in zip(result.pages, texts):
        assert char_error_rate(truth, page.text) == 0
        assert page.elapsed < 1.0  # no OCR happened
