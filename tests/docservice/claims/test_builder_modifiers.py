"""Modifiers: required (NU), Medicare KX by the sleep criteria, laterality, 25 with a procedure; at most 4."""
from __future__ import annotations

import pytest

from docservice.claims import build_claim

# Facts as (name, value) or (name, value, {options}); `sleep_line` builds them.
# Face-to-face before the test, the order before delivery (the 2026-03-02 appointment): the criteria's dates.
DATES = [("face_to_face_date", "2026-01-02"), ("sleep_study_date", "2026-01-10"), ("order_date", "2026-01-20")]
FULL = [("ahi", 22), ("respiratory_events", 140), ("cpap_intolerance", True), *DATES]


@pytest.fixture
def sleep_line(claim_inputs):
    """sleep_line(facts, plans=Medicare Part B, problems=("G47.33",)) -> the sleep appliance's claim line;
    facts are (name, value) or (name, value, {options})."""

    def build(facts, *, plans=None, problems=("G47.33",)):
        made = [claim_inputs.fact(*spec[:2], **(spec[2] if len(spec) > 2 else {})) for spec in facts]
        plans = plans if plans is not None else [claim_inputs.plan(carrier="Medicare Part B")]
        the_case = claim_inputs.case(claim_inputs.procedure("D9947"), problems=problems, plans=plans, category="sleep")
        return build_claim(the_case, made, claim_inputs.crosswalk_double()).lines[0]

    return build


def test_e0486_always_carries_nu(claim_inputs, sleep_line):
    assert sleep_line([], plans=[claim_inputs.plan()]).modifiers == ["NU"]


def test_kx_when_medicare_criteria_are_met(sleep_line):
    line = sleep_line(FULL)
    assert line.modifiers == ["NU", "KX"]
    assert "criteria met" in line.why["modifiers"]


@pytest.mark.parametrize(
    "facts, reason",
    [
        ([("ahi", 22), ("respiratory_events", 140)], "CPAP intolerance is not documented"),
        ([("ahi", 3), ("respiratory_events", 20), ("cpap_intolerance", True)], "below"),
        ([("respiratory_events", 140), ("cpap_intolerance", True)], "no AHI or RDI"),
        ([("ahi", 22), ("cpap_intolerance", True)], "events is not documented"),
        ([("ahi", 22, {"negated": True}), ("respiratory_events", 140), ("cpap_intolerance", True)], "no AHI"),
        ([("ahi", 9), ("respiratory_events", 40), ("cpap_intolerance", True)], "low range"),
    ],
)
def test_kx_left_off_with_why_when_criteria_are_not_shown(sleep_line, facts, reason):
    line = sleep_line([*facts, *DATES])
    assert "KX" not in line.modifiers
    assert "KX left off" in line.why["modifiers"]
    assert reason in line.why["modifiers"]


@pytest.mark.parametrize(
    "extra, problems",
    [([("sleep_symptom", "daytime_sleepiness")], ("G47.33",)), ([], ("G47.33", "I10"))],
)
def test_kx_in_the_low_range_with_a_listed_symptom_or_comorbidity(sleep_line, extra, problems):
    facts = [("ahi", 9), ("respiratory_events", 40), ("cpap_intolerance", True), *DATES, *extra]
    assert "KX" in sleep_line(facts, problems=problems).modifiers


@pytest.mark.parametrize("name, value, reason", [
    ("face_to_face_date", "2026-01-12", "comes after the sleep test"),  # seen after the test
    ("order_date", "2026-03-05", "comes after delivery"),  # ordered after the appliance was delivered
])
def test_kx_left_off_when_the_dates_are_out_of_order(sleep_line, name, value, reason):
    facts = [f for f in FULL if f[0] != name] + [(name, value)]
    line = sleep_line(facts)
    assert "KX" not in line.modifiers and reason in line.why["modifiers"]


def test_kx_left_off_without_the_face_to_face_visit(sleep_line):
    line = sleep_line([f for f in FULL if f[0] != "face_to_face_date"])
    assert "KX" not in line.modifiers and "face-to-face visit is not documented" in line.why["modifiers"]


def test_no_kx_rule_for_a_commercial_payer(claim_inputs, sleep_line):
    line = sleep_line(FULL, plans=[claim_inputs.plan()])
    assert line.modifiers == ["NU"]
    assert "KX" not in line.why["modifiers"]


@pytest.mark.parametrize("side, modifier", [("right", "RT"), ("left", "LT"), ("bilateral", "50")])
def test_laterality_from_the_documented_side(claim_inputs, side, modifier):
    the_case = claim_inputs.case(claim_inputs.procedure("D7870"), problems=("M26.621",), category="tmd")
    line = build_claim(the_case, [claim_inputs.fact("side", side)], claim_inputs.crosswalk_double()).lines[0]
    assert line.modifiers == [modifier]


def test_no_laterality_modifier_when_the_side_is_unknown(claim_inputs):
    line = build_claim(claim_inputs.case(claim_inputs.procedure("D7870"), category="tmd"), [], claim_inputs.crosswalk_double()).lines[0]
    assert line.modifiers == []
    assert "side not documented" in line.why["modifiers"]


def test_25_on_the_exam_when_a_procedure_is_on_the_claim(claim_inputs):
    claim = build_claim(claim_inputs.case(claim_inputs.procedure("D0140"), claim_inputs.procedure("D7286")), [], claim_inputs.crosswalk_double())
    assert claim.lines[0].modifiers == ["25"]
    assert claim.lines[1].modifiers == []


def test_no_25_on_an_exam_alone(claim_inputs):
    claim = build_claim(claim_inputs.case(claim_inputs.procedure("D0140"), claim_inputs.procedure("D1110")), [], claim_inputs.crosswalk_double())
    assert [line.modifiers for line in claim.lines] == [[]]


def test_at_most_four_modifiers(claim_inputs):
    many = claim_inputs.Candidate("many", "D9947", "E0486", system="HCPCS", modifiers=("AA", "BB", "CC", "DD"))
    crosswalk = claim_inputs.crosswalk_double()
    crosswalk.billing = claim_inputs.BillingDouble(candidates=(many,))
    line = build_claim(claim_inputs.case(claim_inputs.procedure("D9947")), [], crosswalk).lines[0]
    assert line.modifiers == ["AA", "BB", "CC", "DD"]
    assert "left off NU" in line.why["modifiers"]
