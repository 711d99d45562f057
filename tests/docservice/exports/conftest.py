"""Fixtures of the export tests: a configured practice and a sleep case that is ready to export.

The case is made as the office makes it, but without OCR: documents are stored as finished
searchable PDFs (fpdf2, born digital) with their facts, then the biller builds the claim and the
dentist drafts and signs the narrative through the API. Every person in it is synthetic.
"""
from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Callable
from datetime import date, datetime

import pytest
from fpdf import FPDF

from docservice.extensions import db, storage
from docservice.models import Case, Document, Fact, InsurancePlan, Page, Procedure

SLEEP_FACTS = [
    ("sleep_study", "ahi", 22.0), ("sleep_study", "respiratory_events", 140),
    ("sleep_study", "sleep_study_date", "2026-01-10"), ("sleep_study", "sleep_study_type", "psg"),
    ("sleep_study", "interpreting_physician", {"name": "Test Sleep Reader", "npi": "1234567893"}),
    ("physician_order", "ordering_physician", {"name": "Test Ordering Doctor", "npi": "1245319599"}),
    ("physician_order", "order_date", "2026-01-20"), ("chart_note", "cpap_intolerance", True),
    ("chart_note", "epworth", 14), ("chart_note", "sleep_symptom", "daytime_sleepiness"),
    ("chart_note", "functional_impairment", "falls asleep while driving"),
    ("chart_note", "chief_complaint", "loud snoring and tiredness"),
]
DOCUMENT_TEXT = {
    "physician_order": ["Physician order", "Custom oral appliance for obstructive sleep apnea, G47.33.",
                        "Ordering physician: Test Ordering Doctor, NPI 1245319599. Date 01/20/2026."],
    "sleep_study": ["Polysomnography report", "AHI 22.0 events per hour; 140 respiratory events.",
                    "Study date 01/10/2026. Interpreting physician Test Sleep Reader, NPI 1234567893."],
    "chart_note": ["Chart note", "Patient cannot tolerate CPAP. Epworth 14.", "Daytime sleepiness reported."],
}


def make_pdf(lines: list[str], *, pages: int = 1) -> bytes:
    pdf = FPDF(format="Letter")
    pdf.set_creation_date(datetime(2026, 1, 1))
    pdf.set_font("Helvetica", size=12)
    for number in range(pages):
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 8, f"Sheet {number + 1}", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@pytest.fixture
def configure(client, auth, practice_settings) -> Callable[..., dict]:
    """configure(**changes): PUT the complete practice settings, with top-level keys replaced."""

    def put(**changes) -> dict:
        answer = client.put("/api/v1/settings", json={**practice_settings, **changes}, headers=auth("admin"))
        assert answer.status_code == 200, answer.get_json()
        return answer.get_json()

    return put


@pytest.fixture
def make_ready_case(app, client, auth, configure) -> Callable[..., int]:
    """make_ready_case(**options) -> the id of a sleep case whose checks have no error.

    Options: kinds (documents to attach), sign (False leaves the narrative unsigned),
    address (False leaves the patient's address off), apt_num.
    """

    def make(*, kinds=("chart_note", "sleep_study", "physician_order"), sign=True, address=True,
             apt_num: int = 9001, pages: int = 1) -> int:
        configure()
        with app.app_context():
            case = Case(practice="test", apt_num=apt_num, pat_num=apt_num + 1, apt_start=datetime(2026, 3, 2, 9),
                        apt_provider="DOC1", patient_name="Testperson, Alpha", patient_birthdate=date(1960, 4, 11),
                        patient_gender="Female", category="sleep", categories=[{"category": "sleep"}],
                        patient_address={"line1": "1 Synthetic Rd", "city": "Testville", "state": "OH",
                                         "zip": "43001"} if address else {},
                        status="in_progress")
            case.procedures = [Procedure(position=0, proc_num=apt_num * 10, code="D9947",
                                         descript="custom sleep appliance", fee=1950)]
            case.insurance = [InsurancePlan(position=0, kind="medical", carrier="Example Health Plan",
                                            plan="PPO", group_number="GRP-1", subscriber_id="XMB123456789",
                                            ordinal=1)]
            db.session.add(case)
            db.session.flush()
            documents = {kind: _stored_document(case, kind, pages=pages) for kind in kinds}
            for kind, name, value in SLEEP_FACTS:
                document = documents.get(kind)
                db.session.add(Fact(case=case, document_id=document.id if document else None, page=1,
                                    source="document" if document else "person", name=name, value=value,
                                    display=str(value), snippet=str(value)))
            db.session.commit()
            case_id = case.id
        base = f"/api/v1/cases/{case_id}"
        assert client.post(f"{base}/claim", headers=auth("biller")).status_code == 201
        drafted = client.post(f"{base}/narrative", headers=auth("dentist")).get_json()
        # What the dentist does with a value the records lack: writes it into the letter.
        body = re.sub(r"\[MISSING: [^\]]*\]", "as examined", drafted["body"])
        assert client.patch(f"{base}/narrative", json={"body": body}, headers=auth("dentist")).status_code == 200
        if sign:
            signed = client.post(f"{base}/narrative/sign", json={"credentials": "DDS"}, headers=auth("dentist"))
            assert signed.status_code == 200, signed.get_json()
        return case_id

    return make


def _stored_document(case: Case, kind: str, *, pages: int) -> Document:
    data = make_pdf([f"{line}" for line in DOCUMENT_TEXT.get(kind, [kind.replace('_', ' ').title()])], pages=pages)
    digest = hashlib.sha256(data).hexdigest()
    store = storage.store
    original = store.original_path(digest)
    original.parent.mkdir(parents=True, exist_ok=True)
    original.write_bytes(data)
    document = Document(case=case, sha256=digest, size=len(data), media_type="application/pdf",
                        filename=f"{kind}.pdf", kind=kind, kind_source="upload", status="done",
                        pages_total=pages, text="\n".join(DOCUMENT_TEXT.get(kind, [])))
    db.session.add(document)
    db.session.flush()
    derived = store.derived_dir(document.id)
    derived.mkdir(parents=True, exist_ok=True)
    searchable = derived / "searchable.pdf"
    searchable.write_bytes(data)
    document.pdf_path = store.relative(searchable)
    document.pages = [Page(index=i, status="done", text="", image_kind="born_digital") for i in range(pages)]
    return document


@pytest.fixture
def add_document(app) -> Callable[[int, str], int]:
    """add_document(case_id, kind) -> the id of a new finished document on the case."""

    def add(case_id: int, kind: str) -> int:
        with app.app_context():
            document = _stored_document(db.session.get(Case, case_id), kind, pages=1)
            db.session.commit()
            return document.id

    return add


@pytest.fixture
def open_zip() -> Callable[[bytes], zipfile.ZipFile]:
    return lambda data: zipfile.ZipFile(io.BytesIO(data))


@pytest.fixture
def od_sandbox(monkeypatch):
    """A sandbox Open Dental on loopback holding the ready case's patient (9002) and appointment (9001),
    with the service pointed at it through the environment as an install would be."""
    from plugin.sandbox.server import SandboxServer
    from plugin.sandbox.settings import SandboxSettings

    seed = {
        "providers": [{"ProvNum": 1, "Abbr": "DOC1"}],
        "patients": [{"PatNum": 9002, "LName": "Testperson", "FName": "Alpha", "PriProv": 1}],
        "appointments": [{"AptNum": 9001, "PatNum": 9002, "AptStatus": "Scheduled",
                          "AptDateTime": "2026-03-02 09:00:00"}],
        "apptfielddefs": [{"ApptFieldDefNum": 1, "FieldName": "MedLane"}],
    }
    server = SandboxServer(seed, settings=SandboxSettings()).start()
    monkeypatch.setenv("MEDLANE_PMS_URL", server.url)
    monkeypatch.setenv("MEDLANE_OD_DEVELOPER_KEY", server.settings.developer_key)
    monkeypatch.setenv("MEDLANE_OD_CUSTOMER_KEY", server.settings.customer_key)
    yield server
    server.stop()
