"""ICD-10-CM rules: invalid, not billable, 7th character, laterality, external cause."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("code, rule", [
    ("G47.99X", "icd-invalid"), ("ZZZ.1", "icd-invalid"), ("", "icd-invalid"),
    ("K13.7", "icd-not-billable"), ("M26.6", "icd-not-billable"),
    ("S02.5", "icd-seventh-character"), ("S03.2", "icd-seventh-character"),
])
def test_bad_codes_are_errors(check_inputs, findings_of, check, code, rule):
    case, claim, facts = check_inputs.tmd_scenario()
    claim.diagnoses.append({"code": code, "source": "person"})
    claim.lines[0].pointers = [1, 2]
    found = findings_of(check(case, claim, facts), rule)
    assert [f.severity for f in found] == ["error"]
    assert found[0].evidence[0]["position"] == 2


def test_good_codes_pass(check_inputs, check):
    for scenario in (check_inputs.tmd_scenario, check_inputs.trauma_scenario):
        report = check(*scenario())
        assert not report.rules() & {"icd-invalid", "icd-not-billable", "icd-seventh-character"}


def test_codes_without_dot_are_accepted(check_inputs, check):
    case, claim, facts = check_inputs.tmd_scenario()
    claim.diagnoses[0]["code"] = "M26622"
    assert not check(case, claim, facts).rules() & {"icd-invalid", "icd-not-billable"}


def test_unspecified_side_is_an_error_when_the_documents_give_the_side(check_inputs, findings_of, check):
    case, claim, facts = check_inputs.tmd_scenario()  # facts say "left"
    claim.diagnoses[0]["code"] = "M26.629"
    found = findings_of(check(case, claim, facts), "icd-laterality")
    assert [f.severity for f in found] == ["error"]
    assert "left" in found[0].message
    assert any(e["kind"] == "fact" and e["name"] == "side" for e in found[0].evidence)


def test_unspecified_side_is_a_warning_when_no_side_is_documented(check_inputs, findings_of, check):
    case, claim, facts = check_inputs.tmd_scenario()
    facts = [f for f in facts if f.name != "side"]
    claim.diagnoses[0]["code"] = "M26.629"
    assert [f.severity for f in findings_of(check(case, claim, facts), "icd-laterality")] == ["warning"]


def test_side_from_joint_sounds_counts_and_denied_side_does_not(check_inputs, findings_of, check):
    case, claim, facts = check_inputs.tmd_scenario()
    facts = [f for f in facts if f.name != "side"] + [check_inputs.fact("joint_sounds", {"sound": "click", "side": "right"})]
    claim.diagnoses[0]["code"] = "M26.629"
    assert "right" in findings_of(check(case, claim, facts), "icd-laterality")[0].message
    facts = [f for f in facts if f.name != "joint_sounds"] + [check_inputs.fact("side", "right", negated=True)]
    assert findings_of(check(case, claim, facts), "icd-laterality")[0].severity == "warning"


def test_sided_codes_and_codes_without_sides_pass(check_inputs, findings_of, check):
    case, claim, facts = check_inputs.tmd_scenario()
    assert not findings_of(check(case, claim, facts), "icd-laterality")  # M26.622: left
    claim.diagnoses[0]["code"] = "M26.69"  # no side in the concept
    assert not findings_of(check(case, claim, facts), "icd-laterality")


def test_injury_without_external_cause_warns(check_inputs, findings_of, check):
    case, claim, facts = check_inputs.trauma_scenario()
    claim.diagnoses = claim.diagnoses[:1]
    claim.lines[0].pointers = [1]
    found = findings_of(check(case, claim, facts), "icd-external-cause")
    assert [f.severity for f in found] == ["warning"]
    assert found[0].evidence[0]["code"] == "S03.2XXA"


def test_injury_with_external_cause_or_no_injury_passes(check_inputs, findings_of, check):
    assert not findings_of(check(*check_inputs.trauma_scenario()), "icd-external-cause")
    assert not findings_of(check(*check_inputs.tmd_scenario()), "icd-external-cause")


@pytest.mark.parametrize("typed", ["S02.5XX", "s02.5xx", "S025XX", "s02.5"])
def test_a_missing_7th_character_is_said_before_validity_listing_the_categorys_characters(typed):
    from types import SimpleNamespace

    from docservice.checks.icd import check_codes

    (finding,) = check_codes(SimpleNamespace(diagnoses=[{"code": typed, "source": "person"}]))
    assert finding.rule == "icd-seventh-character" and finding.severity == "error"
    shown = "S02.5XX" if "x" in typed.lower() else "S02.5"
    assert finding.message == f"Diagnosis {shown} needs a 7th character (A, B, D, G, K or S)."
    assert "S02.5XXA" in finding.fix and "not an ICD-10-CM code" not in finding.message


def test_the_7th_characters_listed_are_the_codes_own_category():
    from types import SimpleNamespace

    from docservice.checks.icd import check_codes

    (finding,) = check_codes(SimpleNamespace(diagnoses=[{"code": "s03.2xx", "source": "person"}]))
    assert "S03.2XX needs a 7th character (A, D or S)" in finding.message


def test_codes_are_upper_case_in_messages():
    from types import SimpleNamespace

    from docservice.checks.icd import check_codes

    invalid, heading = check_codes(SimpleNamespace(diagnoses=[{"code": "zzz.1"}, {"code": "k13.7"}]))
    assert invalid.rule == "icd-invalid" and "(ZZZ.1)" in invalid.message
    assert heading.rule == "icd-not-billable" and "K13.7 " in heading.message


def test_the_other_sides_code_is_an_error_naming_the_documented_side(check_inputs, findings_of, check):
    case, claim, facts = check_inputs.tmd_scenario()  # facts say "left"
    claim.diagnoses[0]["code"] = "M26.621"  # the right joint's arthralgia
    (found,) = findings_of(check(case, claim, facts), "icd-laterality")
    assert found.severity == "error" and "right side's code" in found.message and "left side" in found.message
    assert "left code of M26.621" in found.fix


def test_the_codes_side_named_by_some_documents_is_a_side_to_confirm(check_inputs, findings_of, check):
    case, claim, facts = check_inputs.tmd_scenario()  # facts say "left"
    claim.diagnoses[0]["code"] = "M26.621"
    facts = facts + [check_inputs.fact("side", "right")]  # one note says right, the rest left
    found = findings_of(check(case, claim, facts), "icd-laterality")
    assert [f.severity for f in found] == ["warning"]
