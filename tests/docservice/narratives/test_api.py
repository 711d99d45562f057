"""The narrative API over SQLite and PostgreSQL: draft, read, edit, sign, PDF, and its refusals."""
from __future__ import annotations

import hashlib
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from docservice.extensions import db
from docservice.models import AuditEntry, Case, Claim, ClaimLine, Fact


CLEAN_BODY = (
    "To: Medical Review, Test Health Plan\n\n## Request\nWe request coverage of E0486 for G47.33.\n\n"
    "## Attestation\nSignature: ______________________________\nName and credentials: ____________________\n"
    "Date signed: _____________________________\n"
)


@pytest.fixture(autouse=True)
def crosswalk_stand_in(monkeypatch, narrative_crosswalk, narrative_claim):
    """The API tests check the narrative's rules, not the crosswalk's or the claim builder's data."""
    import docservice.api.narratives as api
    import docservice.claims as claims

    monkeypatch.setattr(api, "load_crosswalk", lambda: narrative_crosswalk)
    monkeypatch.setattr(claims, "build_claim", lambda case, facts, crosswalk: narrative_claim())


@pytest.fixture
def case_id(case_body, client, auth, app):
    body = case_body(patient={"name": "Test Patient Alpha", "birthdate": "1970-01-31", "gender": "Female"})
    created = client.post("/api/v1/cases", json=body, headers=auth("service"))
    assert created.status_code == 201
    with app.app_context():
        case_id = created.json["id"]
        db.session.add_all([
            Fact(case_id=case_id, name="ahi", value=22.0, source="appointment", display="AHI 22"),
            Fact(case_id=case_id, name="pain", value=True, negated=True, source="appointment"),
        ])
        db.session.commit()
    return case_id


def url(case_id, tail=""):
    return f"/api/v1/cases/{case_id}/narrative{tail}"


def test_drafting_makes_a_letter_with_visible_gaps_then_redrafts(client, auth, case_id):
    first = client.post(url(case_id), headers=auth("assistant"))
    assert first.status_code == 201, first.json
    narrative = first.json
    assert narrative["status"] == "draft" and narrative["template"] == "sleep.md.j2"
    assert "AHI 22 events per hour" in narrative["body"]
    assert "The patient denies jaw pain." in narrative["body"]
    assert narrative["placeholders"] and all(
        f"[MISSING: {p['label']}]" in narrative["body"] for p in narrative["placeholders"])
    assert 0 < len(narrative["claim_note"]) <= 80 and "AHI 22" in narrative["claim_note"]
    assert "E0486-NU-KX" in narrative["body"]  # no saved claim: the one built now
    again = client.post(url(case_id), json={}, headers=auth("dentist"))
    assert again.status_code == 200 and again.json["id"] == narrative["id"]
    read = client.get(url(case_id), headers=auth("biller"))
    assert read.status_code == 200 and read.json["claim_note"] == narrative["claim_note"]


def test_no_narrative_and_no_case_are_404(client, auth, case_id):
    for path in (url(case_id), url(case_id, "/pdf")):
        response = client.get(path, headers=auth("dentist"))
        assert response.status_code == 404 and response.json["code"] == "no_narrative"
    assert client.post(url(case_id, "/sign"), json={}, headers=auth("dentist")).status_code == 404
    assert client.patch(url(case_id), json={"body": "x"}, headers=auth("dentist")).status_code == 404
    assert client.post(url(999999), headers=auth("dentist")).status_code == 404


@pytest.mark.parametrize(("method", "tail", "role"), [
    ("post", "", "service"), ("patch", "", "biller"),
    ("post", "/sign", "assistant"), ("post", "/sign", "admin"), ("post", "/sign", "biller"),
    ("get", "", "service"),
])
def test_roles_are_enforced(client, auth, case_id, method, tail, role):
    client.post(url(case_id), headers=auth("assistant"))
    response = getattr(client, method)(url(case_id, tail), json={"body": CLEAN_BODY}, headers=auth(role))
    assert response.status_code == 403
    assert client.get(url(case_id), headers=auth("dentist")).json["status"] == "draft"


def test_signing_is_refused_while_values_are_missing(client, auth, case_id):
    drafted = client.post(url(case_id), headers=auth("assistant")).json
    refused = client.post(url(case_id, "/sign"), json={"name": "Test Dentist Beta"}, headers=auth("dentist"))
    assert refused.status_code == 409 and refused.json["code"] == "narrative_incomplete"
    assert drafted["placeholders"][0]["label"] in refused.json["message"]
    assert client.get(url(case_id), headers=auth("dentist")).json["status"] == "draft"


def test_an_edit_recomputes_placeholders_then_a_dentist_signs(client, auth, case_id, app):
    client.post(url(case_id), headers=auth("assistant"))
    partial = client.patch(url(case_id), json={"body": CLEAN_BODY + "\nAHI [MISSING: apnea-hypopnea index (AHI)]\n"},
                           headers=auth("assistant")).json
    assert partial["placeholders"] == [{"field": "ahi", "label": "apnea-hypopnea index (AHI)"}] or \
        partial["placeholders"] == [{"field": "unknown", "label": "apnea-hypopnea index (AHI)"}]
    edited = client.patch(url(case_id), json={"body": CLEAN_BODY}, headers=auth("assistant")).json
    assert edited["placeholders"] == []
    signed = client.post(url(case_id, "/sign"), json={"name": "Test Dentist Beta", "credentials": "DDS"},
                         headers=auth("dentist"))
    assert signed.status_code == 200, signed.json
    narrative = signed.json
    assert narrative["status"] == "signed" and narrative["signed_name"] == "Test Dentist Beta, DDS"
    assert narrative["signed_by_id"] and narrative["signed_at"]
    assert "Name and credentials: Test Dentist Beta, DDS" in narrative["body"]
    assert narrative["body_sha256"] == hashlib.sha256(narrative["body"].encode("utf-8")).hexdigest()
    with app.app_context():
        entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "narrative.sign")).one()
        assert entry.resource_id == case_id and "Test" not in str(entry.detail)
    again = client.post(url(case_id, "/sign"), json={}, headers=auth("dentist"))
    assert again.status_code == 409


def test_the_user_name_signs_when_no_name_is_given(client, auth, case_id):
    client.post(url(case_id), headers=auth("assistant"))
    client.patch(url(case_id), json={"body": CLEAN_BODY}, headers=auth("assistant"))
    signed = client.post(url(case_id, "/sign"), headers=auth("dentist")).json
    assert signed["signed_name"] == "dentist-user"


def test_a_biller_drafts_but_does_not_write_the_letter(client, auth, case_id):
    drafted = client.post(url(case_id), headers=auth("biller"))
    assert drafted.status_code == 201, drafted.json
    assert client.patch(url(case_id), json={"body": CLEAN_BODY}, headers=auth("biller")).status_code == 403


@pytest.fixture
def signed_case(client, auth, case_id):
    """A case whose narrative the dentist signed as "Test Dentist Beta"."""
    client.post(url(case_id), headers=auth("assistant"))
    client.patch(url(case_id), json={"body": CLEAN_BODY}, headers=auth("assistant"))
    signed = client.post(url(case_id, "/sign"), json={"name": "Test Dentist Beta"}, headers=auth("dentist"))
    assert signed.status_code == 200, signed.json
    return case_id


def unsign_entries(app):
    with app.app_context():
        return db.session.scalars(select(AuditEntry).where(AuditEntry.action == "narrative.unsign")).all()


@pytest.mark.parametrize("role", ["assistant", "admin"])
def test_an_edit_of_a_signed_letter_without_replace_signed_is_409_and_keeps_the_signature(
        client, auth, signed_case, app, role):
    before = client.get(url(signed_case), headers=auth("dentist")).json
    refused = client.patch(url(signed_case), json={"body": before["body"] + "\nAn added sentence.\n"},
                           headers=auth(role))
    assert refused.status_code == 409 and refused.json["code"] == "narrative_signed"
    message = refused.json["message"]
    assert "the dentist's sign-off (Test Dentist Beta" in message and '"replace_signed": true' in message
    after = client.get(url(signed_case), headers=auth("dentist")).json
    assert after == before
    assert unsign_entries(app) == []


def test_replace_signed_removes_the_signature_says_so_and_is_audited(client, auth, signed_case, app):
    signed = client.get(url(signed_case), headers=auth("dentist")).json
    edited = client.patch(url(signed_case), json={"body": signed["body"] + "\nAn added sentence.\n",
                                                 "replace_signed": True}, headers=auth("assistant"))
    assert edited.status_code == 200, edited.json
    narrative = edited.json
    assert narrative["status"] == "draft"
    assert narrative["signed_at"] is None and narrative["signed_name"] == "" and narrative["body_sha256"] == ""
    assert "Name and credentials: ____" in narrative["body"] and "Test Dentist Beta" not in narrative["body"]
    assert "the dentist's sign-off (Test Dentist Beta" in narrative["signature_removed"]
    assert "signed again" in narrative["signature_removed"]
    (entry,) = unsign_entries(app)
    assert entry.role == "assistant" and entry.resource_id == signed_case
    assert entry.detail["signed_by_id"] == signed["signed_by_id"] and entry.detail["by_signer"] is False
    assert entry.detail["via"] == "edit" and "Test" not in str(entry.detail)
    again = client.patch(url(signed_case), json={"body": CLEAN_BODY}, headers=auth("assistant")).json
    assert "signature_removed" not in again  # a draft's edit removes nothing and says nothing


def test_the_signer_too_needs_replace_signed_to_change_their_signed_letter(client, auth, signed_case, app):
    body = client.get(url(signed_case), headers=auth("dentist")).json["body"]
    refused = client.patch(url(signed_case), json={"body": body + "\nMore.\n"}, headers=auth("dentist"))
    assert refused.status_code == 409 and "You signed this narrative" in refused.json["message"]
    assert "replace_signed" in refused.json["message"]
    changed = client.patch(url(signed_case), json={"body": body + "\nMore.\n", "replace_signed": True},
                           headers=auth("dentist"))
    assert changed.status_code == 200 and changed.json["status"] == "draft"
    (entry,) = unsign_entries(app)
    assert entry.role == "dentist" and entry.detail["by_signer"] is True


def test_redrafting_a_signed_letter_needs_replace_signed(client, auth, signed_case, app):
    refused = client.post(url(signed_case), json={}, headers=auth("biller"))
    assert refused.status_code == 409 and "replace_signed" in refused.json["message"]
    assert "the dentist's sign-off (Test Dentist Beta" in refused.json["message"]
    assert client.get(url(signed_case), headers=auth("dentist")).json["status"] == "signed"
    redrafted = client.post(url(signed_case), json={"replace_signed": True}, headers=auth("biller"))
    assert redrafted.status_code == 200 and redrafted.json["status"] == "draft"
    assert "Test Dentist Beta" in redrafted.json["signature_removed"]
    (entry,) = unsign_entries(app)
    assert entry.role == "biller" and entry.detail["via"] == "redraft"


def test_bad_bodies_are_422(client, auth, case_id):
    client.post(url(case_id), headers=auth("assistant"))
    assert client.patch(url(case_id), json={}, headers=auth("assistant")).status_code == 422
    assert client.patch(url(case_id), json={"body": ""}, headers=auth("assistant")).status_code == 422
    response = client.post(url(case_id), json={"replace_signed": "perhaps"}, headers=auth("assistant"))
    assert response.status_code == 422 and "replace_signed" in response.json["errors"]


def test_the_pdf_is_a_marked_draft_until_signed(client, auth, case_id):
    client.post(url(case_id), headers=auth("assistant"))
    draft = client.get(url(case_id, "/pdf"), headers=auth("biller"))
    assert draft.status_code == 200 and draft.mimetype == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(draft.data)).pages)
    assert "DRAFT — not signed" in text and "Test Patient Alpha" in text
    client.patch(url(case_id), json={"body": CLEAN_BODY}, headers=auth("assistant"))
    client.post(url(case_id, "/sign"), json={"name": "Test Dentist Beta", "credentials": "DMD"}, headers=auth("dentist"))
    signed = client.get(url(case_id, "/pdf"), headers=auth("biller"))
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(signed.data)).pages).split())
    assert "Signed electronically by Test Dentist Beta, DMD on" in text and "DRAFT" not in text


def test_deleting_the_case_removes_its_narrative(client, auth, case_id, app):
    client.post(url(case_id), headers=auth("assistant"))
    with app.app_context():
        db.session.delete(db.session.get(Case, case_id))
        db.session.commit()
    assert client.get(url(case_id), headers=auth("dentist")).status_code == 404


def test_a_saved_claim_is_preferred_to_building_one(client, auth, case_id, app):
    with app.app_context():
        claim = Claim(case_id=case_id, diagnoses=[{"code": "G47.33", "label": "OSA"}], fields={})
        claim.lines.append(ClaimLine(code="K1027", system="HCPCS", cdt="D9947", modifiers=[], units=1))
        db.session.add(claim)
        db.session.commit()
    body = client.post(url(case_id), headers=auth("assistant")).json["body"]
    assert "We request coverage of K1027 for the diagnosis of G47.33 (OSA)." in body
    assert "E0486" not in body
