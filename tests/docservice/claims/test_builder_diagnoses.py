"""Diagnoses (problems first, hints only when nothing supports a line), principal, pointers."""
from __future__ import annotations

import pytest

from docservice.claims import build_claim


@pytest.fixture
def build(claim_inputs):
    """build(case) -> the claim built on the billing double, without facts."""

    def run(the_case):
        return build_claim(the_case, [], claim_inputs.crosswalk_double())

    return run


def codes(claim):
    return [dx["code"] for dx in claim.diagnoses]


def test_problems_are_normalised_and_kept_even_when_invalid(build, claim_inputs):
    claim = build(claim_inputs.case(claim_inputs.procedure("D7286"), problems=("k1379", "XYZ9", "K13.79")))
    assert codes(claim) == ["K13.79", "XYZ.9"]
    assert claim.diagnoses[0]["source"] == "problem"
    assert "not a valid ICD-10-CM code" in claim.diagnoses[1]["why"]


def test_principal_is_the_diagnosis_supporting_the_first_line(build, claim_inputs):
    claim = build(claim_inputs.case(claim_inputs.procedure("D9947"), claim_inputs.procedure("D7286"), problems=("I10", "K13.79", "G47.33"), category="sleep"))
    assert codes(claim)[0] == "G47.33"
    assert "G47.33" in claim.why["diagnoses"]
    sleep, biopsy = claim.lines
    assert sleep.pointers == [1]
    assert [claim.diagnoses[p - 1]["code"] for p in biopsy.pointers] == ["K13.79"]


def test_a_crosswalk_hint_only_when_no_problem_supports_the_line(build, claim_inputs):
    supported = build(claim_inputs.case(claim_inputs.procedure("D9947"), problems=("G47.33",), category="sleep"))
    assert [dx["source"] for dx in supported.diagnoses] == ["problem"]
    hinted = build(claim_inputs.case(claim_inputs.procedure("D9947"), problems=("I10",), category="sleep"))
    assert codes(hinted) == ["G47.33", "I10"]
    hint = hinted.diagnoses[0]
    assert hint["source"] == "crosswalk"
    assert "not on the problem list — confirm" in hint["why"]


def test_a_line_nothing_supports_points_at_the_principal_and_says_so(build, claim_inputs):
    # No hint of the case's category supports a biopsy: the line points at the principal.
    claim = build(claim_inputs.case(claim_inputs.procedure("D9947"), claim_inputs.procedure("D7286"), problems=("G47.33",), category="sleep"))
    biopsy = claim.lines[1]
    assert biopsy.pointers == [1]
    assert "no diagnosis on the claim supports 40808" in biopsy.why["pointers"]


def test_at_most_four_pointers_principal_first(build, claim_inputs):
    problems = ("K13.0", "K13.21", "K13.29", "K13.4", "K13.79")
    claim = build(claim_inputs.case(claim_inputs.procedure("D7286"), problems=problems))
    assert claim.lines[0].pointers == [1, 2, 3, 4]


def test_at_most_twelve_diagnoses_keeping_those_lines_need(build, claim_inputs):
    problems = [f"I{n:02d}" for n in range(10, 22)] + ["K13.79"]
    claim = build(claim_inputs.case(claim_inputs.procedure("D7286"), problems=problems))
    assert len(claim.diagnoses) == 12
    assert codes(claim)[0] == "K13.79"
    assert "only 12 fit" in claim.why["diagnoses"]


def test_external_cause_codes_stay_on_the_claim_but_no_line_points_at_them(build, claim_inputs):
    claim = build(claim_inputs.case(claim_inputs.procedure("D0140"), problems=("W01.0XXA", "S02.5XXA"), category="trauma"))
    assert "W01.0XXA" in codes(claim)
    assert codes(claim)[0] == "S02.5XXA"
    assert claim.lines[0].pointers == [1]
