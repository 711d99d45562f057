"""Diagnoses against lines: support, pointers, unused, unconfirmed, claim limits."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("code, cdt, supported, unsupported", [
    ("E0486", "D9947", "G47.33", "R06.83"),  # snoring alone does not support the appliance
    ("40808", "D7286", "K13.79", "K08.121"),
    ("41874", "D7310", "K08.20", "K02.52"),
    ("D7880", "D7880", "M26.622", "G47.63"),
    ("21299", "D7880", "M79.11", "K08.20"),
])
def test_support_judged_on_pointed_diagnoses(check_inputs, findings_of, check, code, cdt, supported, unsupported):
    made = check_inputs.case("test")
    good = check_inputs.claim([supported], [check_inputs.line(code, cdt=cdt, description="described")])
    assert not findings_of(check(made, good, []), "dx-does-not-support")
    bad = check_inputs.claim([unsupported], [check_inputs.line(code, cdt=cdt, description="described")])
    found = findings_of(check(made, bad, []), "dx-does-not-support")
    assert [(f.severity, f.line) for f in found] == [("error", 1)]
    assert found[0].evidence[-1]["kind"] == "crosswalk"


def test_supporting_diagnosis_on_the_claim_but_not_pointed_at(check_inputs, findings_of, check):
    made, built, facts = check_inputs.sleep_scenario()
    built.diagnoses.insert(0, {"code": "R06.83", "source": "problem"})
    built.lines[0].pointers = [1]
    found = findings_of(check(made, built, facts), "dx-does-not-support")
    assert found and "diagnosis 2" in found[0].fix


def test_only_a_suggested_diagnosis_against_the_documented_one(check_inputs, findings_of, check):
    made = check_inputs.case("bone_graft")
    built = check_inputs.claim([{"code": "K08.20", "source": "crosswalk"}, {"code": "K05.30", "source": "problem"}],
                  [check_inputs.line("41874", cdt="D7320")])
    found = findings_of(check(made, built, []), "dx-does-not-support")
    assert [f.severity for f in found] == ["error"] and "K05.30" in found[0].message
    built.edited = ["diagnoses"]  # a person confirmed the suggestion
    assert not findings_of(check(made, built, []), "dx-does-not-support")
    alone = check_inputs.claim([{"code": "K08.20", "source": "crosswalk"}], [check_inputs.line("41874", cdt="D7320")])
    assert not findings_of(check(made, alone, []), "dx-does-not-support")  # nothing documented: only dx-unconfirmed


@pytest.mark.parametrize("code, dx, wrong", [
    ("40490", "K14.8", True),  # lip biopsy, tongue disease
    ("41100", "K13.0", True),  # tongue biopsy, disease of the lips
    ("40490", "K13.0", False),
    ("41100", "K14.8", False),
    ("40490", "K13.79", False),  # a lesion code naming no site
    ("40808", "K13.0", False),  # the labial vestibule fits a lip diagnosis
])
def test_site_of_the_code_against_the_site_of_the_diagnosis(check_inputs, findings_of, check, code, dx, wrong):
    built = check_inputs.claim([dx], [check_inputs.line(code, cdt="D7286")])
    assert bool(findings_of(check(check_inputs.case("pathology"), built, []), "dx-does-not-support")) is wrong


def test_unused_diagnosis_warns(check_inputs, findings_of, check):
    made, built, facts = check_inputs.sleep_scenario()
    built.diagnoses.append({"code": "I10", "source": "problem"})
    found = findings_of(check(made, built, facts), "dx-unused")
    assert [(f.severity, f.evidence[0]["position"]) for f in found] == [("warning", 2)]
    built.lines[0].pointers = [1, 2]
    assert not findings_of(check(made, built, facts), "dx-unused")


def test_line_without_pointer(check_inputs, findings_of, check):
    made, built, facts = check_inputs.sleep_scenario()
    assert not findings_of(check(made, built, facts), "line-no-pointer")
    built.lines[0].pointers = []
    report = check(made, built, facts)
    assert [(f.severity, f.line) for f in findings_of(report, "line-no-pointer")] == [("error", 1)]
    assert not report.ready


def test_crosswalk_suggestion_is_unconfirmed_until_a_person_sets_the_list(check_inputs, findings_of, check):
    made, built, facts = check_inputs.sleep_scenario()
    built.diagnoses[0]["source"] = "crosswalk"
    assert [f.severity for f in findings_of(check(made, built, facts), "dx-unconfirmed")] == ["warning"]
    built.edited = ["diagnoses"]
    assert not findings_of(check(made, built, facts), "dx-unconfirmed")
    built.edited, built.diagnoses[0]["source"] = [], "problem"
    assert not findings_of(check(made, built, facts), "dx-unconfirmed")


def test_claim_limits(check_inputs, findings_of, check):
    made, built, facts = check_inputs.tmd_scenario()
    assert not findings_of(check(made, built, facts), "claim-limits")
    codes = ["M26.622", "M79.11", "M26.632", "M26.642", "M26.652", "M26.612", "M26.69", "R68.84",
             "G44.209", "M62.838", "M79.12", "M26.621", "M26.602"]
    built.diagnoses = [{"code": c, "source": "problem"} for c in codes]
    built.lines[0].pointers = [1, 2, 3, 4, 5]
    built.lines.append(check_inputs.line("D7880", cdt="D7880", pointers=[14], tooth="1"))
    messages = [f.message for f in findings_of(check(made, built, facts), "claim-limits")]
    assert len(messages) == 3
    assert any("13 diagnoses" in m for m in messages)
    assert any("5 diagnoses" in m for m in messages)
    assert any("diagnosis 14" in m for m in messages)
