"""The CMS-1500 PDFs as documents: valid (qpdf, pypdf), deterministic, data-only or outlined,
split into complete pages of six lines."""
from __future__ import annotations

import io
import subprocess

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from docservice.claimforms.cms1500 import render_cms1500

PATH_OPERATORS = {b"m", b"l", b"c", b"re", b"S", b"s", b"f", b"F", b"B"}  # building or painting lines


def _operators(pdf: bytes) -> set[bytes]:
    reader = PdfReader(io.BytesIO(pdf))
    return {operator for page in reader.pages for _, operator in ContentStream(page.get_contents(), reader).operations}


@pytest.mark.parametrize("mode", ["data", "full"])
def test_both_modes_give_a_valid_letter_size_pdf(full_claim, pdf_file, mode):
    pdf = render_cms1500(full_claim, mode=mode)
    check = subprocess.run(["qpdf", "--check", str(pdf_file(pdf))], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    assert (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)) == (612.0, 792.0)


@pytest.mark.parametrize("mode", ["data", "full"])
def test_same_claim_gives_the_same_bytes(full_claim, mode):
    assert render_cms1500(full_claim, mode=mode) == render_cms1500(full_claim, mode=mode)


def test_creation_date_is_the_last_service_date_not_the_clock(full_claim):
    metadata = PdfReader(io.BytesIO(render_cms1500(full_claim))).metadata
    assert metadata["/CreationDate"].startswith("D:20260309")  # the second line's date of service


def test_different_claims_give_different_pdfs(full_claim, replacement_claim):
    assert render_cms1500(full_claim) != render_cms1500(replacement_claim)


def test_data_mode_draws_no_lines_and_full_mode_does(full_claim):
    data, full = _operators(render_cms1500(full_claim)), _operators(render_cms1500(full_claim, mode="full"))
    assert b"Tj" in data
    assert not data & PATH_OPERATORS
    assert {b"re", b"l", b"S"} <= full


def test_only_full_mode_prints_captions(full_claim, pdf_pages_text):
    data = pdf_pages_text(render_cms1500(full_claim))[0]
    full = pdf_pages_text(render_cms1500(full_claim, mode="full"))[0]
    for caption in ("PATIENT ACCOUNT NO.", "INSURED'S ID NUMBER", "BILLING PROVIDER"):
        assert caption in full
        assert caption not in data
    assert "XYZ123456789" in data and "XYZ123456789" in full


def test_nine_lines_make_two_complete_pages_with_the_total_on_the_last(nine_line_claim, pdf_cells, form_layout,
                                                                       pdf_pages_text):
    pdf = render_cms1500(nine_line_claim)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 2
    cells = pdf_cells(pdf)
    continued = form_layout.text["box28_continued"]
    total = form_layout.money["box28_total"]
    assert cells.get((1, continued.line, continued.column)) == "CONTINUED"
    assert (2, continued.line, continued.column) not in cells
    assert cells.get((2, total.line, total.dollars_end - 2)) == "936"  # $100 + ... + $108
    assert cells.get((2, total.line, total.cents)) == "00"
    assert (1, total.line, total.cents) not in cells

    code = form_layout.service_rows.text["code"].column
    codes = {page: [cells.get((page, form_layout.service_rows.row_line(row), code)) for row in range(6)]
             for page in (1, 2)}
    assert codes[1] == ["70351", "70352", "70353", "70354", "70355", "70356"]
    assert codes[2] == ["70357", "70358", "70359", None, None, None]

    first, second = pdf_pages_text(pdf)
    for page in (first, second):  # each page is a whole claim form
        assert "XYZ123456789" in page and "ML0000042" in page and "G4733" in page
    assert "CONTINUED" in first and "CONTINUED" not in second


def test_full_mode_numbers_its_pages(nine_line_claim, pdf_pages_text):
    first, second = pdf_pages_text(render_cms1500(nine_line_claim, mode="full"))
    assert "page 1 of 2" in first and "page 2 of 2" in second
