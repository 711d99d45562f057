"""Skewed pages uploaded as JPEG: straightened and read, however the skew estimate is led astray.

A referral skewed by -6 degrees and saved as JPEG q75 once came back empty: weak diagonal Hough
peaks outvoted its text lines, the page was OCR'd crooked, tesseract said "Empty page!!", and with
no words the low-confidence retry never ran.
"""
from __future__ import annotations

import pytest
from PIL import Image

from docservice.ocr import pages, process_page
from docservice.ocr.preprocess import binarize, estimate_skew, flatten_background, projection_skew, to_grey

SKEWS = [-7, -6, -5, -4, -3, 3, 4, 5, 6, 7]
MAX_CER = 0.01  # the clean-scan gate: once straightened, these pages are clean


@pytest.fixture(scope="module")
def referral(synth):
    return synth.render_text_page(synth.TEXTS["referral"])


@pytest.mark.parametrize("degrees", SKEWS)
def test_skew_of_a_jpeg_page_is_estimated(synth, referral, degrees):
    page = synth.jpeg(synth.skew(referral, degrees), quality=75)
    assert estimate_skew(to_grey(page.image), dpi=300) == (False, pytest.approx(degrees, abs=1.0))


@pytest.mark.parametrize("degrees", SKEWS)
def test_skewed_jpeg_is_straightened_and_read(synth, referral, degrees, save_jpeg, workdir, char_error_rate):
    page = synth.skew(referral, degrees)
    result = process_page(save_jpeg(page), 0, workdir=workdir)
    assert result.status == "done", result.reason
    assert (result.rotation, result.skew_degrees) == (0, pytest.approx(degrees, abs=1.0))
    assert char_error_rate(page.text, result.text) <= MAX_CER, result.text


def test_skewed_jpeg_in_a_pdf_is_straightened_and_read(synth, referral, workdir, char_error_rate):
    page = synth.skew(referral, -6)
    src = synth.make_image_pdf([page], workdir / "scan.pdf", quality=75)
    result = process_page(src, 0, workdir=workdir)
    assert result.skew_degrees == pytest.approx(-6, abs=1.0)
    assert char_error_rate(page.text, result.text) <= MAX_CER, result.text


def test_straight_jpeg_is_not_rotated(referral, save_jpeg, workdir, char_error_rate):
    result = process_page(save_jpeg(referral), 0, workdir=workdir)
    assert (result.rotation, result.skew_degrees) == (0, 0.0)
    assert char_error_rate(referral.text, result.text) <= MAX_CER, result.text


def test_a_missed_skew_is_caught_when_ocr_finds_nothing(synth, referral, save_jpeg, workdir, char_error_rate, monkeypatch):
    # The first estimate misses the skew, as it once did on this page: the OCR comes back empty,
    # and the second opinion on the skew must step in rather than the page be returned blank.
    monkeypatch.setattr(pages, "estimate_skew", lambda grey, *, dpi: (False, 0.0))
    page = synth.skew(referral, -6)
    result = process_page(save_jpeg(page), 0, workdir=workdir)
    assert result.skew_degrees == pytest.approx(-6, abs=0.5)
    assert char_error_rate(page.text, result.text) <= MAX_CER, result.text


@pytest.mark.parametrize("degrees", [-6.5, -2.0, 1.5, 4.0])
def test_projection_gives_a_second_opinion_on_skew(synth, referral, degrees):
    page = synth.jpeg(synth.skew(referral, degrees), quality=75)
    bilevel = binarize(flatten_background(to_grey(page.image)))
    assert projection_skew(bilevel) == pytest.approx(degrees, abs=0.3)


@pytest.mark.parametrize("kind", ["straight", "blank", "noise"])
def test_projection_finds_no_skew_where_there_is_none(synth, referral, kind):
    blank = synth.Page(image=Image.new("L", referral.image.size, 255), text="")
    page = {"straight": referral, "blank": blank, "noise": synth.add_noise(blank, sigma=10)}[kind]
    bilevel = binarize(flatten_background(to_grey(synth.jpeg(page, quality=75).image)))
    assert projection_skew(bilevel) in (None, pytest.approx(0.0, abs=0.3))
