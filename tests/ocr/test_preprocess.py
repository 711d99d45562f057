"""Preprocessing steps on synthetic pages, without tesseract."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from docservice.ocr.preprocess import (
    binarize,
    estimate_skew,
    flatten_background,
    looks_like_photo_or_radiograph,
    measure_image,
    rotate_and_deskew,
    to_grey,
    upscale_low_resolution,
)


@pytest.fixture(scope="module")
def page(synth):
    return synth.render_text_page(synth.TEXTS["pathology_report"])


@pytest.mark.parametrize("degrees", [0.0, 3.0, -4.5, 7.0, -7.0])
def test_skew_is_estimated_on_a_thumbnail(synth, page, degrees):
    skewed = synth.skew(page, degrees)
    sideways, skew = estimate_skew(to_grey(skewed.image), dpi=300)
    assert not sideways
    assert skew == pytest.approx(degrees, abs=1.0)


def test_skew_is_estimated_through_noise_and_uneven_light(synth, page):
    degraded = synth.degrade(page, seed=3, skew_degrees=-5)
    assert estimate_skew(to_grey(degraded.image), dpi=300)[1] == pytest.approx(-5, abs=1.0)


@pytest.mark.parametrize("turn", [90, 270])
def test_sideways_pages_are_flagged(synth, page, turn):
    sideways, skew = estimate_skew(to_grey(synth.rotate_quarter(synth.skew(page, 2), turn).image), dpi=300)
    assert sideways
    assert skew == pytest.approx(2, abs=1.0)


def test_rotate_and_deskew_undoes_a_quarter_turn_and_skew(synth, page):
    turned = synth.rotate_quarter(synth.skew(page, 4), 90)  # counter-clockwise, as scanned
    grey = to_grey(turned.image)
    upright = rotate_and_deskew(grey, rotation=90, skew_degrees=4)
    assert upright.shape == to_grey(page.image).shape
    assert estimate_skew(upright, dpi=300) == (False, pytest.approx(0, abs=1.0))


def test_standard_fax_is_upscaled_to_square_300_dpi(synth, page):
    fax = synth.fax(page, dpi=(204, 98))
    grey, dpi = upscale_low_resolution(to_grey(fax.image), fax.dpi)
    assert dpi == (300.0, 300.0)
    assert grey.shape == pytest.approx((3300, 2550), abs=3)


def test_300_dpi_is_left_alone(page):
    grey = to_grey(page.image)
    assert upscale_low_resolution(grey, (300.0, 300.0))[0] is grey


def test_flatten_and_binarize_clean_uneven_lighting(synth, page):
    lit = synth.uneven_lighting(page, strength=0.5)
    grey = to_grey(lit.image)
    flat = flatten_background(grey)
    corner = flat[-300:, -300:]
    assert np.median(corner) > 240  # was about 120 before flattening
    bilevel = binarize(flat)
    assert set(np.unique(bilevel)) <= {0, 255}
    ink = 1 - np.mean(bilevel) / 255
    clean_ink = 1 - np.mean(to_grey(page.image) > 128)
    assert ink == pytest.approx(clean_ink, rel=0.35)


def test_sixteen_bit_images_keep_their_contrast():
    ramp = np.tile(np.linspace(0, 4095, 256, dtype=np.uint16), (16, 1))
    grey = to_grey(Image.fromarray(ramp))  # Pillow gives mode I;16 for uint16
    assert grey.min() == 0 and grey.max() == 255


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda synth: synth.render_text_page(synth.TEXTS["eob"]).image, "text"),
        (lambda synth: synth.degrade(synth.render_text_page(synth.TEXTS["referral"]), seed=1).image, "text"),
        (lambda synth: synth.uneven_lighting(synth.render_text_page(synth.TEXTS["chart_note"]), strength=0.5).image, "text"),
        (lambda synth: synth.render_photo(), "photo"),
        (lambda synth: synth.render_photo().convert("L"), "photo"),
        (lambda synth: synth.render_radiograph(), "radiograph"),
    ],
)
def test_pictures_are_told_from_text_pages(synth, make, kind):
    stats = measure_image(make(synth), (300.0, 300.0))
    assert stats.kind == kind, stats


def test_pictures_are_never_binarized(synth):
    assert looks_like_photo_or_radiograph(synth.render_radiograph())
    assert not looks_like_photo_or_radiograph(synth.render_text_page("PROGRESS NOTE").image)
