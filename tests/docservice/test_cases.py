"""Cases: idempotent posting on (practice, AptNum), filters, review, validation, and the audit log."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from docservice.extensions import db
from docservice.models import AuditEntry, Procedure


@pytest.fixture
def post_case(case_body):
    """post_case(client, auth, role="service", **changes) -> the response to posting case_body(**changes)."""

    def post(client, auth, role="service", **changes):
        return client.post("/api/v1/cases", json=case_body(**changes), headers=auth(role))

    return post


def test_first_post_creates_the_case(post_case, client, auth):
    response = post_case(client, auth)
    assert response.status_code == 201
    case = response.json
    assert case["id"] > 0
    assert case["status"] == "new"
    assert case["appointment"] == {"start": "2026-03-02T09:00:00", "provider": "DOC1", "op": "2", "note": "Pt reports snoring"}
    assert case["patient"] == {"name": "Jane Roe", "birthdate": "1970-01-31", "gender": "Female", "address": {},
                               "phone": ""}
    assert case["procedures"][0]["code"] == "D9947"
    assert case["procedures"][0]["fee"] == 1800.0
    assert case["problems"] == [{"icd10": "G47.33", "name": "Obstructive sleep apnea"}]
    assert {plan["kind"] for plan in case["insurance"]} == {"dental", "medical"}
    assert case["categories"][0]["strength"] == "strong"
    assert case["needs"] == ["sleep study", "physician referral"]
    assert case["documents"] == []


def test_posting_the_same_appointment_again_updates_it(post_case, app, client, auth):
    first = post_case(client, auth).json
    second = post_case(
        client,
        auth,
        procedures=[{"code": "D7880", "descript": "occlusal orthotic device"}],
        problems=[],
        needs=["physician referral"],
    )
    assert second.status_code == 200
    assert second.json["id"] == first["id"]
    assert [p["code"] for p in second.json["procedures"]] == ["D7880"]
    assert second.json["problems"] == []
    assert second.json["needs"] == ["physician referral"]
    with app.app_context():  # the old procedure rows are gone, not orphaned
        assert [p.code for p in db.session.scalars(select(Procedure))] == ["D7880"]
    listed = client.get("/api/v1/cases", headers=auth("biller")).json
    assert len(listed) == 1


def test_a_repost_keeps_a_status_set_by_staff_unless_it_sends_one(post_case, client, auth):
    case = post_case(client, auth).json
    client.patch(f"/api/v1/cases/{case['id']}", json={"status": "in_progress"}, headers=auth("assistant"))
    assert post_case(client, auth).json["status"] == "in_progress"
    assert post_case(client, auth, status="dismissed").json["status"] == "dismissed"


def test_same_apt_num_in_another_practice_is_another_case(post_case, client, auth):
    a = post_case(client, auth)
    b = post_case(client, auth, practice="elm-street")
    assert (a.status_code, b.status_code) == (201, 201)
    assert a.json["id"] != b.json["id"]


def test_get_one_case_and_404(post_case, client, auth):
    case = post_case(client, auth).json
    response = client.get(f"/api/v1/cases/{case['id']}", headers=auth("biller"))
    assert response.status_code == 200
    assert response.json["patient"]["name"] == "Jane Roe"
    missing = client.get("/api/v1/cases/99999", headers=auth("biller"))
    assert missing.status_code == 404
    assert missing.json == {"code": "not_found", "status": 404, "message": "There is no case 99999."}


def test_put_replaces_a_case_but_not_its_identity(post_case, case_body, client, auth):
    case = post_case(client, auth).json
    replaced = client.put(
        f"/api/v1/cases/{case['id']}", json=case_body(category="tmd", needs=[]), headers=auth("service")
    )
    assert replaced.status_code == 200
    assert replaced.json["category"] == "tmd"
    moved = client.put(f"/api/v1/cases/{case['id']}", json=case_body(apt_num=2), headers=auth("dentist"))
    assert moved.status_code == 422
    assert "cannot change" in moved.json["message"]


def test_patch_reviews_a_case(post_case, client, auth):
    case = post_case(client, auth).json
    response = client.patch(
        f"/api/v1/cases/{case['id']}", json={"status": "ready", "needs": []}, headers=auth("dentist")
    )
    assert response.status_code == 200
    assert (response.json["status"], response.json["needs"]) == ("ready", [])
    assert response.json["procedures"] == case["procedures"]


@pytest.fixture
def three_cases(post_case, client, auth):
    post_case(client, auth, apt_num=1, appointment={"start": "2026-03-02T09:00:00"}, category="sleep")
    post_case(client, auth, apt_num=2, appointment={"start": "2026-03-02T15:30:00"}, category="tmd")
    post_case(client, auth, apt_num=3, appointment={"start": "2026-03-03T08:00:00"}, category="sleep", status="ready")


@pytest.mark.parametrize(
    "query, apt_nums",
    [
        ("", [1, 2, 3]),
        ("date=2026-03-02", [1, 2]),
        ("date=2026-03-04", []),
        ("date_from=2026-03-02&date_to=2026-03-02", [1, 2]),
        ("date_from=2026-03-03", [3]),
        ("status=ready", [3]),
        ("status=new&category=sleep", [1]),
        ("category=tmd", [2]),
        ("practice=elsewhere", []),
        ("apt_num=2", [2]),
    ],
)
def test_list_filters(client, auth, three_cases, query, apt_nums):
    response = client.get(f"/api/v1/cases?{query}", headers=auth("biller"))
    assert response.status_code == 200
    assert [case["apt_num"] for case in response.json] == apt_nums


def test_list_is_paginated(client, auth, three_cases):
    response = client.get("/api/v1/cases?page=2&page_size=2", headers=auth("dentist"))
    assert [case["apt_num"] for case in response.json] == [3]
    assert json.loads(response.headers["X-Pagination"])["total"] == 3


def test_bad_filters_are_422(client, auth):
    response = client.get("/api/v1/cases?date=yesterday&status=lost", headers=auth("dentist"))
    assert response.status_code == 422
    assert set(response.json["errors"]) == {"date", "status"}


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"apt_num": "12"}, "apt_num"),
        ({"apt_num": 0}, "apt_num"),
        ({"practice": ""}, "practice"),
        ({"appointment": {"provider": "DOC1"}}, "appointment"),
        ({"patient": {"birthdate": "1970-01-31"}}, "patient"),
        ({"procedures": [{"code": "not a code!"}]}, "procedures"),
        ({"problems": [{"icd10": "sleepy"}]}, "problems"),
        ({"insurance": [{"kind": "vision"}]}, "insurance"),
        ({"status": "lost"}, "status"),
        ({"surprise": 1}, "surprise"),
    ],
)
def test_invalid_case_bodies_are_422_naming_the_field(post_case, app, client, auth, changes, field):
    response = post_case(client, auth, **changes)
    assert response.status_code == 422
    assert response.json["code"] == "unprocessable_entity"
    assert field in response.json["errors"]
    with app.app_context():
        assert db.session.scalars(select(AuditEntry).where(AuditEntry.resource == "case")).all() == []


def test_a_body_that_is_not_json_is_400(client, auth):
    response = client.post(
        "/api/v1/cases", data="{not json", content_type="application/json", headers=auth("service")
    )
    assert response.status_code == 400
    assert response.json["message"]


def test_every_read_and_write_is_audited_without_patient_data(post_case, app, client, auth):
    case = post_case(client, auth).json
    post_case(client, auth)
    client.get(f"/api/v1/cases/{case['id']}", headers=auth("biller"))
    client.get("/api/v1/cases", headers=auth("dentist"))
    client.patch(f"/api/v1/cases/{case['id']}", json={"status": "ready"}, headers=auth("assistant"))
    with app.app_context():
        entries = db.session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        trail = [(e.actor, e.role, e.action, e.resource_id) for e in entries]
        dumped = json.dumps([{**e.detail, "actor": e.actor, "action": e.action} for e in entries])
    assert trail == [
        ("service-user", "service", "case.create", case["id"]),
        ("service-user", "service", "case.update", case["id"]),
        ("biller-user", "biller", "case.read", case["id"]),
        ("dentist-user", "dentist", "case.list", None),
        ("assistant-user", "assistant", "case.update", case["id"]),
    ]
    assert all(entry.at is not None for entry in entries)
    assert entries[3].detail == {"case_ids": [case["id"]]}
    for secret in ("Jane", "Roe", "1970", "snoring", "G47.33", "D123", "M456"):
        assert secret not in dumped


def test_admin_reads_the_audit_log(post_case, client, auth):
    case = post_case(client, auth).json
    client.get(f"/api/v1/cases/{case['id']}", headers=auth("biller"))
    log = client.get(f"/api/v1/audit?resource_id={case['id']}", headers=auth("admin")).json
    assert [entry["action"] for entry in log] == ["case.read", "case.create"]


# ------------------------------------------------------------------------------ later visits

def visit_body(**changes) -> dict:
    """A follow-up visit as the flagger posts it to the case it continues."""
    body = {
        "apt_num": 1002,
        "appointment": {"start": "2026-03-16T10:00:00", "provider": "DOC1", "note": "f/u: pt reports snoring"},
        "procedures": [{"proc_num": 9002, "code": "D0170", "tooth": "", "surface": "", "descript": "re-eval", "fee": 60.0}],
    }
    body.update(changes)
    return body


def post_visit(client, auth, case_id, role="service", **changes):
    return client.post(f"/api/v1/cases/{case_id}/visits", json=visit_body(**changes), headers=auth(role))


def test_a_visit_is_added_once_and_read_with_the_case(post_case, client, auth):
    case_id = post_case(client, auth).json["id"]
    first = post_visit(client, auth, case_id)
    assert first.status_code == 201
    assert first.json["apt_num"] == 1002 and first.json["case_id"] == case_id
    assert first.json["procedures"][0]["code"] == "D0170"
    again = post_visit(client, auth, case_id, role="assistant")
    assert again.status_code == 200 and again.json["id"] == first.json["id"]
    case = client.get(f"/api/v1/cases/{case_id}", headers=auth("biller")).json
    assert [(v["apt_num"], v["appointment"]["start"]) for v in case["visits"]] == [(1002, "2026-03-16T10:00:00")]
    assert case["apt_num"] == 1001  # the case keeps its own appointment


def test_the_flagger_adds_a_visit_by_the_appointment_that_opened_the_case(post_case, client, auth):
    created = post_case(client, auth).json
    body = {"practice": created["practice"], "joins_apt_num": created["apt_num"], **visit_body()}
    first = client.post("/api/v1/cases/visits", json=body, headers=auth("service"))
    assert first.status_code == 201 and first.json["case_id"] == created["id"]
    again = client.post("/api/v1/cases/visits", json=body, headers=auth("service"))
    assert again.status_code == 200 and again.json["id"] == first.json["id"]
    unknown = client.post("/api/v1/cases/visits", json={**body, "joins_apt_num": 999999}, headers=auth("service"))
    assert unknown.status_code == 404 and "999999" in unknown.json["message"]
    missing = client.post("/api/v1/cases/visits", json=visit_body(), headers=auth("service"))
    assert missing.status_code == 422


def test_a_visit_of_an_unknown_case_is_404_and_a_biller_may_not_post_one(post_case, client, auth):
    assert post_visit(client, auth, 99999).status_code == 404
    case_id = post_case(client, auth).json["id"]
    assert post_visit(client, auth, case_id, role="biller").status_code == 403


def test_an_appointment_of_another_case_is_409(post_case, client, auth):
    first = post_case(client, auth).json["id"]
    second = post_case(client, auth, apt_num=2001).json["id"]
    own = post_visit(client, auth, first, apt_num=2001)
    assert own.status_code == 409 and own.json["code"] == "visit_conflict"
    assert post_visit(client, auth, first).status_code == 201
    taken = post_visit(client, auth, second)  # 1002 is already the first case's visit
    assert taken.status_code == 409 and "case" in taken.json["message"]
    assert client.get(f"/api/v1/cases/{second}", headers=auth("admin")).json["visits"] == []


@pytest.mark.parametrize("changes", [
    {"apt_num": "x"},
    {"appointment": {"note": "no start"}},
    {"procedures": [{"code": "not a code!"}]},
])
def test_a_bad_visit_is_422(post_case, client, auth, changes):
    case_id = post_case(client, auth).json["id"]
    response = post_visit(client, auth, case_id, **changes)
    assert response.status_code == 422
    assert client.get(f"/api/v1/cases/{case_id}", headers=auth("admin")).json["visits"] == []


def test_the_visit_note_is_read_for_facts_on_its_own_day(post_case, client, auth):
    case_id = post_case(client, auth, appointment={"start": "2026-03-02T09:00:00", "note": "routine"}).json["id"]
    before = client.get(f"/api/v1/cases/{case_id}/facts", headers=auth("biller")).json
    assert not [f for f in before if f["source"] == "appointment" and f["value"] == "snoring"]
    post_visit(client, auth, case_id)
    facts = client.get(f"/api/v1/cases/{case_id}/facts", headers=auth("biller")).json
    assert any(f["source"] == "appointment" and f["value"] == "snoring" and f["document_id"] is None for f in facts)
