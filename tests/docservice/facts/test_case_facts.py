"""Stored facts: the API (SQLite and PostgreSQL), re-reading a case, and the hook after OCR."""
from __future__ import annotations

import io
import logging

import pytest
from sqlalchemy import select

from docservice.extensions import db
from docservice.facts import extract_case_facts
from docservice.models import Case, Fact

from tests.docservice import samples
from tests.docservice.fakes import FakeEngine

SLEEP_PAGES = (
    "Sleep Center of Test Town\nHome Sleep Apnea Test report\nDate of study: 03/14/2026",
    "Results\nREI 18 events/hour. Total events: 112.\nPatient denies witnessed apneas.",
    "Interpreting physician: Dr. Test Sleepwell, MD NPI 1234567893\nElectronically signed by Test Sleepwell, MD",
)


class TextEngine(FakeEngine):
    """OCR that reads the given text on each page (page i gets texts[i], the rest read nothing)."""

    def __init__(self, texts=SLEEP_PAGES):
        self.texts = texts

    def process_page(self, src, index, *, workdir, timeout):
        result = super().process_page(src, index, workdir=workdir, timeout=timeout)
        text = self.texts[index] if index < len(self.texts) else ""
        return type(result)(**{**result.__dict__, "text": text})


@pytest.fixture
def app(make_app):
    return make_app(OCR_ENGINE=TextEngine())


def new_case(client, auth, **changes) -> int:
    return client.post("/api/v1/cases", json=samples.case_body(**changes), headers=auth("service")).json["id"]


def upload(client, auth, case_id: int, pages: int = 3):
    data = {"file": (io.BytesIO(samples.blank_pdf(pages)), "study.pdf"), "case_id": str(case_id)}
    response = client.post("/api/v1/documents", data=data, headers=auth("dentist"))
    assert response.status_code in (201, 202), response.json
    return response.json


def by_name(facts: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for fact in facts:
        out.setdefault(fact["name"], []).append(fact)
    return out


def test_document_finishing_ocr_fills_the_case_facts(client, auth):
    case_id = new_case(client, auth)
    document = upload(client, auth, case_id)
    facts = client.get(f"/api/v1/cases/{case_id}/facts", headers=auth("biller"))
    assert facts.status_code == 200
    found = by_name(facts.json)
    (ahi,) = found["ahi"]
    assert (ahi["value"], ahi["page"], ahi["document_id"], ahi["source"]) == (18.0, 2, document["id"], "document")
    assert ahi["snippet"] == "REI 18 events/hour." and ahi["present"] is True
    assert found["sleep_study_date"][0]["value"] == "2026-03-14" and found["sleep_study_date"][0]["page"] == 1
    assert found["interpreting_physician"][0]["value"] == {"name": "Test Sleepwell", "npi": "1234567893"}
    # The appointment note ("Pt reports snoring") is read too, without a document.
    notes = [fact for fact in facts.json if fact["source"] == "appointment"]
    assert any(fact["value"] == "snoring" and fact["document_id"] is None for fact in notes)
    denied = [fact for fact in found["sleep_symptom"] if fact["value"] == "witnessed_apneas"]
    assert denied and denied[0]["negated"] is True and denied[0]["present"] is False


def test_document_without_case_makes_no_facts(app, client, auth):
    response = client.post(
        "/api/v1/documents", data={"file": (io.BytesIO(samples.blank_pdf(1)), "a.pdf")}, headers=auth("dentist")
    )
    assert response.status_code in (201, 202)
    with app.app_context():
        assert db.session.scalars(select(Fact)).all() == []


def test_failing_extraction_does_not_fail_the_ocr_job(app, client, auth, monkeypatch, caplog):
    import docservice.facts as facts_package

    def explode(session, case):
        raise RuntimeError("Test Patient Alpha text must not be logged")

    monkeypatch.setattr(facts_package, "extract_case_facts", explode)
    case_id = new_case(client, auth)
    with caplog.at_level(logging.ERROR):
        document = upload(client, auth, case_id)
    read = client.get(f"/api/v1/documents/{document['id']}", headers=auth("dentist")).json
    assert read["status"] == "done"
    assert f"case {case_id}" in caplog.text and "RuntimeError" in caplog.text
    assert "Test Patient Alpha" not in caplog.text


def test_extract_replaces_document_facts_and_keeps_person_facts(app, client, auth):
    case_id = new_case(client, auth)
    upload(client, auth, case_id)
    with app.app_context():
        db.session.add(Fact(case_id=case_id, name="ahi", value=25.0, source="person", display="ahi: 25"))
        db.session.commit()
        before = db.session.scalars(select(Fact).where(Fact.source != "person")).all()
        count = len(before)
    response = client.post(f"/api/v1/cases/{case_id}/facts/extract", headers=auth("biller"))
    assert response.status_code == 200
    sources = [fact["source"] for fact in response.json]
    assert sources.count("person") == 1
    assert len(sources) - 1 == count  # read again, not added twice


def test_extract_needs_review_or_claims_permission(client, auth):
    case_id = new_case(client, auth)
    assert client.post(f"/api/v1/cases/{case_id}/facts/extract", headers=auth("service")).status_code == 403
    assert client.post(f"/api/v1/cases/{case_id}/facts/extract", headers=auth("assistant")).status_code == 200
    assert client.get(f"/api/v1/cases/{case_id}/facts", headers=auth("service")).status_code == 403


def test_unknown_case_is_a_clear_404(client, auth):
    for response in (
        client.get("/api/v1/cases/999/facts", headers=auth("dentist")),
        client.post("/api/v1/cases/999/facts/extract", headers=auth("dentist")),
    ):
        assert response.status_code == 404
        assert response.json["code"] == "not_found" and "999" in response.json["message"]


def test_extract_case_facts_reads_only_finished_documents(app, client, auth):
    case_id = new_case(client, auth, appointment={"start": "2026-03-02T09:00:00", "note": ""})
    upload(client, auth, case_id)
    with app.app_context():
        case = db.session.get(Case, case_id)
        case.documents[0].status = "processing"
        assert extract_case_facts(db.session, case) == []
        case.documents[0].status = "needs_review"
        facts = extract_case_facts(db.session, case)
        assert {fact.name for fact in facts} >= {"ahi", "sleep_study_date"}
        db.session.rollback()


LETTER_PAGES = (
    "Test Imaging and Oncology Group\nDear Doctor,\nIMPRESSION: Expansile lesion of the left mandible.",
    "Kindly evaluate before surgery.\nSincerely,\nTest Surgeon Example, MD\nNPI 1234567893",
)


@pytest.mark.parametrize(("kind", "impression", "referral"), [
    ("radiology_report", True, False),
    ("referral", False, True),
    ("sleep_study", False, False),
])
def test_document_kind_decides_what_its_words_mean(app, client, auth, kind, impression, referral):
    """An IMPRESSION is a radiology impression only in a radiology report; a letter's signer (page 2,
    under the head of page 1) is the referral source only in a referral."""
    app.config["OCR_ENGINE"].texts = LETTER_PAGES
    case_id = new_case(client, auth, appointment={"start": "2026-03-02T09:00:00", "note": ""})
    upload(client, auth, case_id, pages=2)
    with app.app_context():
        case = db.session.get(Case, case_id)
        case.documents[0].kind = kind
        names = {fact.name for fact in extract_case_facts(db.session, case) if not fact.negated}
        db.session.rollback()
    assert ("radiology_impression" in names) is impression
    assert ("referral_source" in names) is referral
