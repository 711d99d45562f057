"""The 80-character claim note and the PDF of the letter."""
from __future__ import annotations

import io
from datetime import datetime

import pytest
from pypdf import PdfReader

from docservice.models import Fact, Narrative
from docservice.narratives import NOTE_LIMIT, PdfFontError, build_claim_note, render_pdf
from docservice.narratives.rendering import current_vocabulary



def note(case, facts, claim=None):
    return build_claim_note(case, facts, claim, vocabulary=current_vocabulary())


def test_the_sleep_note_quotes_codes_measures_and_attachments(narrative_case, narrative_claim, narrative_facts):
    text = note(narrative_case("sleep"), narrative_facts("sleep"), narrative_claim())
    assert text.startswith("OSA G47.33 AHI 22 140 events CPAP intol")
    assert "E0486-NU-KX" in text
    assert "LMN+sleep study" in text
    assert len(text) <= NOTE_LIMIT


def test_every_note_fits_is_ascii_and_names_no_one(narrative_case, narrative_claim, narrative_facts, narrative_category):
    case = narrative_case(narrative_category)
    case.patient_name = "Test Patient Ünïcode"
    facts = narrative_facts(narrative_category) + [Fact(name="injury_place", value="Test Patient Alpha's kitchen", source="appointment")]
    text = note(case, facts, narrative_claim())
    assert 0 < len(text) <= NOTE_LIMIT
    assert text.isascii()
    assert "Test Patient" not in text and "kitchen" not in text


def test_a_missing_or_denied_value_is_left_out_not_invented(narrative_case):
    facts = [Fact(name="cpap_intolerance", value=True, negated=True, source="appointment"),
             Fact(name="ahi", value=float("nan"), source="document", document_id=11, page=1)]
    text = note(narrative_case("sleep"), facts)
    assert "CPAP" not in text and "AHI" not in text and "nan" not in text
    assert text.startswith("OSA G47.33")


def test_a_long_claim_drops_less_important_parts_to_fit(narrative_case, narrative_claim, narrative_facts):
    claim = narrative_claim()
    for code in ("41100", "41105", "41108", "42100", "40808", "40490"):
        line = type(claim.lines[0])(code=code, system="CPT", modifiers=["59"], units=1)
        claim.lines.append(line)
    text = note(narrative_case("sleep"), narrative_facts("sleep"), claim)
    assert len(text) <= NOTE_LIMIT
    assert "AHI 22" in text and "E0486" in text  # the key measure and the first code survive


def signed_narrative(body: str) -> Narrative:
    return Narrative(body=body, status="signed", placeholders=[], signed_name="Test Dentist Beta, DDS",
                     signed_at=datetime(2026, 3, 3, 14, 5), body_sha256="ab" * 32)


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_an_unsigned_draft_is_marked_and_unicode_prints():
    body = "## Request\nWe request coverage of E0486 — for Zoë Testcase ≥ 15 events.\n"
    pages, text = pdf_text(render_pdf(Narrative(body=body, status="draft", placeholders=[])))
    assert pages == 1
    assert "DRAFT — not signed" in text
    assert "Zoë Testcase ≥ 15" in text
    assert "Signed electronically" not in text
    assert "Page 1 of 1" in text


def test_a_signed_letter_shows_who_and_when_and_no_draft_mark():
    pages, text = pdf_text(render_pdf(signed_narrative("## Request\nWe request coverage of E0486.\n")))
    assert "Signed electronically by Test Dentist Beta, DDS on March 3, 2026 at 14:05 UTC." in text
    assert "DRAFT" not in text


def test_a_long_letter_runs_over_pages_with_page_numbers():
    body = "\n".join(f"Finding line {n} of a long letter with measured values." for n in range(150))
    pages, text = pdf_text(render_pdf(Narrative(body=body, status="draft", placeholders=[])))
    assert pages > 1
    assert f"Page {pages} of {pages}" in text


def test_without_the_unicode_font_plain_text_still_prints_and_other_text_is_refused(tmp_path):
    missing_font = tmp_path / "none.ttf"
    _, text = pdf_text(render_pdf(signed_narrative("Plain text — with a dash.\n"), font_path=missing_font))
    assert "Plain text - with a dash." in text
    with pytest.raises(PdfFontError, match="fonts-dejavu-core"):
        render_pdf(signed_narrative("Greek \u03b1\u03b2\u03b3 text.\n"), font_path=missing_font)
