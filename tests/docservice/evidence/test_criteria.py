"""The Medicare oral-appliance criteria, judged once: the KX modifier, the checks and the letter agree."""
from __future__ import annotations

import pytest

from docservice.checks import run_checks
from docservice.claims import build_claim
from docservice.evidence import evaluate_criteria, evidence_rules, resolve_evidence
from docservice.narratives import build_context, render_body, template_folders

THRESHOLD_WORDS = "the sleep study shows an AHI/RDI"


@pytest.fixture
def outcome(crosswalk):
    """outcome(case, facts) -> (claim line, check report, letter body, criteria result) on the same records."""

    def run(case, facts):
        claim = build_claim(case, facts, crosswalk)
        report = run_checks(case, claim, facts, crosswalk)
        body = render_body(build_context(case, facts, claim, crosswalk), category=case.category,
                           folders=template_folders()).body
        rule = evidence_rules(crosswalk).criteria_for("E0486")
        payer = crosswalk.billing.payer_by_id(claim.payer)
        result = evaluate_criteria(rule, payer, resolve_evidence(case, facts, evidence_rules(crosswalk),
                                                                 confirmations=[]))
        return claim.lines[0], report, body, result

    return run


def _rules(report, rule_id):
    return [finding for finding in report.findings if finding.rule == rule_id]


def test_criteria_met_kx_on_the_line_no_check_against_it_and_the_letter_says_so(outcome, sleep_records):
    line, report, body, result = outcome(*sleep_records())
    assert result.met
    assert line.code == "E0486" and line.modifiers == ["NU", "KX"]
    assert not _rules(report, "modifier-missing") and not _rules(report, "sleep-ahi-threshold")
    assert THRESHOLD_WORDS in body


@pytest.mark.parametrize("change, failed", [
    ({"ahi": 9.0}, "low range"),  # AHI 5-14 without a listed symptom or comorbidity
    ({"drop": ("face_to_face_date",)}, "face-to-face visit is not documented"),
    ({"drop": ("cpap_intolerance",)}, "CPAP intolerance is not documented"),
])
def test_criteria_not_met_no_kx_the_check_offers_ga_or_gz_and_the_letter_claims_nothing(outcome, sleep_records,
                                                                                         change, failed):
    line, report, body, result = outcome(*sleep_records(**change))
    assert not result.met and failed in result.why
    assert "KX" not in line.modifiers and failed in line.why["modifiers"]
    assert "GA if the patient signed an advance beneficiary notice" in line.why["modifiers"]
    (finding,) = _rules(report, "modifier-missing")
    assert "GA or GZ" in finding.message and failed in finding.message
    assert "GA" in finding.fix and "GZ" in finding.fix and "Add modifier KX" not in finding.fix
    # A documented value that fails (the AHI) is the threshold check's error; the modifier is its consequence.
    # A value that is not documented has no other error, so the modifier's finding is the error.
    owned = _rules(report, "sleep-ahi-threshold")
    assert finding.severity == ("warning" if owned else "error")
    assert [f.severity for f in owned] == (["error"] if "ahi" in change else [])
    assert not report.ready
    assert THRESHOLD_WORDS not in body


def test_kx_billed_against_unmet_criteria_is_an_error_that_offers_ga_or_gz(crosswalk, sleep_records):
    case, facts = sleep_records(ahi=9.0)
    claim = build_claim(case, facts, crosswalk)
    claim.lines[0].modifiers = ["NU", "KX"]  # a person added KX by hand
    (finding,) = _rules(run_checks(case, claim, facts, crosswalk), "modifier-missing")
    assert "carries KX" in finding.message and "Remove KX" in finding.fix and "GZ" in finding.fix


def test_a_commercial_payer_has_no_kx_rule(outcome, sleep_records):
    line, report, _, _ = outcome(*sleep_records(carrier="Synthetic Mutual PPO"))
    assert "KX" not in line.modifiers and not _rules(report, "modifier-missing")


def test_the_same_ahi_everywhere_when_documents_disagree(outcome, sleep_records, make_document, make_fact):
    """A chart note's AHI 9 (read surer and first) never outvotes the sleep study's 24 anywhere."""
    case, facts = sleep_records()
    note = make_document("chart_note")
    case.documents.append(note)
    line, report, body, result = outcome(case, [make_fact("ahi", 9.0, document=note, confidence=1.0), *facts])
    assert result.index[1] == 24.0 and result.met and "KX" in line.modifiers
    assert not _rules(report, "sleep-ahi-threshold") and "AHI 24" in body
    (conflict,) = _rules(report, "evidence-conflict")
    assert conflict.severity == "warning" and "9" in conflict.message
