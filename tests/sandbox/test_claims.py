"""Claims and claimprocs as Open Dental serves them: listing, filters, the PUT's writable fields."""
from __future__ import annotations

import json

import pytest

from plugin.errors import SeedError
from plugin.sandbox.seed import DEMO_SEED, validate_seed

EDITED = "2026-01-05 09:00:00"  # when the seeded medical claim was last edited


@pytest.fixture
def seed(seed):
    """The small practice plus a medical plan, an unsent medical claim for patient 1 and a sent dental one."""
    seed["carriers"] = [{"CarrierNum": 1, "CarrierName": "Example Health Plan"}]
    seed["insplans"] = [{"PlanNum": 7, "CarrierNum": 1, "IsMedical": "true"}]
    seed["inssubs"] = [{"InsSubNum": 70, "PlanNum": 7, "Subscriber": 1, "SubscriberID": "X00000001"}]
    seed["patplans"] = [{"PatPlanNum": 700, "PatNum": 1, "InsSubNum": 70}]
    seed["claims"] = [
        {"ClaimNum": 40, "PatNum": 1, "ClaimType": "Other", "PlanNum": 7, "InsSubNum": 70, "SecDateTEdit": EDITED},
        {"ClaimNum": 41, "PatNum": 1, "ClaimStatus": "S", "SecDateTEdit": "2026-06-01 10:00:00"},
    ]
    seed["claimprocs"] = [
        {"ClaimProcNum": 900, "ProcNum": 500, "ClaimNum": 40, "PatNum": 1},
        {"ClaimProcNum": 901, "ProcNum": 501, "ClaimNum": 40, "PatNum": 1},
        {"ClaimProcNum": 902, "ProcNum": 500, "ClaimNum": 41, "PatNum": 1, "Status": "Received"},
    ]
    return seed


def test_claims_are_listed_by_patient_status_and_edit_time(api):
    assert [c["ClaimNum"] for c in api.get("claims", PatNum=1).json()] == [40, 41]
    assert [c["ClaimNum"] for c in api.get("claims", PatNum=1, ClaimStatus="U").json()] == [40]
    assert [c["ClaimNum"] for c in api.get("claims", SecDateTEdit="2026-06-01 10:00:00").json()] == [41]
    assert api.get("claims", PatNum=2).json() == []
    assert api.get("claims", PatNum=999).json() == "Patient not found."
    bad_status = api.get("claims", ClaimStatus="X")
    assert bad_status.status_code == 400 and "ClaimStatus" in bad_status.json()


def test_a_claim_has_open_dentals_columns(api):
    claim = api.get("claims/40").json()
    assert list(claim)[:5] == ["ClaimNum", "PatNum", "DateService", "DateSent", "ClaimStatus"]
    assert (claim["ClaimType"], claim["AccidentRelated"], claim["AccidentDate"]) == ("Other", "", "0001-01-01")
    assert (claim["IsOrtho"], claim["ClaimForm"], claim["SecDateTEdit"]) == ("False", "0", EDITED)
    assert "serverDateTime" not in claim
    assert api.get("claims/999").json() == "Claim not found."


def test_put_writes_the_documented_fields_and_bumps_the_edit_time(api):
    body = {
        "ClaimNote": "ACN ML-1-ABC OSA G47.33",
        "PriorAuthorizationNumber": "PA-0001",
        "AccidentRelated": "A",
        "AccidentDate": "2026-12-20",
        "AccidentST": "co",
        "ClaimFee": 1.0,  # not writable: ignored
        "PatNum": 2,  # not writable: ignored
    }
    response = api.put("claims/40", body)
    assert response.status_code == 200
    claim = response.json()
    assert (claim["ClaimNote"], claim["PriorAuthorizationNumber"]) == ("ACN ML-1-ABC OSA G47.33", "PA-0001")
    assert (claim["AccidentRelated"], claim["AccidentDate"], claim["AccidentST"]) == ("A", "2026-12-20", "CO")
    assert (claim["ClaimFee"], claim["PatNum"]) == (0.0, 1)
    assert claim["SecDateTEdit"] > EDITED
    assert api.get("claims/40").json() == claim

    cleared = api.put("claims/40", {"AccidentRelated": "No", "IsOrtho": "true"}).json()
    assert (cleared["AccidentRelated"], cleared["IsOrtho"]) == ("", "True")


def test_put_that_changes_nothing_keeps_the_edit_time(api):
    claim = api.put("claims/40", {"ClaimNote": ""}).json()
    assert claim["SecDateTEdit"] == EDITED


@pytest.mark.parametrize(
    "body, says",
    [
        ({"AccidentRelated": "Auto"}, "AccidentRelated must be one of"),
        ({"AccidentRelated": ""}, "AccidentRelated must be one of"),
        ({"AccidentDate": "12/20/2026"}, "AccidentDate must be a date"),
        ({"AccidentST": "Colorado"}, "AccidentST must be two letters"),
        ({"ClaimStatus": "I"}, "ClaimStatus must be one of"),
        ({"PlaceService": "Hospital"}, "PlaceService must be one of"),
        ({"OrthoTotalM": 40}, "OrthoTotalM must be between 1 and 36"),
        ({"ProvTreat": 99}, "ProvTreat 99 does not match any provider"),
        ({"IsOrtho": "yes"}, 'IsOrtho must be "true" or "false"'),
    ],
)
def test_put_refuses_bad_values_with_a_message(api, body, says):
    response = api.put("claims/40", body)
    assert response.status_code == 400
    assert says in response.json()
    assert api.get("claims/40").json()["SecDateTEdit"] == EDITED


def test_put_on_an_unknown_claim_is_404(api):
    response = api.put("claims/999", {"ClaimNote": "x"})
    assert (response.status_code, response.json()) == (404, "Claim not found.")


def test_claimprocs_join_procedures_to_claims(api):
    lines = api.get("claimprocs", ClaimNum=40).json()
    assert [(c["ClaimProcNum"], c["ProcNum"]) for c in lines] == [(900, 500), (901, 501)]
    first = lines[0]
    assert (first["Status"], first["CodeSent"], first["PlanNum"], first["InsSubNum"]) == ("NotReceived", "D1110", 7, 70)
    assert [c["ClaimNum"] for c in api.get("claimprocs", ProcNum=500).json()] == [40, 41]
    assert [c["ClaimProcNum"] for c in api.get("claimprocs", PatNum=1, Status="Received").json()] == [902]
    assert api.get("claimprocs/901").json()["ProcNum"] == 501
    assert api.get("claimprocs", ClaimNum=999).json() == "Claim not found."
    assert api.get("claimprocs", ProcNum=999).json() == "Procedure not found."
    assert api.get("claimprocs", Status="Paid").status_code == 400
    assert api.get("claimprocs/999").status_code == 404


@pytest.mark.parametrize(
    "change, says",
    [
        (lambda s: s["claims"][0].update(ClaimStatus="X"), "ClaimStatus must be one of"),
        (lambda s: s["claims"][0].update(AccidentRelated="Auto"), 'AccidentRelated must be one of "", A, E, O'),
        (lambda s: s["claimprocs"][0].update(ClaimNum=77), "refers to ClaimNum 77, which is not in claims"),
        (lambda s: s["claimprocs"][0].update(PatNum=2), "its ClaimNum 40 belongs to another patient"),
        (lambda s: s["claimprocs"][0].update(Status="Paid"), "Status must be one of"),
    ],
)
def test_seed_claims_are_checked(seed, change, says):
    change(seed)
    with pytest.raises(SeedError, match=says):
        validate_seed(seed)


def test_demo_practice_has_an_unsent_medical_claim_for_a_flagged_visit():
    demo = json.loads(DEMO_SEED.read_text())
    truth = json.loads(DEMO_SEED.with_name("demo-practice.truth.json").read_text())
    (claim,) = demo["claims"]
    assert (claim["ClaimType"], claim["ClaimStatus"]) == ("Other", "U")
    plan = next(p for p in demo["insplans"] if p["PlanNum"] == claim["PlanNum"])
    assert plan["IsMedical"] == "true"
    procs = {line["ProcNum"] for line in demo["claimprocs"] if line["ClaimNum"] == claim["ClaimNum"]}
    visits = {p["AptNum"] for p in demo["procedurelogs"] if p["ProcNum"] in procs}
    assert len(visits) == 1 and truth[str(visits.pop())] is not None
