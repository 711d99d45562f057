"""Attachments, documentation elements and the payer's sleep-test criteria."""
from __future__ import annotations

import dataclasses

import pytest

from crosswalks.billing import AttachmentRule


def test_sleep_study_missing(check_inputs, findings_of, check):
    made, built, facts = check_inputs.sleep_scenario()
    assert not check(made, built, facts).rules() & {"attachment-missing", "attachment-incomplete"}
    made.documents = [d for d in made.documents if d.kind != "sleep_study"]
    found = findings_of(check(made, built, facts), "attachment-missing")
    assert [(f.severity, f.line) for f in found] == [("error", 1)]
    assert "needs a sleep study report; none is attached" in found[0].message
    assert "E0486" in found[0].message


def test_document_counts_only_once_ocr_finished(check_inputs, findings_of, check):
    made, built, facts = check_inputs.sleep_scenario()
    made.documents[0].status = "processing"
    assert findings_of(check(made, built, facts), "attachment-missing")
    made.documents[0].status = "needs_review"
    assert not findings_of(check(made, built, facts), "attachment-missing")


@pytest.mark.parametrize("code, kind, fact_name", [
    ("40808", "pathology_report", "pathology_diagnosis"),
    ("70486", "radiology_report", "radiology_impression"),
])
def test_report_missing_then_incomplete_then_complete(check_inputs, findings_of, check, code, kind, fact_name):
    built = check_inputs.claim(["K13.79"], [check_inputs.line(code, description="described")])
    assert findings_of(check(check_inputs.case("test"), built, []), "attachment-missing")
    report = check_inputs.document(kind)
    made = check_inputs.case("test", documents=[report])
    found = findings_of(check(made, built, []), "attachment-incomplete")
    assert len(found) == 1 and fact_name.replace("_", " ") in found[0].message
    assert any(e["kind"] == "document" and e["id"] == report.id for e in found[0].evidence)
    assert not check(made, built, [check_inputs.fact(fact_name, "a finding", document=report)]).rules() & {
        "attachment-missing", "attachment-incomplete"}


def test_the_dentists_written_reading_of_the_film_serves_as_its_report(check_inputs, findings_of, check):
    """attachments.yaml `shown_in`: a visit note that interprets the pano stands in for a radiology report;
    a note that only says the film was taken does not."""
    built = check_inputs.claim(["K09.0"], [check_inputs.line("70486", description="described")])
    note = check_inputs.document("chart_note")
    made = check_inputs.case("test", documents=[note])
    assert findings_of(check(made, built, []), "attachment-missing")
    reading = check_inputs.fact("radiology_impression", "well-defined radiolucency distal #32", document=note)
    assert not check(made, built, [reading]).rules() & {"attachment-missing", "attachment-incomplete"}


def test_sleep_study_without_ahi_is_incomplete_even_if_another_document_has_it(check_inputs, findings_of, check):
    made, built, facts = check_inputs.sleep_scenario()
    note = check_inputs.document("chart_note")
    made.documents.append(note)
    facts = [f for f in facts if f.name != "ahi"] + [check_inputs.fact("ahi", 24.0, document=note)]
    found = findings_of(check(made, built, facts), "attachment-incomplete")
    assert len(found) == 1 and "AHI".lower() in found[0].message.lower()
    assert "another document" in found[0].message


def test_category_rule_referral_for_clearance(check_inputs, findings_of, check):
    built = check_inputs.claim(["Z01.818"], [check_inputs.line("41899", description="extraction before surgery")])
    found = findings_of(check(check_inputs.case("clearance"), built, []), "attachment-missing")
    assert found and found[0].line is None and "clearance" in found[0].message.lower()
    referral = check_inputs.document("referral")
    assert not findings_of(check(check_inputs.case("clearance", documents=[referral]), built,
                        [check_inputs.fact("referral_source", {"name": "Test Physician Beta"}, document=referral)]),
                  "attachment-missing")


# ------------------------------------------------------------------------------ elements


def test_cpap_intolerance_missing(check_inputs, findings_of, check):
    made, built, facts = check_inputs.sleep_scenario()
    facts = [f for f in facts if f.name != "cpap_intolerance"]
    found = findings_of(check(made, built, facts), "element-missing")
    assert [(f.severity, f.line) for f in found] == [("error", 1)]
    assert "CPAP intolerance" in found[0].message


def test_pain_documented_as_denied_is_contradicted(check_inputs, findings_of, check):
    made, built, facts = check_inputs.tmd_scenario()
    assert not check(made, built, facts).rules() & {"element-missing", "element-contradicted"}
    facts = [f for f in facts if f.name != "pain"] + [check_inputs.fact("pain", True, negated=True, document=made.documents[0])]
    found = findings_of(check(made, built, facts), "element-contradicted")
    assert [f.severity for f in found] == ["error"]
    assert "denied" in found[0].message and found[0].evidence[-1]["negated"] is True
    assert "Test Patient" not in found[0].message


def test_stated_and_denied_elsewhere_is_an_error(check_inputs, findings_of, check):
    """A note that denies the very finding the claim rests on stops the claim until the notes agree."""
    made, built, facts = check_inputs.tmd_scenario()
    facts.append(check_inputs.fact("pain", True, negated=True))
    report = check(made, built, facts)
    assert [f.severity for f in findings_of(report, "element-contradicted")] == ["error"] and not report.ready


def test_conservative_therapy_missing_or_only_history(check_inputs, findings_of, check):
    made, built, facts = check_inputs.tmd_scenario()
    facts = [f for f in facts if f.name != "conservative_therapy"]
    assert [f.severity for f in findings_of(check(made, built, facts), "element-missing")] == ["error"]
    facts.append(check_inputs.fact("conservative_therapy", "occlusal_splint", historical=True))
    found = findings_of(check(made, built, facts), "element-missing")
    assert [f.severity for f in found] == ["warning"] and "past history" in found[0].message


def test_therapy_not_tried_is_missing_not_contradicted(check_inputs, findings_of, check):
    """"Has not tried a splint": for something done, a denial means it was not done."""
    made, built, facts = check_inputs.tmd_scenario()
    facts = [f for f in facts if f.name != "conservative_therapy"]
    facts.append(check_inputs.fact("conservative_therapy", "occlusal_splint", negated=True, document=made.documents[0]))
    report = check(made, built, facts)
    found = findings_of(report, "element-missing")
    assert [f.severity for f in found] == ["error"] and found[0].evidence[-1]["negated"] is True
    assert not findings_of(report, "element-contradicted")


# ------------------------------------------------------------------------------ sleep criteria


def _sleep(check_inputs, findings_of, check, ahi, events, *extra, carrier="Test Mutual"):
    made, built, facts = check_inputs.sleep_scenario(ahi=ahi, events=events, carrier=carrier)
    facts = [f for f in facts if events is not None or f.name != "respiratory_events"] + list(extra)
    return findings_of(check(made, built, facts), "sleep-ahi-threshold")


def test_ahi_meets_the_first_criterion(check_inputs, findings_of, check):
    assert not _sleep(check_inputs, findings_of, check, 15, 30)
    assert not _sleep(check_inputs, findings_of, check, 42.5, 170)


def test_ahi_below_the_floor_says_by_how_much(check_inputs, findings_of, check):
    found = _sleep(check_inputs, findings_of, check, 3.5, 20)
    assert [f.severity for f in found] == ["error"]
    assert "3.5" in found[0].message and "1.5" in found[0].message


def test_low_range_needs_a_listed_symptom_or_condition(findings_of, check_inputs, check):
    found = _sleep(check_inputs, findings_of, check, 9, 40)
    assert [f.severity for f in found] == ["error"] and "symptom or condition" in found[0].message
    assert not _sleep(check_inputs, findings_of, check, 9, 40, check_inputs.fact("sleep_symptom", "daytime_sleepiness"))
    assert not _sleep(check_inputs, findings_of, check, 9, 40, check_inputs.fact("comorbidity", "hypertension"))
    # snoring is not a listed symptom; a denied symptom does not count
    assert _sleep(check_inputs, findings_of, check, 9, 40, check_inputs.fact("sleep_symptom", "snoring"))
    assert _sleep(check_inputs, findings_of, check, 9, 40, check_inputs.fact("sleep_symptom", "insomnia", negated=True))


def test_low_range_condition_from_a_claim_diagnosis(check_inputs, findings_of, check):
    made, built, facts = check_inputs.sleep_scenario(ahi=9, events=40)
    built.diagnoses.append({"code": "I10", "source": "problem"})
    built.lines[0].pointers = [1, 2]
    assert not findings_of(check(made, built, facts), "sleep-ahi-threshold")


def test_too_few_events(findings_of, check_inputs, check):
    found = _sleep(check_inputs, findings_of, check, 20, 25)
    assert [f.severity for f in found] == ["error"] and "short by 5" in found[0].message
    found = _sleep(check_inputs, findings_of, check, 9, 8, check_inputs.fact("sleep_symptom", "insomnia"))
    assert [f.severity for f in found] == ["error"] and "short by 2" in found[0].message


def test_events_not_documented_warns_instead_of_failing(check_inputs, findings_of, check):
    found = _sleep(check_inputs, findings_of, check, 20, None)
    assert [f.severity for f in found] == ["warning"]


def test_criteria_only_for_a_line_whose_rules_ask_for_the_ahi(check_inputs, findings_of, check):
    made, built, facts = check_inputs.tmd_scenario()
    facts.append(check_inputs.fact("ahi", 2.0))
    assert not findings_of(check(made, built, facts), "sleep-ahi-threshold")


def test_signed_narrative_is_the_narrative_attachment(check_inputs, findings_of, check):
    rule = AttachmentRule("unlisted-report", ("41899",), (), "narrative", "OZ", "report for an unlisted code", (),
                          "warning", "", "", "test", "M")
    billing = dataclasses.replace(check_inputs.make_billing(), attachment_rules=(rule,))
    built = check_inputs.claim(["S03.2XXA"], [check_inputs.line("41899", description="reimplantation")])
    made = check_inputs.case("test", narrative="draft")
    assert [f.severity for f in findings_of(check(made, built, [], billing=billing), "attachment-missing")] == ["warning"]
    made.narrative.status = "signed"
    assert not findings_of(check(made, built, [], billing=billing), "attachment-missing")


def test_another_documented_finding_meets_the_same_need(check_inputs, findings_of, check):
    """elements.yaml `or_facts`: a closed lock's limited opening meets TMD's need where pain is denied."""
    made, built, facts = check_inputs.tmd_scenario()
    billing = check_inputs.make_billing()
    rule = next(r for r in billing.element_rules if r.fact == "pain")
    either = dataclasses.replace(billing, element_rules=tuple(
        dataclasses.replace(r, or_facts=("trismus",)) if r is rule else r for r in billing.element_rules))
    facts = [f for f in facts if f.name != "pain"] + [check_inputs.fact("pain", True, negated=True)]
    assert findings_of(check(made, built, facts, billing=either), "element-contradicted")
    facts.append(check_inputs.fact("trismus", True))
    assert not findings_of(check(made, built, facts, billing=either), "element-contradicted")
