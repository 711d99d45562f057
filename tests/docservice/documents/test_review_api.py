"""A person reviews documents through the API: kind corrections, another patient's document, moves, duplicates."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from docservice.extensions import db
from docservice.models import AuditEntry, Document
from docservice.ocr.classify import KINDS, Classification

ROE_STUDY = ("Lakeside Sleep Center\nHome Sleep Apnea Test report\nPatient: ROE, JANE M   DOB: 1/31/70\n"
             "Date of study: 03/14/2026",
             "Results\nREI 18 events/hour. Total events: 112.")
OTHER_STUDY = ("Lakeside Sleep Center\nHome Sleep Apnea Test report\nPatient: Test Patient Beta   DOB: 05/06/1961\n"
               "Date of study: 03/14/2026",
               "Results\nREI 31 events/hour. Total events: 190.")
BETA = {"name": "Test Patient Beta", "birthdate": "1961-05-06", "gender": "Female"}

pytestmark = [pytest.mark.usefixtures("simple_facts"), pytest.mark.scripted_ocr]


def facts_of(client, auth, case_id: int) -> list[dict]:
    response = client.get(f"/api/v1/cases/{case_id}/facts", headers=auth("biller"))
    assert response.status_code == 200
    return response.json


def document_ids_with_facts(client, auth, case_id: int) -> set:
    return {fact["document_id"] for fact in facts_of(client, auth, case_id) if fact["document_id"] is not None}


def rules(client, auth, case_id: int) -> dict[str, list[dict]]:
    response = client.get(f"/api/v1/cases/{case_id}/checks", headers=auth("biller"))
    assert response.status_code == 200, response.json
    out: dict[str, list[dict]] = {}
    for finding in response.json["findings"]:
        out.setdefault(finding["rule"], []).append(finding)
    return out


# ------------------------------------------------------------------------------ kinds


def test_patch_kind_by_a_biller_sets_person_clears_review_and_rereads_facts(app, client, auth, scripted_engine, new_case,
                                                                          upload_text, monkeypatch):
    import docservice.facts as facts_package

    reread = []
    extract = facts_package.extract_case_facts
    monkeypatch.setattr(facts_package, "extract_case_facts",
                        lambda session, case: reread.append(case.id) or extract(session, case))
    scripted_engine.classification = Classification("chart_note", 0.46, ("chart_note 0.46; next referral 0.41",), review=True,
                                           reason="not sure: chart_note 0.46 vs referral 0.41")
    case_id = new_case()
    document = upload_text(case_id, *ROE_STUDY).json
    assert (document["kind"], document["kind_review"]) == ("chart_note", True)
    assert document["reason"] == "kind not sure: chart_note 0.46 vs referral 0.41"
    assert facts_of(client, auth, case_id)
    reread.clear()

    response = client.patch(f"/api/v1/documents/{document['id']}", json={"kind": "sleep_study"}, headers=auth("biller"))
    assert response.status_code == 200, response.json
    answer = response.json
    assert (answer["kind"], answer["kind_source"], answer["kind_review"], answer["kind_confidence"]) == (
        "sleep_study", "person", False, None)
    assert answer["reason"] == ""
    assert reread == [case_id]  # the case's facts were read again, in the same request
    assert document["id"] in document_ids_with_facts(client, auth, case_id)
    with app.app_context():
        entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "document.update")).one()
        assert entry.detail["kind_was"] == "chart_note" and entry.actor == "biller-user"


def test_patch_kind_unknown_is_422_naming_every_kind(client, auth, new_case, upload_text):
    document = upload_text(new_case(), *ROE_STUDY).json
    response = client.patch(f"/api/v1/documents/{document['id']}", json={"kind": "xray"}, headers=auth("assistant"))
    assert response.status_code == 422
    message = response.json["errors"]["kind"][0]
    assert "'xray'" in message
    assert all(kind in message for kind in KINDS)
    assert client.get(f"/api/v1/documents/{document['id']}", headers=auth("biller")).json["kind"] == "chart_note"


def test_who_may_correct_what(client, auth, new_case, upload_text):
    document = upload_text(new_case(), *ROE_STUDY).json
    url = f"/api/v1/documents/{document['id']}"
    for role in ("assistant", "biller", "admin", "dentist"):
        assert client.patch(url, json={"kind": "sleep_study"}, headers=auth(role)).status_code == 200, role
    assert client.patch(url, json={"kind": "sleep_study"}, headers=auth("service")).status_code == 403
    other = new_case(apt_num=1002, pat_num=502)
    refused = client.patch(url, json={"case_id": other}, headers=auth("biller"))
    assert refused.status_code == 403 and "documents:write" in refused.json["message"]


def test_a_kind_a_person_gave_is_not_replaced_by_the_classifier(app, client, auth, scripted_engine, new_case, upload_text):
    from docservice.jobs.tasks import finish_document

    document = upload_text(new_case(), *ROE_STUDY).json
    client.patch(f"/api/v1/documents/{document['id']}", json={"kind": "sleep_study"}, headers=auth("assistant"))
    with app.app_context():
        db.session.execute(Document.__table__.update().values(finished_at=None))
        db.session.commit()
        finish_document(document["id"])
        assert db.session.get(Document, document["id"]).kind == "sleep_study"


# ------------------------------------------------------------------------------ patient identity


def test_identity_match_mismatch_and_unknown_on_upload(client, auth, new_case, upload_text):
    case_id = new_case()
    same = upload_text(case_id, *ROE_STUDY, variant=1).json
    assert same["identity"] == "match"
    assert same["identity_detail"]["read"] == {"names": ["ROE, JANE M"], "birthdates": ["1970-01-31"]}
    assert same["identity_detail"]["compared_to"] == {"name": "Jane Roe", "birthdate": "1970-01-31"}
    wrong_dob = upload_text(case_id, "Patient: Roe, Jane\nDOB: 02/01/1970\nProgress note", variant=2).json
    assert (wrong_dob["identity"], wrong_dob["identity_detail"]["birthdate"]) == ("mismatch", "mismatch")
    silent = upload_text(case_id, "Results\nREI 18 events/hour.", variant=3).json
    assert silent["identity"] == "unknown"
    loose = upload_text(None, *ROE_STUDY, variant=4).json
    assert loose["identity"] == "unchecked"  # no case, no patient to compare with


def test_another_patients_study_gives_no_facts_and_an_error_until_confirmed(app, client, auth, new_case, upload_text):
    case_id = new_case()
    document = upload_text(case_id, *OTHER_STUDY, name="beta-study.pdf").json
    assert document["identity"] == "mismatch"
    assert document["id"] not in document_ids_with_facts(client, auth, case_id)
    assert not [fact for fact in facts_of(client, auth, case_id) if fact["name"] == "ahi"]

    (finding,) = rules(client, auth, case_id)["document-wrong-patient"]
    assert finding["severity"] == "error"
    assert f"Document {document['id']} (beta-study.pdf)" in finding["message"]
    assert "name and date of birth" in finding["message"]
    assert "Beta" not in finding["message"] + finding["fix"] + str(finding["evidence"])  # never the other patient

    response = client.patch(f"/api/v1/documents/{document['id']}", json={"identity": "confirmed"},
                            headers=auth("assistant"))
    assert response.status_code == 200 and response.json["identity"] == "confirmed"
    ahi = [fact for fact in facts_of(client, auth, case_id) if fact["name"] == "ahi"]
    assert [(fact["value"], fact["document_id"]) for fact in ahi] == [(31.0, document["id"])]
    assert "document-wrong-patient" not in rules(client, auth, case_id)
    with app.app_context():
        entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "document.identity_confirm")).one()
        assert (entry.resource_id, entry.detail, entry.actor) == (
            document["id"], {"case_id": case_id, "was": "mismatch"}, "assistant-user")


def test_confirming_a_document_without_a_case_is_409(client, auth, upload_text):
    document = upload_text(None, *OTHER_STUDY).json
    response = client.patch(f"/api/v1/documents/{document['id']}", json={"identity": "confirmed"},
                            headers=auth("assistant"))
    assert response.status_code == 409 and response.json["code"] == "no_case"


def test_moving_a_document_checks_it_again_and_rereads_both_cases(client, auth, new_case, upload_text):
    roe = new_case()
    beta = new_case(apt_num=1002, pat_num=502, patient=BETA)
    document = upload_text(roe, *OTHER_STUDY).json
    assert document["identity"] == "mismatch"

    moved = client.patch(f"/api/v1/documents/{document['id']}", json={"case_id": beta}, headers=auth("assistant"))
    assert moved.status_code == 200
    assert (moved.json["case_id"], moved.json["identity"]) == (beta, "match")
    assert document["id"] in document_ids_with_facts(client, auth, beta)
    assert document["id"] not in document_ids_with_facts(client, auth, roe)
    assert "document-wrong-patient" not in rules(client, auth, roe)

    back = client.patch(f"/api/v1/documents/{document['id']}", json={"case_id": roe}, headers=auth("assistant"))
    assert back.json["identity"] == "mismatch"  # a confirmation or match belongs to the case it was made in
    assert document["id"] not in document_ids_with_facts(client, auth, beta)
    detached = client.patch(f"/api/v1/documents/{document['id']}", json={"case_id": None}, headers=auth("assistant"))
    assert (detached.json["case_id"], detached.json["identity"]) == (None, "unchecked")


def test_a_changed_patient_on_the_case_checks_its_documents_again(client, auth, new_case, upload_text):
    case_id = new_case()
    document = upload_text(case_id, *OTHER_STUDY).json
    assert document["identity"] == "mismatch"
    new_case(patient=BETA)  # the flagger posts the appointment again: the patient was corrected
    again = client.get(f"/api/v1/documents/{document['id']}", headers=auth("biller")).json
    assert again["identity"] == "match"
    assert document["id"] in document_ids_with_facts(client, auth, case_id)


# ------------------------------------------------------------------------------ duplicates


def test_the_same_file_twice_in_a_case_is_one_document(app, client, auth, new_case, pdf_bytes):
    import io

    case_id = new_case()
    url = f"/api/v1/cases/{case_id}/documents"
    data = pdf_bytes(2)  # made once: the PDF writer stamps the time, so two calls may differ
    first = client.post(url, data={"file": (io.BytesIO(data), "study.pdf")}, headers=auth("assistant"))
    second = client.post(url, data={"file": (io.BytesIO(data), "study-again.pdf")}, headers=auth("assistant"))
    assert first.status_code == 202 and "X-MedLane-Already-Stored" not in first.headers
    assert second.status_code == 200
    assert second.headers["X-MedLane-Already-Stored"] == str(first.json["id"])
    assert (second.json["id"], second.json["filename"]) == (first.json["id"], "study.pdf")
    by_field = client.post("/api/v1/documents", data={"file": (io.BytesIO(data), "x.pdf"), "case_id": str(case_id)},
                           headers=auth("assistant"))
    assert (by_field.status_code, by_field.json["id"]) == (200, first.json["id"])
    listed = client.get(url, headers=auth("biller")).json
    assert [document["id"] for document in listed] == [first.json["id"]]

    other_case = new_case(apt_num=1002, pat_num=502)
    elsewhere = client.post(f"/api/v1/cases/{other_case}/documents", data={"file": (io.BytesIO(data), "s.pdf")},
                            headers=auth("assistant"))
    assert elsewhere.status_code == 202 and elsewhere.json["id"] != first.json["id"]
    assert elsewhere.json["sha256"] == first.json["sha256"]  # one stored original, two documents
    with app.app_context():
        assert len(db.session.scalars(select(Document)).all()) == 2
        assert db.session.scalars(select(AuditEntry).where(AuditEntry.action == "document.duplicate")).all()
