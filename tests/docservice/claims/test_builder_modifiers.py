"""Modifiers: required (NU), Medicare KX by the sleep criteria, laterality, 25 with a procedure; at most 4."""
from __future__ import annotations

import pytest

from docservice.claims import build_claim

from tests.docservice.claims.billing_double import Candidate, BillingDouble, crosswalk_double
from tests.docservice.claims.builders import case, fact, plan, procedure

MEDICARE = [plan(carrier="Medicare Part B")]
# Face-to-face before the test, the order before delivery (the 2026-03-02 appointment): the criteria's dates.
DATES = [fact("face_to_face_date", "2026-01-02"), fact("sleep_study_date", "2026-01-10"),
         fact("order_date", "2026-01-20")]
FULL = [fact("ahi", 22), fact("respiratory_events", 140), fact("cpap_intolerance", True), *DATES]


def sleep_line(facts, *, plans=MEDICARE, problems=("G47.33",)):
    the_case = case(procedure("D9947"), problems=problems, plans=plans, category="sleep")
    return build_claim(the_case, facts, crosswalk_double()).lines[0]


def test_e0486_always_carries_nu():
    assert sleep_line([], plans=[plan()]).modifiers == ["NU"]


def test_kx_when_medicare_criteria_are_met():
    line = sleep_line(FULL)
    assert line.modifiers == ["NU", "KX"]
    assert "criteria met" in line.why["modifiers"]


@pytest.mark.parametrize(
    "facts, reason",
    [
        ([fact("ahi", 22), fact("respiratory_events", 140)], "CPAP intolerance is not documented"),
        ([fact("ahi", 3), fact("respiratory_events", 20), fact("cpap_intolerance", True)], "below"),
        ([fact("respiratory_events", 140), fact("cpap_intolerance", True)], "no AHI or RDI"),
        ([fact("ahi", 22), fact("cpap_intolerance", True)], "events is not documented"),
        ([fact("ahi", 22, negated=True), fact("respiratory_events", 140), fact("cpap_intolerance", True)], "no AHI"),
        ([fact("ahi", 9), fact("respiratory_events", 40), fact("cpap_intolerance", True)], "low range"),
    ],
)
def test_kx_left_off_with_why_when_criteria_are_not_shown(facts, reason):
    line = sleep_line([*facts, *DATES])
    assert "KX" not in line.modifiers
    assert "KX left off" in line.why["modifiers"]
    assert reason in line.why["modifiers"]


@pytest.mark.parametrize(
    "extra, problems",
    [([fact("sleep_symptom", "daytime_sleepiness")], ("G47.33",)), ([], ("G47.33", "I10"))],
)
def test_kx_in_the_low_range_with_a_listed_symptom_or_comorbidity(extra, problems):
    facts = [fact("ahi", 9), fact("respiratory_events", 40), fact("cpap_intolerance", True), *DATES, *extra]
    assert "KX" in sleep_line(facts, problems=problems).modifiers


@pytest.mark.parametrize("name, value, reason", [
    ("face_to_face_date", "2026-01-12", "comes after the sleep test"),  # seen after the test
    ("order_date", "2026-03-05", "comes after delivery"),  # ordered after the appliance was delivered
])
def test_kx_left_off_when_the_dates_are_out_of_order(name, value, reason):
    facts = [f for f in FULL if f.name != name] + [fact(name, value)]
    line = sleep_line(facts)
    assert "KX" not in line.modifiers and reason in line.why["modifiers"]


def test_kx_left_off_without_the_face_to_face_visit():
    line = sleep_line([f for f in FULL if f.name != "face_to_face_date"])
    assert "KX" not in line.modifiers and "face-to-face visit is not documented" in line.why["modifiers"]


def test_no_kx_rule_for_a_commercial_payer():
    line = sleep_line(FULL, plans=[plan()])
    assert line.modifiers == ["NU"]
    assert "KX" not in line.why["modifiers"]


@pytest.mark.parametrize("side, modifier", [("right", "RT"), ("left", "LT"), ("bilateral", "50")])
def test_laterality_from_the_documented_side(side, modifier):
    the_case = case(procedure("D7870"), problems=("M26.621",), category="tmd")
    line = build_claim(the_case, [fact("side", side)], crosswalk_double()).lines[0]
    assert line.modifiers == [modifier]


def test_no_laterality_modifier_when_the_side_is_unknown():
    line = build_claim(case(procedure("D7870"), category="tmd"), [], crosswalk_double()).lines[0]
    assert line.modifiers == []
    assert "side not documented" in line.why["modifiers"]


def test_25_on_the_exam_when_a_procedure_is_on_the_claim():
    claim = build_claim(case(procedure("D0140"), procedure("D7286")), [], crosswalk_double())
    assert claim.lines[0].modifiers == ["25"]
    assert claim.lines[1].modifiers == []


def test_no_25_on_an_exam_alone():
    claim = build_claim(case(procedure("D0140"), procedure("D1110")), [], crosswalk_double())
    assert [line.modifiers for line in claim.lines] == [[]]


def test_at_most_four_modifiers():
    many = Candidate("many", "D9947", "E0486", system="HCPCS", modifiers=("AA", "BB", "CC", "DD"))
    crosswalk = crosswalk_double()
    crosswalk.billing = BillingDouble(candidates=(many,))
    line = build_claim(case(procedure("D9947")), [], crosswalk).lines[0]
    assert line.modifiers == ["AA", "BB", "CC", "DD"]
    assert "left off NU" in line.why["modifiers"]
