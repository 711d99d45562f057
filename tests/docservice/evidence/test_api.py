"""GET/PUT /api/v1/cases/{id}/evidence: the values that drive the claim, and a person's word on each."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from docservice.extensions import db
from docservice.models import AuditEntry, EvidenceConfirmation


def _item(body: dict, fact: str) -> dict:
    return next(item for item in body["items"] if item["fact"] == fact)


def test_the_sleep_values_with_their_source(client, auth, stored_sleep_case):
    case_id = stored_sleep_case()
    response = client.get(f"/api/v1/cases/{case_id}/evidence", headers=auth("biller"))
    assert response.status_code == 200, response.json
    body = response.json
    assert body["categories"] == ["sleep"]
    assert [item["fact"] for item in body["items"]] == [
        "ahi", "rdi", "respiratory_events", "sleep_study_date", "order_date", "face_to_face_date",
        "ordering_physician", "appliance_hinge", "prior_authorization", "cpap_intolerance"]
    ahi = _item(body, "ahi")
    assert ahi["value"] == 24.0 and ahi["status"] == "read" and "authoritative" in ahi["why"]
    assert ahi["source"]["document_kind"] == "sleep_study" and ahi["source"]["snippet"] == "ahi: 24.0"
    assert _item(body, "rdi")["status"] == "missing" and _item(body, "rdi")["value"] is None
    (criteria,) = body["criteria"]
    assert criteria["id"] == "sleep-crit-oral-appliance" and criteria["met"] and criteria["modifiers"] == ["KX"]


@pytest.mark.parametrize("role", ["dentist", "biller", "admin"])
def test_confirm_correct_enter(app, client, auth, stored_sleep_case, role):
    case_id = stored_sleep_case()
    url = f"/api/v1/cases/{case_id}/evidence"
    confirmed = client.put(f"{url}/ahi", json={"action": "confirm"}, headers=auth(role))
    assert confirmed.status_code == 200, confirmed.json
    assert confirmed.json["status"] == "confirmed" and confirmed.json["value"] == 24.0
    assert confirmed.json["confirmation"]["user_name"] == f"{role}-user"
    corrected = client.put(f"{url}/ahi", json={"action": "correct", "value": 26.5, "note": "lab re-scored"},
                           headers=auth(role))
    assert corrected.json["value"] == 26.5 and corrected.json["status"] == "corrected"
    assert corrected.json["conflicts"][0]["value"] == 24.0
    entered = client.put(f"{url}/prior_authorization", json={"action": "enter", "value": "PA-SYN-0001"},
                         headers=auth(role))
    assert entered.json["value"] == "PA-SYN-0001" and entered.json["status"] == "entered"
    with app.app_context():
        rows = db.session.scalars(select(EvidenceConfirmation).where(EvidenceConfirmation.case_id == case_id)).all()
        assert [(r.fact, r.action, r.user_name) for r in rows] == [
            ("ahi", "confirm", f"{role}-user"), ("ahi", "correct", f"{role}-user"),
            ("prior_authorization", "enter", f"{role}-user")]
        audits = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "evidence.confirm")).all()
        assert len(audits) == 3 and all(a.resource_id == case_id and a.role == role for a in audits)
    assert _item(client.get(url, headers=auth("biller")).json, "ahi")["value"] == 26.5


@pytest.mark.parametrize("role", ["assistant", "service"])
def test_other_roles_may_not_confirm(client, auth, stored_sleep_case, role):
    case_id = stored_sleep_case()
    response = client.put(f"/api/v1/cases/{case_id}/evidence/ahi", json={"action": "confirm"}, headers=auth(role))
    assert response.status_code == 403


@pytest.mark.parametrize("fact, body, field", [
    ("ahi", {"action": "correct", "value": "a lot"}, "value"),
    ("ahi", {"action": "correct", "value": -3}, "value"),
    ("ahi", {"action": "correct"}, "value"),
    ("sleep_study_date", {"action": "correct", "value": "01/10/2026"}, "value"),
    ("cpap_intolerance", {"action": "enter", "value": "yes"}, "value"),
    ("appliance_hinge", {"action": "correct", "value": "maybe"}, "value"),
    ("ordering_physician", {"action": "correct", "value": {"name": "Test Physician Beta", "npi": "1245319598"}},
     "value"),
    ("rdi", {"action": "confirm"}, "value"),  # nothing read to confirm
    ("ahi", {"action": "confirm", "value": 30}, "value"),  # not what was read: that is a correction
    ("blood_type", {"action": "enter", "value": "O"}, "fact"),
    ("ahi", {"action": "approve"}, "action"),
    ("ahi", {"action": "confirm", "extra": 1}, "extra"),
])
def test_bad_confirmations_are_422_naming_the_field(app, client, auth, stored_sleep_case, fact, body, field):
    case_id = stored_sleep_case()
    response = client.put(f"/api/v1/cases/{case_id}/evidence/{fact}", json=body, headers=auth("dentist"))
    assert response.status_code == 422, response.json
    assert field in response.json["errors"]
    with app.app_context():
        assert db.session.scalars(select(EvidenceConfirmation)).all() == []


def test_unknown_case_is_404(client, auth):
    assert client.put("/api/v1/cases/999/evidence/ahi", json={"action": "confirm"},
                      headers=auth("dentist")).status_code == 404


def test_the_checks_and_the_claim_see_a_confirmation_at_once(client, auth, stored_sleep_case):
    case_id = stored_sleep_case(face_to_face=False)
    url = f"/api/v1/cases/{case_id}"
    built = client.post(f"{url}/claim", headers=auth("biller"))
    assert built.status_code == 201 and "KX" not in built.json["lines"][0]["modifiers"]
    checks = client.get(f"{url}/checks", headers=auth("biller")).json
    (missing,) = [f for f in checks["findings"] if f["rule"] == "modifier-missing"]
    assert "GA or GZ" in missing["message"]
    entered = client.put(f"{url}/evidence/face_to_face_date", json={"action": "enter", "value": "2026-01-02"},
                         headers=auth("dentist"))
    assert entered.status_code == 200, entered.json
    claim = client.get(f"{url}/claim", headers=auth("biller")).json
    assert claim["lines"][0]["modifiers"] == ["NU", "KX"]
    checks = client.get(f"{url}/checks", headers=auth("biller")).json
    assert not [f for f in checks["findings"] if f["rule"] in ("modifier-missing", "sleep-ahi-threshold")]
    # A correction below the threshold takes KX away again, and the check says why.
    client.put(f"{url}/evidence/ahi", json={"action": "correct", "value": 3.5}, headers=auth("biller"))
    assert "KX" not in client.get(f"{url}/claim", headers=auth("biller")).json["lines"][0]["modifiers"]
    rules = {f["rule"] for f in client.get(f"{url}/checks", headers=auth("biller")).json["findings"]}
    assert {"sleep-ahi-threshold", "modifier-missing"} <= rules


def test_both_routes_are_in_the_openapi_document(client):
    spec = client.get("/api/v1/openapi.json").json
    assert "get" in spec["paths"]["/api/v1/cases/{case_id}/evidence"]
    put = spec["paths"]["/api/v1/cases/{case_id}/evidence/{fact}"]["put"]
    assert {"200", "403", "404", "422"} <= set(put["responses"])
    assert "ConfirmationIn" in spec["components"]["schemas"] and "CaseEvidence" in spec["components"]["schemas"]
