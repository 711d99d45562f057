"""The rules on the shipped crosswalk data: the issue's examples hold with the real rows, not only ours."""
from __future__ import annotations

import pytest

from crosswalks import load_crosswalk


@pytest.fixture(scope="module")
def billing():
    return load_crosswalk().billing


def test_oral_appliance_needs_obstructive_sleep_apnea(check_inputs, findings_of, check, billing):
    made, built, facts = check_inputs.sleep_scenario()
    assert not findings_of(check(made, built, facts, billing=billing), "dx-does-not-support")
    built.diagnoses[0]["code"] = "R06.83"  # snoring alone
    assert findings_of(check(made, built, facts, billing=billing), "dx-does-not-support")


def test_oral_appliance_needs_the_sleep_study(check_inputs, findings_of, check, billing):
    made, built, facts = check_inputs.sleep_scenario()
    assert not findings_of(check(made, built, facts, billing=billing), "attachment-missing")
    made.documents = [d for d in made.documents if d.kind != "sleep_study"]
    found = findings_of(check(made, built, facts, billing=billing), "attachment-missing")
    assert any("sleep study" in f.message.lower() for f in found)


def test_medicare_sleep_criteria(check_inputs, findings_of, check, billing):
    made, built, facts = check_inputs.sleep_scenario(ahi=9, events=40, carrier="Medicare")
    assert findings_of(check(made, built, facts, billing=billing), "sleep-ahi-threshold")
    facts.append(check_inputs.fact("sleep_symptom", "daytime_sleepiness"))
    assert not findings_of(check(made, built, facts, billing=billing), "sleep-ahi-threshold")


@pytest.mark.parametrize("code", ["41899", "21299"])
def test_unlisted_codes(check_inputs, findings_of, check, billing, code):
    built = check_inputs.claim(["S03.2XXA", "W01.0XXA"], [check_inputs.line(code, pointers=[1, 2])])
    assert findings_of(check(check_inputs.case("trauma"), built, [], billing=billing), "code-unlisted-description")
    built.lines[0].description = "Reimplantation and splinting of an avulsed tooth"
    assert not findings_of(check(check_inputs.case("trauma"), built, [], billing=billing), "code-unlisted-description")


@pytest.mark.parametrize("code, descript, other", [
    ("41115", "lingual frenotomy", "lingual frenectomy"),  # the excision code, the note says incision
    ("41010", "lingual frenectomy, excision", "tongue-tie frenotomy"),  # and the reverse
])
def test_frenum_wording_against_the_code(check_inputs, findings_of, check, billing, code, descript, other):
    made = check_inputs.case("frenum", procedures=[("D7962", descript)], documents=[check_inputs.document("chart_note")])
    built = check_inputs.claim(["Q38.1"], [check_inputs.line(code, cdt="D7962")])
    assert findings_of(check(made, built, [], billing=billing), "code-frenum-wording")
    made.procedures[0].descript = other
    assert not findings_of(check(made, built, [], billing=billing), "code-frenum-wording")


def test_prior_authorization_that_depends_on_the_plan_is_a_warning(check_inputs, findings_of, check, billing):
    """Many BCBS plans, not all, want authorization for an oral appliance: check the member's plan."""
    made, built, facts = check_inputs.sleep_scenario(carrier="Blue Cross Blue Shield")
    found = findings_of(check(made, built, facts, billing=billing), "prior-auth-missing")
    assert [finding.severity for finding in found] == ["warning"]
    assert "member's plan" in found[0].message
    facts.append(check_inputs.fact("prior_authorization", "PA-TEST-9"))
    assert not findings_of(check(made, built, facts, billing=billing), "prior-auth-missing")
