"""Who moves a case to which status (the role table), and `submitted` only while the checks have no
error, unless an admin overrides with a reason that is recorded and answered back."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from docservice.auth import (
    DOCUMENTS_CLASSIFY,
    EVIDENCE_CONFIRM,
    NARRATIVES_DRAFT,
    NARRATIVES_WRITE,
    PERMISSIONS,
    case_change_permissions,
    role_may,
)
from docservice.checks.findings import CheckReport, Finding
from docservice.extensions import db
from docservice.models import AuditEntry, Case

ERROR = Finding(rule="attachment-missing", severity="error", message="The sleep study is not attached.",
                fix="Upload the sleep study.")
WARNING = Finding(rule="icd-laterality", severity="warning", message="Side unspecified.", fix="Record the side.")


@pytest.fixture
def case_id(app) -> int:
    with app.app_context():
        case = Case(practice="test", apt_num=7, pat_num=8, apt_start=datetime(2027, 1, 4, 9), category="sleep",
                    status="exported")
        db.session.add(case)
        db.session.commit()
        return case.id


@pytest.fixture
def checks_find(monkeypatch):
    """checks_find(*findings): what the case's checks report from now on (the real checks are tested elsewhere)."""

    def set_findings(*findings):
        monkeypatch.setattr("docservice.case_status.run_checks",
                            lambda case, claim, facts, crosswalk, *, practice=None: CheckReport(list(findings)))

    monkeypatch.setattr("docservice.api.cases.load_crosswalk", lambda: None)
    return set_findings


def submit(client, auth, case_id, role, **extra):
    return client.patch(f"/api/v1/cases/{case_id}", json={"status": "submitted", **extra}, headers=auth(role))


def status_of(client, auth, case_id) -> str:
    return client.get(f"/api/v1/cases/{case_id}", headers=auth("admin")).get_json()["status"]


def overrides(app) -> list[AuditEntry]:
    with app.app_context():
        return db.session.scalars(select(AuditEntry).where(AuditEntry.action == "case.submit.override")).all()


def test_the_role_table_matches_the_office():
    assert role_may("biller", NARRATIVES_DRAFT) and not role_may("biller", NARRATIVES_WRITE)
    assert role_may("biller", DOCUMENTS_CLASSIFY) and role_may("biller", EVIDENCE_CONFIRM)
    assert not role_may("service", DOCUMENTS_CLASSIFY) and not role_may("service", EVIDENCE_CONFIRM)
    assert {role for role in PERMISSIONS if role_may(role, "cases:submit")} == {"admin", "biller"}
    assert {role for role in PERMISSIONS if role_may(role, "checks:override")} == {"admin"}
    assert case_change_permissions({"status": "submitted"}) == {"cases:submit"}
    assert case_change_permissions({"status": "dismissed", "needs": []}) == {"cases:review"}


def test_a_biller_marks_a_clean_case_submitted(client, auth, case_id, checks_find, app):
    checks_find(WARNING)
    answer = submit(client, auth, case_id, "biller")
    assert answer.status_code == 200, answer.get_json()
    assert answer.get_json()["status"] == "submitted" and "override" not in answer.get_json()
    assert overrides(app) == []


@pytest.mark.parametrize("role", ["biller", "admin"])
def test_nobody_marks_a_case_submitted_while_its_checks_have_errors(client, auth, case_id, checks_find, role):
    checks_find(ERROR, WARNING)
    answer = submit(client, auth, case_id, role)
    assert answer.status_code == 409
    body = answer.get_json()
    assert body["code"] == "not_ready" and "cannot be marked submitted" in body["message"]
    assert "override" in body["message"]
    assert [finding["rule"] for finding in body["findings"]] == ["attachment-missing"]
    assert status_of(client, auth, case_id) == "exported"


def test_only_an_admin_overrides(client, auth, case_id, checks_find, app):
    checks_find(ERROR)
    answer = submit(client, auth, case_id, "biller", override_reason="the payer asked for it by phone")
    assert answer.status_code == 409 and "only an admin" in answer.get_json()["message"]
    assert status_of(client, auth, case_id) == "exported" and overrides(app) == []


def test_a_blank_reason_is_no_override(client, auth, case_id, checks_find):
    checks_find(ERROR)
    assert submit(client, auth, case_id, "admin", override_reason="   ").status_code == 409


def test_an_admins_override_is_recorded_and_answered_back(client, auth, case_id, checks_find, app):
    checks_find(ERROR, WARNING)
    answer = submit(client, auth, case_id, "admin", override_reason=" Sent on paper with the study attached ")
    assert answer.status_code == 200, answer.get_json()
    body = answer.get_json()
    assert body["status"] == "submitted"
    assert body["override"] == {"reason": "Sent on paper with the study attached", "rules": ["attachment-missing"]}
    (entry,) = overrides(app)
    assert entry.role == "admin" and entry.resource_id == case_id
    assert entry.detail == {"reason": "Sent on paper with the study attached", "rules": ["attachment-missing"]}


def test_no_override_sends_another_patients_document(client, auth, case_id, checks_find, app):
    wrong = Finding(rule="document-wrong-patient", severity="error", message="Document 3 names another patient.",
                    fix="Confirm it or move it.")
    checks_find(ERROR, wrong)
    answer = submit(client, auth, case_id, "admin", override_reason="the payer asked for everything")
    assert answer.status_code == 409 and "document-wrong-patient" in answer.get_json()["message"]
    assert status_of(client, auth, case_id) == "exported" and overrides(app) == []


def test_the_real_checks_stop_a_bare_case(client, auth, case_id):
    # No claim, no plan, no documents: the checks built from the real crosswalk have errors.
    answer = submit(client, auth, case_id, "biller")
    assert answer.status_code == 409 and answer.get_json()["findings"]


@pytest.mark.parametrize(("role", "change", "allowed"), [
    ("dentist", {"status": "submitted"}, False), ("assistant", {"status": "submitted"}, False),
    ("biller", {"status": "closed"}, True), ("assistant", {"status": "closed"}, True),
    ("biller", {"status": "dismissed"}, False), ("biller", {"category": "tmd"}, False),
    ("assistant", {"status": "in_progress", "needs": []}, True),
])
def test_status_rules_come_from_the_role_table(client, auth, case_id, checks_find, role, change, allowed):
    checks_find()
    answer = client.patch(f"/api/v1/cases/{case_id}", json=change, headers=auth(role))
    assert answer.status_code == (200 if allowed else 403), answer.get_json()
    if not allowed:
        assert role in answer.get_json()["message"]


def test_a_posted_or_replaced_case_cannot_claim_to_be_submitted(client, auth, case_id, app):
    with app.app_context():
        case = db.session.get(Case, case_id)
        body = {"practice": case.practice, "apt_num": case.apt_num, "pat_num": case.pat_num,
                "appointment": {"start": "2027-01-04T09:00:00"}, "patient": {"name": "Test Patient"},
                "status": "submitted"}
    assert client.post("/api/v1/cases", json=body, headers=auth("service")).status_code == 403
    replaced = client.put(f"/api/v1/cases/{case_id}", json=body, headers=auth("admin"))
    assert replaced.status_code == 422 and "PATCH" in replaced.get_json()["message"]
    assert status_of(client, auth, case_id) == "exported"
