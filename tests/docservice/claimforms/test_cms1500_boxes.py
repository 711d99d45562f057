"""What each CMS-1500 box says, read back from the data-mode PDF by poppler (`pdftotext -bbox`)
at the cell the layout gives the box."""
from __future__ import annotations

from dataclasses import replace

import pytest

from docservice.claimforms.cms1500 import render_cms1500


def _money_cells(spot, amount_dollars: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """(line, column) of the dollars (right-aligned) and of the cents of a money spot."""
    return (spot.line, spot.dollars_end - len(amount_dollars) + 1), (spot.line, spot.cents)


@pytest.mark.parametrize(("spot", "word"), [
    ("payer", "EXAMPLE"),
    ("box1a_insured_id", "XYZ123456789"),
    ("box2_patient_name", "TESTPERSON,"),
    ("box4_insured_name", "TESTPERSON,"),
    ("box11_group_number", "GRP001"),
    ("box11c_plan_name", "EXAMPLE"),
    ("box12_signature", "SIGNATURE"),
    ("box12_date", "030926"),
    ("box13_signature", "SIGNATURE"),
    ("box14_qualifier", "431"),
    ("box15_qualifier", "454"),
    ("box17_qualifier", "DN"),
    ("box17_name", "SAMPLE"),
    ("box17b_npi", "1234567893"),
    ("box19_additional_info", "PWKOZELML-42-9F3A0C11D2"),
    ("box21_icd_indicator", "0"),
    ("box23_prior_authorization", "PA998877"),
    ("box25_tin", "123456789"),
    ("box26_account_number", "ML0000042"),
    ("box31_signature", "SIGNATURE"),
    ("box31_date", "030926"),
    ("box32_name", "TESTCLINIC"),
    ("box32a_npi", "1234567893"),
    ("box33_name", "TESTCLINIC"),
    ("box33_street", "100"),
    ("box33a_npi", "1245319599"),
])
def test_each_box_holds_its_value_in_its_cell(full_claim, pdf_cells, form_layout, spot, word):
    cells = pdf_cells(render_cms1500(full_claim))
    where = form_layout.text[spot]
    assert cells.get((1, where.line, where.column)) == word


def test_dates_and_phone_fill_their_cells(full_claim, pdf_cells, form_layout):
    cells = pdf_cells(render_cms1500(full_claim))
    birth = form_layout.dates["box3_birth_date"]
    assert [cells.get((1, birth.line, column)) for column in birth.columns] == ["01", "02", "1970"]
    onset = form_layout.dates["box14_date"]
    assert [cells.get((1, onset.line, column)) for column in onset.columns] == ["11", "01", "2025"]
    phone = form_layout.phones["box33_phone"]
    assert (cells.get((1, phone.line, phone.area)), cells.get((1, phone.line, phone.number))) == ("614", "5550100")


@pytest.mark.parametrize(("checkbox", "chosen", "not_chosen"), [
    ("box1_plan", "group", "other"),
    ("box3_sex", "F", "M"),
    ("box6_relationship", "self", "child"),
    ("box10a_employment", "no", "yes"),
    ("box10b_auto_accident", "no", "yes"),
    ("box10c_other_accident", "no", "yes"),
    ("box11d_other_plan", "no", "yes"),
    ("box25_id_type", "ein", "ssn"),
    ("box27_assignment", "yes", "no"),
])
def test_checkboxes_mark_the_chosen_option_only(full_claim, pdf_cells, form_layout, checkbox, chosen, not_chosen):
    cells = pdf_cells(render_cms1500(full_claim))
    spot = form_layout.checkboxes[checkbox]
    assert cells.get((1, spot.line, spot.options[chosen].column)) == "X"
    assert (1, spot.line, spot.options[not_chosen].column) not in cells


def test_diagnoses_print_a_to_e_without_decimal_point(full_claim, pdf_cells, form_layout, pdf_pages_text):
    pdf = render_cms1500(full_claim)
    cells = pdf_cells(pdf)
    printed = [cells.get((1, spot.line, spot.column)) for spot in map(form_layout.diagnoses.spot, range(5))]
    assert printed == ["G4733", "E669", "I10", "R0683", "M26601"]
    assert "G47.33" not in pdf_pages_text(pdf)[0]


def test_service_line_codes_modifiers_pointers_charge_units_and_npi(full_claim, pdf_cells, form_layout):
    cells = pdf_cells(render_cms1500(full_claim))
    rows = form_layout.service_rows
    line = rows.row_line(0)

    def at(name: str) -> str | None:
        return cells.get((1, line, rows.text[name].column))

    assert (at("code"), at("modifier_1"), at("modifier_2"), at("modifier_3")) == ("E0486", "KX", "NU", None)
    assert at("pointers") == "ABCD"
    assert (at("place_of_service"), at("units"), at("rendering_npi")) == ("11", "1", "1245319599")
    dollars, cents = _money_cells(rows.money["charge"], "1850")
    assert (cells.get((1, line, dollars[1])), cells.get((1, line, cents[1]))) == ("1850", "00")
    start = rows.dates["from"]
    assert [cells.get((1, line, column)) for column in start.columns] == ["03", "02", "26"]


def test_second_line_has_tooth_and_description_on_its_shaded_line(full_claim, pdf_cells, form_layout):
    cells = pdf_cells(render_cms1500(full_claim))
    rows = form_layout.service_rows
    shaded = rows.row_line(1) + rows.text["supplemental"].line
    assert shaded == rows.row_line(1) - 1
    assert cells.get((1, shaded, rows.text["supplemental"].column)) == "JP3"
    assert "ZZSPLINT" in {word for (page, at_line, _), word in cells.items() if page == 1 and at_line == shaded}
    assert cells.get((1, rows.row_line(1), rows.text["pointers"].column)) == "E"


def test_total_charge_sits_in_box_28_with_dollars_and_cents_apart(full_claim, pdf_cells, form_layout):
    cells = pdf_cells(render_cms1500(full_claim))  # 1850.00 + 85.10
    (line, dollars), (_, cents) = _money_cells(form_layout.money["box28_total"], "1935")
    assert (cells.get((1, line, dollars)), cells.get((1, line, cents))) == ("1935", "10")


def test_replacement_shows_code_7_and_original_reference(replacement_claim, make_claim, pdf_cells, form_layout):
    code, reference = form_layout.text["box22_resubmission_code"], form_layout.text["box22_original_ref"]
    cells = pdf_cells(render_cms1500(replacement_claim))
    assert cells.get((1, code.line, code.column)) == "7"
    assert cells.get((1, reference.line, reference.column)) == "PAYERCLM0001"
    original = pdf_cells(render_cms1500(make_claim()))
    assert (1, code.line, code.column) not in original


def test_auto_accident_marks_10b_yes_with_state_and_dates_box_14(accident_claim, pdf_cells, form_layout):
    # Without an onset date of its own, so box 14 can only have the date from the accident.
    claim = replace(accident_claim, onset_date=None, initial_treatment_date=None)
    cells = pdf_cells(render_cms1500(claim))
    auto = form_layout.checkboxes["box10b_auto_accident"]
    assert cells.get((1, auto.line, auto.options["yes"].column)) == "X"
    assert (1, auto.line, auto.options["no"].column) not in cells
    state = form_layout.text["box10b_state"]
    assert cells.get((1, state.line, state.column)) == "OH"
    for other in ("box10a_employment", "box10c_other_accident"):
        spot = form_layout.checkboxes[other]
        assert cells.get((1, spot.line, spot.options["no"].column)) == "X"
    when = form_layout.dates["box14_date"]
    assert [cells.get((1, when.line, column)) for column in when.columns] == ["02", "14", "2026"]


@pytest.mark.parametrize(("indicator", "option"), [("MB", "medicare"), ("MC", "medicaid"), ("BL", "group"),
                                                  ("HM", "group"), ("WC", "other")])
def test_box_1_follows_the_claim_filing_indicator(make_claim, coverage, pdf_cells, form_layout, indicator, option):
    coverage = replace(coverage, payer=replace(coverage.payer, filing_indicator=indicator))
    cells = pdf_cells(render_cms1500(make_claim(coverage=coverage)))
    spot = form_layout.checkboxes["box1_plan"]
    marked = [key for key, choice in spot.options.items() if cells.get((1, spot.line, choice.column)) == "X"]
    assert marked == [option]


def test_secondary_claim_fills_other_insured_and_amount_paid(secondary_claim, pdf_cells, form_layout):
    cells = pdf_cells(render_cms1500(secondary_claim))  # the primary plan, Beta's, paid $1200.00
    for name, word in (("box9_other_insured_name", "TESTPERSON,"), ("box9a_other_policy", "PGRP9"),
                       ("box9d_other_plan_name", "PRIMARY")):
        spot = form_layout.text[name]
        assert cells.get((1, spot.line, spot.column)) == word
    other_plan = form_layout.checkboxes["box11d_other_plan"]
    assert cells.get((1, other_plan.line, other_plan.options["yes"].column)) == "X"
    (line, dollars), (_, cents) = _money_cells(form_layout.money["box29_paid"], "1200")
    assert (cells.get((1, line, dollars)), cells.get((1, line, cents))) == ("1200", "00")


def test_a_child_patient_is_marked_child_in_box_6(dependent_claim, pdf_cells, form_layout):
    cells = pdf_cells(render_cms1500(dependent_claim))
    spot = form_layout.checkboxes["box6_relationship"]
    assert cells.get((1, spot.line, spot.options["child"].column)) == "X"
    name = form_layout.text["box2_patient_name"]
    assert cells.get((1, name.line, name.column)) == "TESTPERSON,"
