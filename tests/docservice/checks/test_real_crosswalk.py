"""The rules on the shipped crosswalk data: the issue's examples hold with the real rows, not only ours."""
from __future__ import annotations

import pytest

from crosswalks import load_crosswalk
from tests.docservice.checks.builders import case, claim, document, fact, line, sleep_scenario
from tests.docservice.checks.conftest import of


@pytest.fixture(scope="module")
def billing():
    return load_crosswalk().billing


def test_oral_appliance_needs_obstructive_sleep_apnea(check, billing):
    made, built, facts = sleep_scenario()
    assert not of(check(made, built, facts, billing=billing), "dx-does-not-support")
    built.diagnoses[0]["code"] = "R06.83"  # snoring alone
    assert of(check(made, built, facts, billing=billing), "dx-does-not-support")


def test_oral_appliance_needs_the_sleep_study(check, billing):
    made, built, facts = sleep_scenario()
    assert not of(check(made, built, facts, billing=billing), "attachment-missing")
    made.documents = [d for d in made.documents if d.kind != "sleep_study"]
    found = of(check(made, built, facts, billing=billing), "attachment-missing")
    assert any("sleep study" in f.message.lower() for f in found)


def test_medicare_sleep_criteria(check, billing):
    made, built, facts = sleep_scenario(ahi=9, events=40, carrier="Medicare")
    assert of(check(made, built, facts, billing=billing), "sleep-ahi-threshold")
    facts.append(fact("sleep_symptom", "daytime_sleepiness"))
    assert not of(check(made, built, facts, billing=billing), "sleep-ahi-threshold")


@pytest.mark.parametrize("code", ["41899", "21299"])
def test_unlisted_codes(check, billing, code):
    built = claim(["S03.2XXA", "W01.0XXA"], [line(code, pointers=[1, 2])])
    assert of(check(case("trauma"), built, [], billing=billing), "code-unlisted-description")
    built.lines[0].description = "Reimplantation and splinting of an avulsed tooth"
    assert not of(check(case("trauma"), built, [], billing=billing), "code-unlisted-description")


@pytest.mark.parametrize("code, descript, other", [
    ("41115", "lingual frenotomy", "lingual frenectomy"),  # the excision code, the note says incision
    ("41010", "lingual frenectomy, excision", "tongue-tie frenotomy"),  # and the reverse
])
def test_frenum_wording_against_the_code(check, billing, code, descript, other):
    made = case("frenum", procedures=[("D7962", descript)], documents=[document("chart_note")])
    built = claim(["Q38.1"], [line(code, cdt="D7962")])
    assert of(check(made, built, [], billing=billing), "code-frenum-wording")
    made.procedures[0].descript = other
    assert not of(check(made, built, [], billing=billing), "code-frenum-wording")
