"""GET /api/v1/cases/{id}/checks over SQLite and PostgreSQL: shape, permissions, read-only."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from docservice.extensions import db
from docservice.models import AuditEntry, Claim, ClaimLine, Fact, Narrative

FINDING_KEYS = {"rule", "severity", "message", "fix", "line", "evidence"}


@pytest.fixture
def test_crosswalk(check_inputs, monkeypatch):
    """The route on our own small crosswalk: these tests are about the API, not the data."""
    monkeypatch.setattr("docservice.api.checks.load_crosswalk", check_inputs.crosswalk)


@pytest.fixture
def post_case(case_body):
    """post_case(client, auth, **changes) -> the id of case_body(**changes), posted by an admin."""

    def post(client, auth, **changes) -> int:
        response = client.post("/api/v1/cases", json=case_body(**changes), headers=auth("admin"))
        assert response.status_code == 201, response.json
        return response.json["id"]

    return post


def save_claim(check_inputs, app, case_id, *, pointers=(1,), modifiers=("NU",)):
    with app.app_context():
        db.session.add(Claim(case_id=case_id, payer="default", diagnoses=[{"code": "G47.33", "source": "problem"}],
                             fields={"member_id": "M456", "ordering_provider": {"name": "Test Physician Beta",
                                                                                "npi": check_inputs.OTHER_VALID_NPI}},
                             lines=[ClaimLine(code="E0486", cdt="D9947", system="HCPCS", modifiers=list(modifiers),
                                              pointers=list(pointers), units=1)]))
        db.session.add(Fact(case_id=case_id, name="cpap_intolerance", value=True, source="appointment"))
        db.session.add(Narrative(case_id=case_id, template="sleep.md.j2", status="signed", body="Complete."))
        db.session.commit()


def counts(app) -> tuple[int, int, int]:
    with app.app_context():
        return tuple(db.session.scalar(select(func.count()).select_from(t)) for t in (Claim, ClaimLine, Fact))


def test_checks_of_a_saved_claim(check_inputs, post_case, app, client, auth, test_crosswalk):
    case_id = post_case(client, auth)
    save_claim(check_inputs, app, case_id, pointers=())
    before = counts(app)
    response = client.get(f"/api/v1/cases/{case_id}/checks", headers=auth("biller"))
    assert response.status_code == 200
    body = response.json
    assert set(body) == {"ready", "findings"} and body["ready"] is False
    assert all(set(f) == FINDING_KEYS for f in body["findings"])
    rules = {f["rule"] for f in body["findings"]}
    # no sleep study or order uploaded, no pointer on the line
    assert {"attachment-missing", "line-no-pointer"} <= rules
    pointer = next(f for f in body["findings"] if f["rule"] == "line-no-pointer")
    assert pointer["line"] == 1 and pointer["evidence"][0]["kind"] == "line"
    assert [f["severity"] for f in body["findings"]] == sorted(
        (f["severity"] for f in body["findings"]), key=("error", "warning", "info").index)
    assert counts(app) == before
    with app.app_context():
        entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "checks.read")).one()
        assert entry.resource_id == case_id


def test_checks_follow_the_claim(check_inputs, post_case, app, client, auth, test_crosswalk):
    case_id = post_case(client, auth)
    save_claim(check_inputs, app, case_id)
    rules = {f["rule"] for f in client.get(f"/api/v1/cases/{case_id}/checks", headers=auth("biller")).json["findings"]}
    assert "line-no-pointer" not in rules and "modifier-missing" not in rules


def test_unknown_case_and_permissions(post_case, client, auth, test_crosswalk):
    response = client.get("/api/v1/cases/999/checks", headers=auth("biller"))
    assert response.status_code == 404 and response.json["code"] == "not_found"
    case_id = post_case(client, auth)
    assert client.get(f"/api/v1/cases/{case_id}/checks", headers=auth("service")).status_code == 403
    assert client.get(f"/api/v1/cases/{case_id}/checks").status_code == 401


def test_without_a_saved_claim_the_proposed_claim_is_checked_and_not_stored(post_case, app, client, auth):
    case_id = post_case(client, auth)
    response = client.get(f"/api/v1/cases/{case_id}/checks", headers=auth("dentist"))
    assert response.status_code == 200, response.json
    assert set(response.json) == {"ready", "findings"}
    assert counts(app) == (0, 0, 0)
    rules = {f["rule"] for f in response.json["findings"]}
    assert "attachment-missing" in rules  # no sleep study for the appliance
    assert "narrative-unsigned" in rules


def test_a_claim_built_for_the_checks_carries_the_practice_npis(case_body, make_app, auth_for):
    """Unsaved claims are checked with the practice's providers, like saved ones; a bad NPI in the
    environment that seeds the settings is named, not silently used."""
    app = make_app(BILLING_NPI="1234567890", BILLING_NAME="Synthetic Dental Group")
    client = app.test_client()
    admin = auth_for(app, "admin")
    case_id = client.post("/api/v1/cases", json=case_body(), headers=admin).json["id"]
    refused = client.get(f"/api/v1/cases/{case_id}/checks", headers=admin)
    assert refused.status_code == 422 and "billing_provider.npi" in refused.json["errors"]

    app = make_app(BILLING_NPI="1234567893", BILLING_NAME="Synthetic Dental Group")
    client = app.test_client()
    admin = auth_for(app, "admin")
    case_id = client.post("/api/v1/cases", json=case_body(apt_num=991), headers=admin).json["id"]
    findings = client.get(f"/api/v1/cases/{case_id}/checks", headers=admin).json["findings"]
    assert not any(f["rule"] == "npi-invalid" for f in findings)
