"""Dates out of order, authorization and injury dates; frenum wording, unlisted codes, modifiers, units, duplicates."""
from __future__ import annotations

import pytest


def _with(check_inputs, facts, name, value):
    return [f for f in facts if f.name != name] + [check_inputs.fact(name, value)]


@pytest.mark.parametrize("name, value, words", [
    ("face_to_face_date", "2026-01-15", "face-to-face"),  # after the 2026-01-10 test
    ("sleep_study_date", "2026-01-25", "sleep test"),  # after the 2026-01-20 order
    ("delivery_date", "2026-01-18", "delivery"),  # before the order
    ("order_date", "2026-03-05", "date of service"),  # after the service (and the delivery)
])
def test_dates_out_of_order(check_inputs, findings_of, check, name, value, words):
    made, built, facts = check_inputs.sleep_scenario()
    assert not findings_of(check(made, built, facts), "date-order")
    found = findings_of(check(made, built, _with(check_inputs, facts, name, value)), "date-order")
    assert found and all(f.severity == "error" for f in found)
    assert any(words in f.message for f in found)


def test_same_day_is_in_order(check_inputs, findings_of, check):
    made, built, facts = check_inputs.sleep_scenario()
    facts = _with(check_inputs, _with(check_inputs, facts, "order_date", "2026-03-02"), "delivery_date", "2026-03-02")
    assert not findings_of(check(made, built, facts), "date-order")


def test_service_after_authorization(check_inputs, findings_of, check):
    made, built, facts = check_inputs.sleep_scenario()
    assert not findings_of(check(made, built, facts + [check_inputs.fact("authorization_end_date", "2026-03-02")]), "date-authorization")
    found = findings_of(check(made, built, facts + [check_inputs.fact("authorization_end_date", "2026-02-27")]), "date-authorization")
    assert [f.severity for f in found] == ["error"] and "by 3 day" in found[0].message


def test_injury_dates(check_inputs, findings_of, check):
    made, built, facts = check_inputs.trauma_scenario()
    assert not findings_of(check(made, built, facts), "date-injury")
    assert [f.severity for f in findings_of(check(made, built, _with(check_inputs, facts, "injury_date", "2026-03-04")), "date-injury")] == ["error"]
    no_date = [f for f in facts if f.name != "injury_date"]
    assert [f.severity for f in findings_of(check(made, built, no_date), "date-injury")] == ["warning"]
    built.fields["accident"] = {"related": "other", "date": "2026-02-27"}
    assert not findings_of(check(made, built, no_date), "date-injury")
    assert not findings_of(check(*check_inputs.tmd_scenario()), "date-injury")  # not a trauma claim


# ------------------------------------------------------------------------------ codes


def _frenum(check_inputs, code, rule, descript, *facts):
    made = check_inputs.case("frenum", procedures=[("D7962", descript)])
    built = check_inputs.claim(["Q38.1"], [check_inputs.line(code, cdt="D7962", rule=rule)])
    return made, built, list(facts)


@pytest.mark.parametrize("code, rule, descript, expected", [
    ("41115", "fren-ling-excision", "lingual frenotomy", "41010"),
    ("41010", "fren-ling-incision", "lingual frenectomy, excision of frenum", "41115"),
    ("41010", "fren-ling-incision", "frenuloplasty", "41520"),
])
def test_frenum_wording_against_the_code(check_inputs, findings_of, check, code, rule, descript, expected):
    found = findings_of(check(*_frenum(check_inputs, code, rule, descript)), "code-frenum-wording")
    assert [f.severity for f in found] == ["error"] and expected in found[0].fix


def test_frenum_fact_wins_over_procedure_wording(check_inputs, findings_of, check):
    incision = check_inputs.fact("frenum_action", "incision")
    assert findings_of(check(*_frenum(check_inputs, "41115", "fren-ling-excision", "frenectomy", incision)), "code-frenum-wording")
    assert not findings_of(check(*_frenum(check_inputs, "41010", "fren-ling-incision", "frenectomy", incision)), "code-frenum-wording")
    denied = check_inputs.fact("frenum_action", "incision", negated=True)
    assert not findings_of(check(*_frenum(check_inputs, "41115", "fren-ling-excision", "frenectomy", denied)), "code-frenum-wording")


def test_frenum_matching_wording_passes(check_inputs, findings_of, check):
    assert not findings_of(check(*_frenum(check_inputs, "41010", "fren-ling-incision", "tongue tie release, frenotomy")), "code-frenum-wording")
    assert not findings_of(check(*_frenum(check_inputs, "41115", "fren-ling-excision", "lingual frenectomy")), "code-frenum-wording")


def test_unlisted_code_needs_a_description(check_inputs, findings_of, check):
    made, built, facts = check_inputs.trauma_scenario()
    assert not findings_of(check(made, built, facts), "code-unlisted-description")
    built.lines[0].description = "  "
    assert [f.line for f in findings_of(check(made, built, facts), "code-unlisted-description")] == [1]


def test_required_modifier(check_inputs, findings_of, check):
    made, built, facts = check_inputs.sleep_scenario()
    built.lines[0].modifiers = []
    found = findings_of(check(made, built, facts), "modifier-missing")
    assert [f.severity for f in found] == ["error"] and "NU" in found[0].message


def test_medicare_criteria_modifier_only_for_medicare(check_inputs, findings_of, check):
    made, built, facts = check_inputs.sleep_scenario(carrier="Medicare Part B")
    found = findings_of(check(made, built, facts), "modifier-missing")
    assert found and "KX" in found[0].message
    built.lines[0].modifiers = ["NU", "KX"]
    assert not findings_of(check(made, built, facts), "modifier-missing")


def test_claim_payer_id_decides_the_payer(check_inputs, findings_of, check):
    made, built, facts = check_inputs.sleep_scenario()
    built.payer = "medicare"
    assert findings_of(check(made, built, facts), "modifier-missing")


def test_laterality_and_same_day_em_modifiers(check_inputs, findings_of, check):
    made = check_inputs.case("tmd")
    built = check_inputs.claim(["M26.632"], [check_inputs.line("29800"), check_inputs.line("99213")])
    rules = [(f.line, f.message) for f in findings_of(check(made, built, []), "modifier-missing")]
    assert [r[0] for r in rules] == [1, 2]
    built.lines[0].modifiers, built.lines[1].modifiers = ["LT"], ["25"]
    assert not findings_of(check(made, built, []), "modifier-missing")
    alone = check_inputs.claim(["M26.632"], [check_inputs.line("99213")])  # no other service that day: no 25
    assert not findings_of(check(made, alone, []), "modifier-missing")


@pytest.mark.parametrize("code, units, bad", [("E0486", 0, True), ("E0486", 2, True), ("E0486", 1, False),
                                             ("41874", 4, False), ("41874", 5, True)])
def test_units(check_inputs, findings_of, check, code, units, bad):
    built = check_inputs.claim(["K08.20"], [check_inputs.line(code, units=units)])
    assert bool(findings_of(check(check_inputs.case("test"), built, []), "units-invalid")) is bad


def test_duplicate_lines(check_inputs, findings_of, check):
    made = check_inputs.case("test")
    built = check_inputs.claim(["K08.20"], [check_inputs.line("41874", tooth=""), check_inputs.line("41874", tooth="")])
    assert [f.line for f in findings_of(check(made, built, []), "line-duplicate")] == [2]
    built.lines[1].modifiers = ["59"]
    assert not findings_of(check(made, built, []), "line-duplicate")
    built = check_inputs.claim(["S02.5XXA"], [check_inputs.line("41899", tooth="8", description="x"), check_inputs.line("41899", tooth="9", description="x")])
    assert not findings_of(check(made, built, []), "line-duplicate")
