"""The practice generator: deterministic, valid, realistic enough, and its truth complete."""
from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date

import pytest

from plugin.sandbox.casebook import MEDICAL_CATEGORIES, PROCEDURE_CODES
from plugin.sandbox.practice import generate_practice, is_valid_npi, main
from plugin.sandbox.seed import DEMO_SEED, validate_seed

START = date(2027, 1, 4)


@pytest.fixture(scope="module")
def practice():
    return generate_practice(appointments=120, start=START, days=2, seed=11)


def test_same_seed_same_practice(practice):
    again = generate_practice(appointments=120, start=START, days=2, seed=11)
    assert json.dumps(again, sort_keys=True) == json.dumps(practice, sort_keys=True)
    other = generate_practice(appointments=120, start=START, days=2, seed=12)
    assert json.dumps(other) != json.dumps(practice)


def test_valid_seed_and_truth_for_every_appointment(practice):
    seed, truth = practice
    validate_seed(json.loads(json.dumps(seed)))
    assert set(truth) == {a["AptNum"] for a in seed["appointments"]}
    assert set(truth.values()) - {None} <= set(MEDICAL_CATEGORIES)


def test_window_statuses_and_scope(practice):
    seed, truth = practice
    in_window = [a for a in seed["appointments"] if a["AptDateTime"][:10] in ("2027-01-04", "2027-01-05")]
    assert len(in_window) == 120
    statuses = Counter(a["AptStatus"] for a in in_window)
    assert statuses["Scheduled"] > 100 and statuses["Broken"] and statuses["Complete"] and statuses["Planned"]
    outside = [a for a in seed["appointments"] if a not in in_window]
    assert outside
    for appointment in seed["appointments"]:
        if appointment not in in_window or appointment["AptStatus"] != "Scheduled":
            assert truth[appointment["AptNum"]] is None
        if appointment["AptStatus"] != "Planned":
            assert "08:00:00" <= appointment["AptDateTime"][11:] < "17:00:00"
    per_patient = Counter(a["PatNum"] for a in in_window)
    assert max(per_patient.values()) >= 2


@pytest.mark.parametrize("share", [0.2, 0.5])
def test_medical_share_is_roughly_as_asked(share):
    seed, truth = generate_practice(appointments=100, start=START, days=1, seed=3, medical_share=share)
    scanned = [a for a in seed["appointments"] if a["AptStatus"] == "Scheduled" and a["AptDateTime"] < "2027-01-05"]
    scanned = [a for a in scanned if a["AptDateTime"] >= "2027-01-04"]
    medical = sum(1 for a in scanned if truth[a["AptNum"]])
    assert abs(medical / len(scanned) - share) < 0.05


def test_medical_cases_spread_over_categories(practice):
    _, truth = practice
    assert len({c for c in truth.values() if c}) >= 7


def test_realistic_practice(practice):
    seed, _ = practice
    dentists = [p for p in seed["providers"] if p["Abbr"].startswith("DOC")]
    assert dentists and all(is_valid_npi(p["NationalProvID"]) for p in dentists)
    assert dentists[0]["NationalProvID"] == "1245319599"
    assert any(p["Abbr"].startswith("HYG") for p in seed["providers"])
    in_window = [a for a in seed["appointments"] if a["AptDateTime"][:10] in ("2027-01-04", "2027-01-05")]
    per_chair_day = Counter((a["AptDateTime"][:10], a["Op"]) for a in in_window)
    assert 6 <= len(in_window) / len(per_chair_day) <= 10  # ~8-9 visits per provider-day
    assert {p["ProcCode"] for p in seed["procedurecodes"]} == set(PROCEDURE_CODES)
    assert any(i["IsMedical"] == "true" for i in seed["insplans"])
    assert {d["ICD10Code"] for d in seed["diseasedefs"]} >= {"G47.33", "E11.9", "Q38.1"}
    assert seed["diseases"]


def test_names_are_synthetic_and_no_ssn(practice):
    seed, _ = practice
    for patient in seed["patients"]:
        assert re.fullmatch(r"(Testperson|Sample|Example|Demo)\d+", patient["LName"])
        assert patient["SSN"] == ""
        assert patient["HmPhone"].startswith("(303)555-01")


def test_npi_check():
    assert is_valid_npi("1245319599") and is_valid_npi("1234567893")
    assert not is_valid_npi("1234567890")


def test_demo_seed_is_reproducible(tmp_path):
    out, truth_out = tmp_path / "demo.json", tmp_path / "demo.truth.json"
    main(["--appointments", "60", "--start", "2027-01-04", "--days", "1", "--seed", "7"]
         + ["--out", str(out), "--truth", str(truth_out)])
    assert out.read_text() == DEMO_SEED.read_text()
    assert truth_out.read_text() == DEMO_SEED.with_name("demo-practice.truth.json").read_text()
    truth = json.loads(truth_out.read_text())
    medical = [c for c in truth.values() if c]
    assert 0.15 <= len(medical) / 60 <= 0.2
