"""The claim API: build/rebuild, read, edit fields and diagnoses, lines; permissions, 422s, audit."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from docservice.extensions import db
from docservice.models import AuditEntry, Claim


def url(case_id, rest=""):
    return f"/api/v1/cases/{case_id}/claim{rest}"


def build(client, auth, case_id, role="biller"):
    return client.post(url(case_id), headers=auth(role))


def test_first_build_is_201_then_200(client, auth, claims_case_id):
    first = build(client, auth, claims_case_id)
    assert first.status_code == 201
    claim = first.json
    assert [line["code"] for line in claim["lines"]] == ["E0486", "40808"]
    assert claim["fields"]["left_off"][0]["cdt"] == "D1110"
    assert claim["fields"]["member_id"] == "M456"
    assert claim["diagnoses"][0]["code"] == "G47.33"
    assert claim["lines"][0]["why"]["code"]
    again = build(client, auth, claims_case_id)
    assert again.status_code == 200
    assert [line["id"] for line in again.json["lines"]] == [line["id"] for line in claim["lines"]]


def test_get_before_building_is_a_clear_404(client, auth, claims_case_id):
    response = client.get(url(claims_case_id), headers=auth("biller"))
    assert response.status_code == 404
    assert "no claim yet" in response.json["message"]
    assert client.get(url(99999), headers=auth("biller")).status_code == 404


def test_get_returns_the_built_claim_and_audits_the_read(app, client, auth, claims_case_id):
    build(client, auth, claims_case_id)
    response = client.get(url(claims_case_id), headers=auth("dentist"))
    assert response.status_code == 200
    assert response.json["case_id"] == claims_case_id
    with app.app_context():
        actions = db.session.scalars(select(AuditEntry.action).where(AuditEntry.resource_id == claims_case_id)).all()
    assert {"claim.build", "claim.read"} <= set(actions)


@pytest.mark.parametrize("role, status", [("service", 403), ("biller", 201), ("assistant", 201)])
def test_who_may_build(client, auth, claims_case_id, role, status):
    assert build(client, auth, claims_case_id, role).status_code == status


def test_reading_needs_cases_read(client, auth, claims_case_id):
    build(client, auth, claims_case_id)
    assert client.get(url(claims_case_id), headers=auth("service")).status_code == 403
    assert client.get(url(claims_case_id)).status_code == 401


def test_practice_providers_come_from_the_configuration(case_body, make_app, auth_for, claims_crosswalk_double):
    app = make_app(BILLING_NPI="1245319599", BILLING_NAME="Test Dental Group", RENDERING_NPI="1234567893")
    client = app.test_client()
    case_id = client.post("/api/v1/cases", json=case_body(), headers=auth_for(app, "service")).json["id"]
    claim = client.post(url(case_id), headers=auth_for(app, "biller")).json
    assert claim["fields"]["billing_provider"] == {"name": "Test Dental Group", "npi": "1245319599"}
    assert claim["fields"]["rendering_provider"] == {"name": "DOC1", "npi": "1234567893"}


def test_patch_fields_marks_them_edited_and_a_rebuild_keeps_them(client, auth, claims_case_id):
    build(client, auth, claims_case_id)
    body = {"fields": {"member_id": "M-TEST-9", "referring_provider": {"name": "Dr Test Referrer", "npi": "1234567890"},
                       "onset_date": "2026-01-15", "group_number": None}}
    response = client.patch(url(claims_case_id), json=body, headers=auth("biller"))
    assert response.status_code == 200, response.json
    claim = response.json
    assert claim["fields"]["member_id"] == "M-TEST-9"
    # A bad check digit is saved: the checks report it, the person sees the finding.
    assert claim["fields"]["referring_provider"]["npi"] == "1234567890"
    assert claim["fields"]["onset_date"] == "2026-01-15"
    assert "group_number" not in claim["fields"]
    assert claim["why"]["member_id"] == "set by biller"
    assert {"member_id", "referring_provider", "onset_date", "group_number"} <= set(claim["edited"])
    rebuilt = build(client, auth, claims_case_id).json
    assert rebuilt["fields"]["member_id"] == "M-TEST-9"
    assert rebuilt["fields"]["onset_date"] == "2026-01-15"
    assert rebuilt["why"]["member_id"] == "set by biller"


@pytest.mark.parametrize(
    "body, field",
    [
        ({"fields": {"referring_provider": {"name": "Dr Test", "npi": "12345"}}}, "fields"),
        ({"fields": {"onset_date": "15/01/2026"}}, "fields"),
        ({"fields": {"favourite_colour": "blue"}}, "fields"),
        ({"diagnoses": [{"code": "NOT-A-CODE"}]}, "diagnoses"),
        ({"diagnoses": [{"code": f"K13.{n}"} for n in range(13)]}, "diagnoses"),
        ({"diagnoses": [{"code": "K13.79"}, {"code": "k1379"}]}, "diagnoses"),
    ],
)
def test_bad_claim_edits_are_422_and_change_nothing(client, auth, claims_case_id, body, field):
    before = build(client, auth, claims_case_id).json
    response = client.patch(url(claims_case_id), json=body, headers=auth("biller"))
    assert response.status_code == 422
    assert field in response.json["errors"]
    after = client.get(url(claims_case_id), headers=auth("biller")).json
    assert (after["fields"], after["diagnoses"], after["edited"]) == (before["fields"], before["diagnoses"], before["edited"])


def test_replacing_diagnoses_moves_pointers_with_their_codes(client, auth, claims_case_id):
    claim = build(client, auth, claims_case_id).json
    assert claim["lines"][1]["pointers"] == [2]  # K13.79 for the biopsy
    body = {"diagnoses": [{"code": "K13.79"}, {"code": "g4733"}, {"code": "I10", "label": "hypertension"}]}
    edited = client.patch(url(claims_case_id), json=body, headers=auth("dentist")).json
    assert [dx["code"] for dx in edited["diagnoses"]] == ["K13.79", "G47.33", "I10"]
    assert edited["diagnoses"][2] == {"code": "I10", "label": "hypertension", "why": "set by dentist", "source": "person"}
    assert edited["diagnoses"][0]["source"] == "problem"
    assert [line["pointers"] for line in edited["lines"]] == [[2], [1]]
    rebuilt = build(client, auth, claims_case_id).json
    assert [dx["code"] for dx in rebuilt["diagnoses"]] == ["K13.79", "G47.33", "I10"]
    assert [line["pointers"] for line in rebuilt["lines"]] == [[2], [1]]


def test_add_patch_and_delete_lines_survive_a_rebuild(client, auth, claims_case_id):
    claim = build(client, auth, claims_case_id).json
    sleep, biopsy = claim["lines"]
    added = client.post(url(claims_case_id, "/lines"), json={"code": "99213", "system": "CPT", "units": 1, "charge": 120,
                                                       "pointers": [1]}, headers=auth("biller"))
    assert added.status_code == 201, added.json
    assert "line" in added.json["edited"] and added.json["why"]["code"] == "set by biller"
    patched = client.patch(url(claims_case_id, f"/lines/{sleep['id']}"), json={"units": 2, "modifiers": ["NU", "KX"]},
                           headers=auth("biller"))
    assert patched.status_code == 200
    assert patched.json["units"] == 2 and set(patched.json["edited"]) == {"units", "modifiers"}
    assert client.delete(url(claims_case_id, f"/lines/{biopsy['id']}"), headers=auth("biller")).status_code == 204
    rebuilt = build(client, auth, claims_case_id).json
    assert [(line["code"], line["units"], line["modifiers"]) for line in rebuilt["lines"]] == [
        ("E0486", 2, ["NU", "KX"]), ("99213", 1, [])
    ]
    assert rebuilt["fields"]["deleted_lines"][0]["cdt"] == "D7286"
    assert rebuilt["lines"][0]["why"]["units"] == "set by biller"
    assert rebuilt["lines"][0]["why"]["code"] != "set by biller"  # not edited: still the builder's reason


@pytest.mark.parametrize(
    "body, field",
    [
        ({"modifiers": ["NU", "KX", "RT", "LT", "50"]}, "modifiers"),
        ({"modifiers": ["N"]}, "modifiers"),
        ({"pointers": [1, 2, 3, 4, 5]}, "pointers"),
        ({"pointers": [3]}, "pointers"),
        ({"pointers": [0]}, "pointers"),
        ({"units": 0}, "units"),
        ({"charge": -1}, "charge"),
        ({"code": "not a code"}, "code"),
    ],
)
def test_bad_line_edits_are_422_and_change_nothing(client, auth, claims_case_id, body, field):
    line = build(client, auth, claims_case_id).json["lines"][0]
    response = client.patch(url(claims_case_id, f"/lines/{line['id']}"), json=body, headers=auth("biller"))
    assert response.status_code == 422
    assert field in response.json["errors"]
    after = client.get(url(claims_case_id), headers=auth("biller")).json["lines"][0]
    assert after == line


def test_adding_a_line_needs_a_code_and_valid_pointers(client, auth, claims_case_id):
    build(client, auth, claims_case_id)
    assert client.post(url(claims_case_id, "/lines"), json={"system": "CPT"}, headers=auth("biller")).status_code == 422
    bad = client.post(url(claims_case_id, "/lines"), json={"code": "99213", "system": "CPT", "pointers": [9]},
                      headers=auth("biller"))
    assert bad.status_code == 422
    assert len(client.get(url(claims_case_id), headers=auth("biller")).json["lines"]) == 2


def test_line_routes_answer_404_for_unknown_lines_and_claims(client, auth, claims_case_id):
    assert client.patch(url(claims_case_id, "/lines/1"), json={"units": 2}, headers=auth("biller")).status_code == 404
    build(client, auth, claims_case_id)
    assert client.delete(url(claims_case_id, "/lines/99999"), headers=auth("biller")).status_code == 404


def test_edits_need_claims_edit_and_are_audited_by_id(app, client, auth, claims_case_id):
    line = build(client, auth, claims_case_id).json["lines"][0]
    assert client.patch(url(claims_case_id), json={"fields": {"member_id": "X"}}, headers=auth("service")).status_code == 403
    client.patch(url(claims_case_id, f"/lines/{line['id']}"), json={"units": 3}, headers=auth("assistant"))
    with app.app_context():
        entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "claim.line.update")).one()
        claim = db.session.scalars(select(Claim)).one()
        assert entry.detail == {"claim_id": claim.id, "line_id": line["id"], "fields": ["units"]}
        assert entry.role == "assistant"
        assert claim.updated_by_id == entry.user_id


def test_a_later_visit_s_procedures_are_lines_on_the_visit_s_date(client, auth, claims_case_id):
    visit = {"apt_num": 7002, "appointment": {"start": "2026-03-20T08:30:00", "note": "second biopsy site"},
             "procedures": [{"proc_num": 9010, "code": "D7286", "tooth": "", "descript": "biopsy", "fee": 310.0}]}
    assert client.post(f"/api/v1/cases/{claims_case_id}/visits", json=visit, headers=auth("service")).status_code == 201
    claim = build(client, auth, claims_case_id).json
    dated = [(line["code"], line["service_date"], line["charge"]) for line in claim["lines"]]
    own_date = client.get(f"/api/v1/cases/{claims_case_id}", headers=auth("biller")).json["appointment"]["start"][:10]
    assert ("E0486", own_date) in [(code, day) for code, day, _ in dated]
    assert ("40808", "2026-03-20", 310.0) in [(code, day, float(charge)) for code, day, charge in dated]
    assert ("40808", own_date) in [(code, day) for code, day, _ in dated]
