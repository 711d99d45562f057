"""The builder on the shipped crosswalk data: every conditioned candidate is reachable from facts.

Expectations are read from the crosswalk itself (not copied from a run), so a data change that
makes a candidate unreachable — a condition the builder cannot resolve — fails here.
"""
from __future__ import annotations

import pytest

from crosswalks import load_crosswalk
from docservice.claims import build_claim
from docservice.claims.vocabulary import load_vocabulary


CROSSWALK = load_crosswalk()
BILLING = CROSSWALK.billing
CDTS = sorted({"D7286", "D7961", "D7962", "D7963", "D9947", "D7880", "D7870", "D7910", "D7240", "D7310", "D0140"})
CONDITIONED = [c for cdt in CDTS for c in BILLING.candidates(cdt) if c.when and set(c.when) != {"payer_takes_cdt"}]
FACT_VALUE = {"length": {"small": 1.5, "large": 4.0}}


def facts_for(claim_inputs, when):
    vocabulary = load_vocabulary()
    facts = []
    for name, value in when.items():
        if name == "payer_takes_cdt":
            continue
        facts.append(claim_inputs.fact(vocabulary.conditions[name].fact, FACT_VALUE.get(name, {}).get(value, value)))
    return facts


def payer_plan(claim_inputs, when):
    wanted = when.get("payer_takes_cdt")
    if wanted is None:
        return [claim_inputs.plan()]
    payer = next(p for p in BILLING.payers if p.takes_cdt == (wanted == "yes") and BILLING.payer(p.label).id == p.id)
    return [claim_inputs.plan(carrier=payer.label)]


def first_reachable(cdt, when):
    """The candidate the builder should pick for facts matching `when`: the first whose conditions all hold."""
    return next(c for c in BILLING.candidates(cdt) if all(when.get(k) == v for k, v in c.when.items()))


@pytest.mark.parametrize("candidate", CONDITIONED, ids=lambda c: c.id)
def test_each_conditioned_candidate_is_chosen_from_facts(claim_inputs, candidate):
    the_case = claim_inputs.case(claim_inputs.procedure(candidate.cdt, tooth=""), problems=("G47.33",), plans=payer_plan(claim_inputs, candidate.when))
    line = build_claim(the_case, facts_for(claim_inputs, candidate.when), CROSSWALK).lines[0]
    expected = first_reachable(candidate.cdt, candidate.when)
    assert line.rule == expected.id
    assert line.code == expected.code


@pytest.mark.parametrize("cdt", [cdt for cdt in CDTS if any(not c.when for c in BILLING.candidates(cdt))])
def test_without_facts_the_default_candidate_is_proposed(claim_inputs, cdt):
    line = build_claim(claim_inputs.case(claim_inputs.procedure(cdt), plans=[claim_inputs.plan()]), [], CROSSWALK).lines[0]
    # Only the payer is known without facts: the first candidate that asks for nothing else, or the default.
    takes_cdt = "yes" if BILLING.payer(claim_inputs.plan().carrier).takes_cdt else "no"
    assert line.rule == first_reachable(cdt, {"payer_takes_cdt": takes_cdt}).id


def test_medicare_sleep_appliance_gets_kx_only_with_the_criteria(claim_inputs):
    medicare = next(p for p in BILLING.payers if p.medicare and any(
        r.kind == "medicare_criteria" and r.payer in ("", p.id) for r in BILLING.modifier_rules_for("E0486")))
    carrier = [claim_inputs.plan(carrier="Medicare")]
    assert BILLING.payer("Medicare").id == medicare.id
    criteria = medicare.sleep
    met = [claim_inputs.fact("appliance_hinge", "yes"), claim_inputs.fact("ahi", criteria.ahi_min + 5),
           claim_inputs.fact("respiratory_events", criteria.events_min + 10), claim_inputs.fact("cpap_intolerance", True),
           claim_inputs.fact("face_to_face_date", "2026-01-02"), claim_inputs.fact("sleep_study_date", "2026-01-10"),
           claim_inputs.fact("order_date", "2026-01-20")]
    the_case = claim_inputs.case(claim_inputs.procedure("D9947"), problems=("G47.33",), plans=carrier, category="sleep")
    with_kx = build_claim(the_case, met, CROSSWALK).lines[0]
    assert "KX" in with_kx.modifiers and "NU" in with_kx.modifiers
    below = [*met[:1], claim_inputs.fact("ahi", criteria.ahi_low_min - 1), *met[2:]]
    without = build_claim(the_case, below, CROSSWALK).lines[0]
    assert "KX" not in without.modifiers
    assert "KX left off" in without.why["modifiers"]
    assert "GA if the patient signed an advance beneficiary notice" in without.why["modifiers"]


def test_routine_cleaning_is_left_off_and_the_claim_still_builds(claim_inputs):
    claim = build_claim(claim_inputs.case(claim_inputs.procedure("D1110"), claim_inputs.procedure("D7286")), [], CROSSWALK)
    assert [item["cdt"] for item in claim.fields["left_off"]] == ["D1110"]
    assert [line.cdt for line in claim.lines] == ["D7286"]
