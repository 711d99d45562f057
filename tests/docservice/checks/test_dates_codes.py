"""Dates out of order, authorization and injury dates; frenum wording, unlisted codes, modifiers, units, duplicates."""
from __future__ import annotations

import pytest

from tests.docservice.checks.builders import (
    case, claim, fact, line, sleep_scenario, tmd_scenario, trauma_scenario,
)
from tests.docservice.checks.conftest import of


def _with(facts, name, value):
    return [f for f in facts if f.name != name] + [fact(name, value)]


@pytest.mark.parametrize("name, value, words", [
    ("face_to_face_date", "2026-01-15", "face-to-face"),  # after the 2026-01-10 test
    ("sleep_study_date", "2026-01-25", "sleep test"),  # after the 2026-01-20 order
    ("delivery_date", "2026-01-18", "delivery"),  # before the order
    ("order_date", "2026-03-05", "date of service"),  # after the service (and the delivery)
])
def test_dates_out_of_order(check, name, value, words):
    made, built, facts = sleep_scenario()
    assert not of(check(made, built, facts), "date-order")
    found = of(check(made, built, _with(facts, name, value)), "date-order")
    assert found and all(f.severity == "error" for f in found)
    assert any(words in f.message for f in found)


def test_same_day_is_in_order(check):
    made, built, facts = sleep_scenario()
    facts = _with(_with(facts, "order_date", "2026-03-02"), "delivery_date", "2026-03-02")
    assert not of(check(made, built, facts), "date-order")


def test_service_after_authorization(check):
    made, built, facts = sleep_scenario()
    assert not of(check(made, built, facts + [fact("authorization_end_date", "2026-03-02")]), "date-authorization")
    found = of(check(made, built, facts + [fact("authorization_end_date", "2026-02-27")]), "date-authorization")
    assert [f.severity for f in found] == ["error"] and "by 3 day" in found[0].message


def test_injury_dates(check):
    made, built, facts = trauma_scenario()
    assert not of(check(made, built, facts), "date-injury")
    assert [f.severity for f in of(check(made, built, _with(facts, "injury_date", "2026-03-04")), "date-injury")] == ["error"]
    no_date = [f for f in facts if f.name != "injury_date"]
    assert [f.severity for f in of(check(made, built, no_date), "date-injury")] == ["warning"]
    built.fields["accident"] = {"related": "other", "date": "2026-02-27"}
    assert not of(check(made, built, no_date), "date-injury")
    assert not of(check(*tmd_scenario()), "date-injury")  # not a trauma claim


# ------------------------------------------------------------------------------ codes


def _frenum(code, rule, descript, *facts):
    made = case("frenum", procedures=[("D7962", descript)])
    built = claim(["Q38.1"], [line(code, cdt="D7962", rule=rule)])
    return made, built, list(facts)


@pytest.mark.parametrize("code, rule, descript, expected", [
    ("41115", "fren-ling-excision", "lingual frenotomy", "41010"),
    ("41010", "fren-ling-incision", "lingual frenectomy, excision of frenum", "41115"),
    ("41010", "fren-ling-incision", "frenuloplasty", "41520"),
])
def test_frenum_wording_against_the_code(check, code, rule, descript, expected):
    found = of(check(*_frenum(code, rule, descript)), "code-frenum-wording")
    assert [f.severity for f in found] == ["error"] and expected in found[0].fix


def test_frenum_fact_wins_over_procedure_wording(check):
    incision = fact("frenum_action", "incision")
    assert of(check(*_frenum("41115", "fren-ling-excision", "frenectomy", incision)), "code-frenum-wording")
    assert not of(check(*_frenum("41010", "fren-ling-incision", "frenectomy", incision)), "code-frenum-wording")
    denied = fact("frenum_action", "incision", negated=True)
    assert not of(check(*_frenum("41115", "fren-ling-excision", "frenectomy", denied)), "code-frenum-wording")


def test_frenum_matching_wording_passes(check):
    assert not of(check(*_frenum("41010", "fren-ling-incision", "tongue tie release, frenotomy")), "code-frenum-wording")
    assert not of(check(*_frenum("41115", "fren-ling-excision", "lingual frenectomy")), "code-frenum-wording")


def test_unlisted_code_needs_a_description(check):
    made, built, facts = trauma_scenario()
    assert not of(check(made, built, facts), "code-unlisted-description")
    built.lines[0].description = "  "
    assert [f.line for f in of(check(made, built, facts), "code-unlisted-description")] == [1]


def test_required_modifier(check):
    made, built, facts = sleep_scenario()
    built.lines[0].modifiers = []
    found = of(check(made, built, facts), "modifier-missing")
    assert [f.severity for f in found] == ["error"] and "NU" in found[0].message


def test_medicare_criteria_modifier_only_for_medicare(check):
    made, built, facts = sleep_scenario(carrier="Medicare Part B")
    found = of(check(made, built, facts), "modifier-missing")
    assert found and "KX" in found[0].message
    built.lines[0].modifiers = ["NU", "KX"]
    assert not of(check(made, built, facts), "modifier-missing")


def test_claim_payer_id_decides_the_payer(check):
    made, built, facts = sleep_scenario()
    built.payer = "medicare"
    assert of(check(made, built, facts), "modifier-missing")


def test_laterality_and_same_day_em_modifiers(check):
    made = case("tmd")
    built = claim(["M26.632"], [line("29800"), line("99213")])
    rules = [(f.line, f.message) for f in of(check(made, built, []), "modifier-missing")]
    assert [r[0] for r in rules] == [1, 2]
    built.lines[0].modifiers, built.lines[1].modifiers = ["LT"], ["25"]
    assert not of(check(made, built, []), "modifier-missing")
    alone = claim(["M26.632"], [line("99213")])  # no other service that day: no 25
    assert not of(check(made, alone, []), "modifier-missing")


@pytest.mark.parametrize("code, units, bad", [("E0486", 0, True), ("E0486", 2, True), ("E0486", 1, False),
                                             ("41874", 4, False), ("41874", 5, True)])
def test_units(check, code, units, bad):
    built = claim(["K08.20"], [line(code, units=units)])
    assert bool(of(check(case("test"), built, []), "units-invalid")) is bad


def test_duplicate_lines(check):
    made = case("test")
    built = claim(["K08.20"], [line("41874", tooth=""), line("41874", tooth="")])
    assert [f.line for f in of(check(made, built, []), "line-duplicate")] == [2]
    built.lines[1].modifiers = ["59"]
    assert not of(check(made, built, []), "line-duplicate")
    built = claim(["S02.5XXA"], [line("41899", tooth="8", description="x"), line("41899", tooth="9", description="x")])
    assert not of(check(made, built, []), "line-duplicate")
