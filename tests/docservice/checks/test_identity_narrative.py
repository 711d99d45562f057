"""NPIs, ordering provider, member id, medical plan, prior authorization, no lines; the narrative; the report."""
from __future__ import annotations

import pytest

from docservice.checks import Finding
from docservice.checks.findings import sort_findings
from docservice.models import Narrative


@pytest.mark.parametrize("field", ["referring_provider", "ordering_provider", "rendering_provider", "billing_provider"])
def test_every_npi_on_the_claim_is_checked(check_inputs, findings_of, check, field):
    made, built, facts = check_inputs.sleep_scenario()
    assert not findings_of(check(made, built, facts), "npi-invalid")
    built.fields[field] = {"name": "Test Provider Delta", "npi": "1234567890"}
    found = findings_of(check(made, built, facts), "npi-invalid")
    assert [f.severity for f in found] == ["error"] and found[0].evidence[0]["id"] == field


@pytest.mark.parametrize("name", ["ordering_physician", "interpreting_physician", "referral_source"])
def test_npis_read_from_the_documents_are_checked_once(check_inputs, findings_of, check, name):
    made, built, facts = check_inputs.sleep_scenario()
    facts.append(check_inputs.fact(name, {"name": "Test Physician Epsilon", "npi": "1234567890"}))
    found = findings_of(check(made, built, facts), "npi-invalid")
    assert [f.evidence[0]["kind"] for f in found] == ["fact"]
    built.fields["referring_provider"] = {"name": "Test Physician Epsilon", "npi": "1234567890"}
    assert [f.evidence[0]["kind"] for f in findings_of(check(made, built, facts), "npi-invalid")] == ["claim_field"]


def test_dme_line_needs_the_ordering_provider(check_inputs, findings_of, check):
    made, built, facts = check_inputs.sleep_scenario()
    assert not findings_of(check(made, built, facts), "provider-missing")
    del built.fields["ordering_provider"]
    found = findings_of(check(made, built, facts), "provider-missing")
    assert [(f.severity, f.line) for f in found] == [("error", 1)]
    assert not findings_of(check(*check_inputs.tmd_scenario()), "provider-missing")  # not equipment


def test_member_id_and_medical_plan(check_inputs, findings_of, check):
    made, built, facts = check_inputs.tmd_scenario()
    assert not check(made, built, facts).rules() & {"member-id-missing", "medical-plan-missing"}
    built.fields["member_id"] = ""
    made.insurance[1].subscriber_id = ""
    assert findings_of(check(made, built, facts), "member-id-missing")
    made = check_inputs.case("tmd", medical=False)
    assert findings_of(check(made, built, facts), "medical-plan-missing")


def test_prior_authorization_when_the_payer_requires_it(check_inputs, findings_of, check):
    made, built, facts = check_inputs.sleep_scenario(carrier="Strict Health")
    found = findings_of(check(made, built, facts), "prior-auth-missing")
    assert [(f.severity, f.line) for f in found] == [("error", 1)]
    assert not findings_of(check(made, built, facts + [check_inputs.fact("prior_authorization", "PA-TEST-1")]), "prior-auth-missing")
    built.fields["prior_authorization"] = "PA-TEST-2"
    assert not findings_of(check(made, built, facts), "prior-auth-missing")
    assert not findings_of(check(*check_inputs.sleep_scenario()), "prior-auth-missing")  # a payer without the requirement


def test_claim_without_lines(check_inputs, findings_of, check):
    made, built, facts = check_inputs.tmd_scenario()
    assert not findings_of(check(made, built, facts), "claim-no-lines")
    report = check(made, check_inputs.claim(["M26.622"], []), facts)
    assert findings_of(report, "claim-no-lines") and not report.ready


def test_narrative_states(check_inputs, findings_of, check):
    made, built, facts = check_inputs.tmd_scenario()
    assert not check(made, built, facts).rules() & {"narrative-placeholder", "narrative-unsigned"}
    made.narrative = None
    assert [f.severity for f in findings_of(check(made, built, facts), "narrative-unsigned")] == ["info"]
    made.narrative = Narrative(id=77, template="tmd.md.j2", status="draft", body="Opening [MISSING: maximum opening] mm.",
                               placeholders=[{"field": "max_opening_mm", "label": "maximum opening"}])
    report = check(made, built, facts)
    assert [f.severity for f in findings_of(report, "narrative-placeholder")] == ["error"]
    assert "maximum opening" in findings_of(report, "narrative-placeholder")[0].message
    assert [f.severity for f in findings_of(report, "narrative-unsigned")] == ["warning"]
    made.narrative.body, made.narrative.placeholders = "Opening 28 mm.", []
    assert not findings_of(check(made, built, facts), "narrative-placeholder")


# ------------------------------------------------------------------------------ the report


def test_report_is_sorted_errors_first_then_by_line_and_ready_follows_errors(check_inputs, check):
    made, built, facts = check_inputs.sleep_scenario()
    built.lines.append(check_inputs.line("E0486", cdt="D9947", modifiers=["NU"]))  # duplicate, line 2
    built.diagnoses.append({"code": "I10", "source": "crosswalk"})  # unused and unconfirmed
    built.lines[0].pointers = [9]
    report = check(made, built, facts)
    ranks = [("error", "warning", "info").index(f.severity) for f in report.findings]
    assert ranks == sorted(ranks) and not report.ready
    errors = [f.line or 0 for f in report.findings if f.severity == "error"]
    assert errors == sorted(errors)
    assert not any(made.patient_name in f.message + f.fix for f in report.findings)
    clean = check(*check_inputs.sleep_scenario())
    assert clean.ready and clean.findings == []


def test_sort_findings_orders_claim_level_before_lines():
    findings = [Finding("b", "warning", "m", "f", line=2), Finding("a", "error", "m", "f", line=3),
                Finding("c", "error", "m", "f"), Finding("d", "info", "m", "f")]
    assert [f.rule for f in sort_findings(findings)] == ["c", "a", "b", "d"]
    with pytest.raises(ValueError):
        Finding("x", "fatal", "m", "f")
