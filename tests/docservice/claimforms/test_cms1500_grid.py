"""The print grid, measured with poppler's word boxes: column c starts at (c - 1) * 7.2 pt, line l
is the 12 pt band (l - 1) * 12 .. l * 12 from the top, and the printer offset moves everything."""
from __future__ import annotations

import pytest

from docservice.claimforms.cms1500 import render_cms1500

COLUMN_PT, LINE_PT = 7.2, 12.0


def _word(words: list[dict], text: str, *, page: int = 1) -> dict:
    found = [word for word in words if word["text"] == text and word["page"] == page]
    assert len(found) == 1, f"{text!r} found {len(found)} times on page {page}"
    return found[0]


@pytest.mark.parametrize(("spot", "text"), [
    ("box1a_insured_id", "XYZ123456789"),
    ("box25_tin", "123456789"),
    ("box26_account_number", "ML0000042"),
    ("box23_prior_authorization", "PA998877"),
    ("box19_additional_info", "PWKOZELML-42-9F3A0C11D2"),
])
def test_a_value_at_column_c_line_l_lands_in_that_cell(full_claim, pdf_words, form_layout, spot, text):
    where = form_layout.text[spot]
    word = _word(pdf_words(render_cms1500(full_claim)), text)
    assert word["xMin"] == pytest.approx((where.column - 1) * COLUMN_PT, abs=0.05)
    assert (where.line - 1) * LINE_PT <= word["yMin"] < word["yMax"] <= where.line * LINE_PT
    # 10 characters per inch: the word is exactly as wide as its characters' cells.
    assert word["xMax"] - word["xMin"] == pytest.approx(len(text) * COLUMN_PT, abs=0.05)


def test_grid_spans_the_page_85_columns_by_66_lines(form_layout):
    assert (form_layout.columns, form_layout.lines) == (85, 66)
    assert (form_layout.column_pt, form_layout.line_pt) == (COLUMN_PT, LINE_PT)
    last_column = max(spot.column + spot.width - 1 for spot in form_layout.text.values())
    last_line = max(spot.line + spot.lines - 1 for spot in form_layout.text.values())
    assert last_column <= 85 and last_line <= 66


@pytest.mark.parametrize("mode", ["data", "full"])
def test_printer_offset_moves_text_right_and_down(full_claim, pdf_words, mode):
    plain = _word(pdf_words(render_cms1500(full_claim, mode=mode)), "XYZ123456789")
    moved = _word(pdf_words(render_cms1500(full_claim, mode=mode, offset_in=(0.5, 0.25))), "XYZ123456789")
    assert moved["xMin"] - plain["xMin"] == pytest.approx(36.0, abs=0.05)
    assert moved["yMin"] - plain["yMin"] == pytest.approx(18.0, abs=0.05)


def test_negative_offset_moves_left_and_up(full_claim, pdf_words):
    plain = _word(pdf_words(render_cms1500(full_claim)), "ML0000042")
    moved = _word(pdf_words(render_cms1500(full_claim, offset_in=(-0.1, -1 / 6))), "ML0000042")
    assert moved["xMin"] - plain["xMin"] == pytest.approx(-7.2, abs=0.05)
    assert moved["yMin"] - plain["yMin"] == pytest.approx(-12.0, abs=0.05)
