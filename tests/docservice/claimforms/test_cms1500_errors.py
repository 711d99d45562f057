"""Claims the CMS-1500 cannot print correctly are refused with one clear line naming the box and
never the value; box 19 is composed to fit."""
from __future__ import annotations

from dataclasses import replace

import pytest

from docservice.claimforms.cms1500 import Cms1500Error, compose_pages, render_cms1500
from docservice.claimforms.cms1500.claim_boxes import compose_additional_info
from docservice.claimforms.submission import Attachment
from docservice.errors import DocServiceError


def test_error_is_a_docservice_error():
    assert issubclass(Cms1500Error, DocServiceError)


def test_account_number_too_long_for_box_26_is_refused(make_claim):
    number = "ML" + "7" * 18
    with pytest.raises(Cms1500Error, match="Box 26") as caught:
        render_cms1500(make_claim(number))
    assert number not in str(caught.value)


def test_name_the_form_cannot_print_names_the_box_not_the_name(make_claim, subscriber):
    patient = replace(subscriber, last_name="Testpersøn")
    with pytest.raises(Cms1500Error, match="Box 2 ") as caught:
        render_cms1500(make_claim(patient=patient))
    assert "Testpers" not in str(caught.value)


def test_accents_are_dropped_rather_than_refused(make_claim, subscriber, pdf_pages_text):
    patient = replace(subscriber, first_name="Zoë")
    assert "TESTPERSON, ZOE, Q" in pdf_pages_text(render_cms1500(make_claim(patient=patient)))[0]


def test_pointer_to_a_missing_diagnosis_is_refused(make_claim, make_line):
    with pytest.raises(Cms1500Error, match="24E of line 1"):
        render_cms1500(make_claim(lines=(make_line(1, pointers=(1, 2)),)))


def test_more_than_twelve_diagnoses_are_refused(make_claim):
    codes = tuple(f"Z0{n}.0" for n in range(10)) + ("I10", "E66.9", "G47.33")
    with pytest.raises(Cms1500Error, match="Box 21"):
        render_cms1500(make_claim(diagnoses=codes))


def test_claim_without_lines_is_refused(make_claim):
    with pytest.raises(Cms1500Error, match="no service lines"):
        render_cms1500(make_claim(lines=()))


@pytest.mark.parametrize(("options", "message"), [
    ({"mode": "fancy"}, "mode must be one of data, full"),
    ({"offset_in": (1.5, 0.0)}, "within 1 inch"),
])
def test_bad_mode_or_offset_is_refused(make_claim, options, message):
    with pytest.raises(Cms1500Error, match=message):
        render_cms1500(make_claim(), **options)


def test_box_19_names_one_kind_of_attachment_by_its_report_type(make_claim):
    claim = make_claim(attachments=(Attachment(report_type="DG", control_number="ML-42-ABC"),))
    assert compose_additional_info(claim, width=48) == "PWKDGELML-42-ABC"


def test_box_19_names_a_mixed_packet_oz_and_cuts_the_note_to_fit(full_claim):
    text = compose_additional_info(full_claim, width=48)
    assert text.startswith("PWKOZELML-42-9F3A0C11D2   NTEADDSLEEP STUDY")
    assert len(text) <= 48
    assert compose_additional_info(replace(full_claim, attachments=()), width=48) == \
        "NTEADDSLEEP STUDY AND ORDER ATTACHED"


def test_box_19_never_cuts_the_attachment_control_number(make_claim):
    claim = make_claim(attachments=(Attachment(report_type="DG", control_number="A" * 60),))
    with pytest.raises(Cms1500Error, match="Box 19"):
        compose_additional_info(claim, width=48)


def test_pages_can_be_read_without_a_pdf(nine_line_claim):
    pages = compose_pages(nine_line_claim)
    assert len(pages) == 2
    assert {"CONTINUED"} == {item.text for item in pages[0] if item.text == "CONTINUED"}
    assert not any(item.text == "CONTINUED" for item in pages[1])
