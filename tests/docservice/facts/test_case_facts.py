"""Stored facts: the API (SQLite and PostgreSQL), re-reading a case, and the hook after OCR."""
from __future__ import annotations

import io
from datetime import date
import logging

import pytest
from sqlalchemy import select

from docservice.extensions import db
from docservice.facts import extract_case_facts
from docservice.facts.store import document_date
from docservice.models import Case, Fact

SLEEP_PAGES = (
    "Sleep Center of Test Town\nHome Sleep Apnea Test report\nDate of study: 03/14/2026",
    "Results\nREI 18 events/hour. Total events: 112.\nPatient denies witnessed apneas.",
    "Interpreting physician: Dr. Test Sleepwell, MD NPI 1234567893\nElectronically signed by Test Sleepwell, MD",
)


pytestmark = pytest.mark.scripted_ocr


@pytest.fixture(autouse=True)
def _sleep_study_pages(scripted_engine):
    """OCR reads SLEEP_PAGES (page i reads SLEEP_PAGES[i], the rest read nothing)."""
    scripted_engine.texts = list(SLEEP_PAGES)


@pytest.fixture
def post_case_id(case_body):
    """post_case_id(client, auth, **changes) -> the id of case_body(**changes), posted by the flagger."""

    def post(client, auth, **changes) -> int:
        return client.post("/api/v1/cases", json=case_body(**changes), headers=auth("service")).json["id"]

    return post


@pytest.fixture
def upload(samples):
    """upload(client, auth, case_id, pages=3) -> the answer to a dentist uploading a blank scan to the case."""

    def post(client, auth, case_id: int, pages: int = 3):
        data = {"file": (io.BytesIO(samples.blank_pdf(pages)), "study.pdf"), "case_id": str(case_id)}
        response = client.post("/api/v1/documents", data=data, headers=auth("dentist"))
        assert response.status_code in (201, 202), response.json
        return response.json

    return post


def by_name(facts: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for fact in facts:
        out.setdefault(fact["name"], []).append(fact)
    return out


def test_document_finishing_ocr_fills_the_case_facts(post_case_id, upload, client, auth):
    case_id = post_case_id(client, auth)
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


def test_document_without_case_makes_no_facts(samples, app, client, auth):
    response = client.post(
        "/api/v1/documents", data={"file": (io.BytesIO(samples.blank_pdf(1)), "a.pdf")}, headers=auth("dentist")
    )
    assert response.status_code in (201, 202)
    with app.app_context():
        assert db.session.scalars(select(Fact)).all() == []


def test_failing_extraction_does_not_fail_the_ocr_job(post_case_id, upload, app, client, auth, monkeypatch, caplog):
    import docservice.facts as facts_package

    def explode(session, case):
        raise RuntimeError("Test Patient Alpha text must not be logged")

    monkeypatch.setattr(facts_package, "extract_case_facts", explode)
    case_id = post_case_id(client, auth)
    with caplog.at_level(logging.ERROR):
        document = upload(client, auth, case_id)
    read = client.get(f"/api/v1/documents/{document['id']}", headers=auth("dentist")).json
    assert read["status"] == "done"
    assert f"case {case_id}" in caplog.text and "RuntimeError" in caplog.text
    assert "Test Patient Alpha" not in caplog.text


def test_extract_replaces_document_facts_and_keeps_person_facts(post_case_id, upload, app, client, auth):
    case_id = post_case_id(client, auth)
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


def test_extract_needs_review_or_claims_permission(post_case_id, client, auth):
    case_id = post_case_id(client, auth)
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


def test_extract_case_facts_reads_only_finished_documents(post_case_id, upload, app, client, auth):
    case_id = post_case_id(client, auth, appointment={"start": "2026-03-02T09:00:00", "note": ""})
    upload(client, auth, case_id)
    with app.app_context():
        case = db.session.get(Case, case_id)
        case.documents[0].status = "processing"
        assert [fact for fact in extract_case_facts(db.session, case) if fact.source == "document"] == []
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
def test_document_kind_decides_what_its_words_mean(post_case_id, upload, app, client, auth, kind, impression, referral):
    """An IMPRESSION is a radiology impression only in a radiology report; a letter's signer (page 2,
    under the head of page 1) is the referral source only in a referral."""
    app.config["OCR_ENGINE"].texts = LETTER_PAGES
    case_id = post_case_id(client, auth, appointment={"start": "2026-03-02T09:00:00", "note": ""})
    upload(client, auth, case_id, pages=2)
    with app.app_context():
        case = db.session.get(Case, case_id)
        case.documents[0].kind = kind
        names = {fact.name for fact in extract_case_facts(db.session, case) if not fact.negated}
        db.session.rollback()
    assert ("radiology_impression" in names) is impression
    assert ("referral_source" in names) is referral


def test_the_visit_that_charts_the_appliance_dates_its_delivery(post_case_id, client, auth):
    """A DME item's date of service is its delivery: the visit carrying D9947 is a reading of the delivery date."""
    case_id = post_case_id(client, auth, appointment={"start": "2026-03-02T09:00:00", "note": ""})
    facts = by_name(client.post(f"/api/v1/cases/{case_id}/facts/extract", headers=auth("biller")).json)
    assert [(fact["value"], fact["source"]) for fact in facts["delivery_date"]] == [("2026-03-02", "appointment")]
    exam = [{"proc_num": 1, "code": "D0150", "tooth": "", "surface": "", "descript": "exam", "fee": 90.0}]
    other = post_case_id(client, auth, apt_num=90210, procedures=exam,
                         appointment={"start": "2026-03-02T09:00:00", "note": ""})
    facts = by_name(client.post(f"/api/v1/cases/{other}/facts/extract", headers=auth("biller")).json)
    assert "delivery_date" not in facts


def test_a_report_that_states_no_study_date_is_dated_by_its_own_date(post_case_id, upload, app, client, auth):
    """evidence.yaml `document_dates`: a sleep report headed only by its date recorded that night; words
    that state the study date win, and another kind of document gets no study date from its head."""
    app.config["OCR_ENGINE"].texts = ["Sleep lab of Test Town\nDate: 02/20/2026\nOximetry and airflow recorded "
                                      "overnight.\nREI 14 events/hour."]
    case_id = post_case_id(client, auth, appointment={"start": "2026-03-02T09:00:00", "note": ""})
    upload(client, auth, case_id, pages=1)
    with app.app_context():
        case = db.session.get(Case, case_id)
        case.documents[0].kind = "sleep_study"
        dated = [f for f in extract_case_facts(db.session, case) if f.name == "sleep_study_date"]
        assert [(f.value, f.confidence < 0.9, "02/20/2026" in f.snippet) for f in dated] == [("2026-02-20", True, True)]
        case.documents[0].kind = "chart_note"
        assert not [f for f in extract_case_facts(db.session, case) if f.name == "sleep_study_date"]
        db.session.rollback()
    app.config["OCR_ENGINE"].texts = list(SLEEP_PAGES)  # "Date of study: 03/14/2026" in words
    other = post_case_id(client, auth, apt_num=90211, appointment={"start": "2026-03-20T09:00:00", "note": ""})
    upload(client, auth, other, pages=3)
    with app.app_context():
        case = db.session.get(Case, other)
        case.documents[0].kind = "sleep_study"
        dated = [f.value for f in extract_case_facts(db.session, case) if f.name == "sleep_study_date"]
        db.session.rollback()
    assert dated == ["2026-03-14"]


def test_a_document_is_not_dated_years_after_its_case():
    latest = date(2027, 3, 1)  # the case's visit and a year after it
    assert document_date("Sleep lab letter\nOn December 18, 40 minutes into the study...", latest=latest) is None
    assert document_date("Sleep lab letter\nDecember 18, 40 minutes in\nDate: 12/20/2025",
                         latest=latest) == date(2025, 12, 20)
