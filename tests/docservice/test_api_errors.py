"""Errors answered in one place: each mapped error class gives one status and a message a person can
read, from any blueprint; an unexpected exception gives a 500 without a traceback."""
from __future__ import annotations

from datetime import datetime

import pytest

from crosswalks import CrosswalkError
from docservice.api.errors import ANSWERS
from docservice.case_status import SubmissionRefused
from docservice.checks.findings import Finding
from docservice.claimforms.cms1500.errors import Cms1500Error
from docservice.claimforms.x837p.errors import ClaimFormatError
from docservice.claims.edits import EditRejected
from docservice.errors import UploadRejected, UserError
from docservice.evidence import EvidenceRejected
from docservice.visits import VisitConflict
from docservice.exports.errors import ExportFailed, ExportRefused
from docservice.extensions import db
from docservice.models import Case
from docservice.narratives import NarrativeRefused, PdfFontError
from docservice.opendental.errors import PmsWriteError
from docservice.packets.errors import PacketError
from docservice.settings import SettingsInvalid

FINDING = Finding(rule="attachment-missing", severity="error", message="The sleep study is not attached.",
                  fix="Upload it.")
# class -> (an instance as the code raises it, status, code, what the message says, extra body key)
EXAMPLES = {
    UploadRejected: (UploadRejected("The file is empty.", code="empty_file", status=400), 400, "empty_file",
                     "The file is empty.", None),
    SettingsInvalid: (SettingsInvalid({"billing_provider.npi": ["Not a valid NPI."]}), 422, "settings_invalid",
                      "see errors", "errors"),
    EditRejected: (EditRejected({"pointers": ["Diagnosis 3 does not exist."]}), 422, "unprocessable_entity",
                   "see errors", "errors"),
    EvidenceRejected: (EvidenceRejected({"fact": ["'x' is not a fact MedLane knows."]}), 422,
                       "unprocessable_entity", "see errors", "errors"),
    UserError: (UserError("A user named 'x' already exists."), 409, "conflict", "already exists", None),
    VisitConflict: (VisitConflict("Appointment 1002 is already case 3's own appointment."), 409, "visit_conflict",
                    "already case 3", None),
    NarrativeRefused: (NarrativeRefused("The narrative is already signed.", code="narrative_signed"), 409,
                       "narrative_signed", "already signed", None),
    SubmissionRefused: (SubmissionRefused("Case 1 cannot be marked submitted.", findings=[FINDING]), 409,
                        "not_ready", "cannot be marked submitted", "findings"),
    ExportRefused: (ExportRefused("Case 1 is not ready to export.", findings=[FINDING]), 409, "not_ready",
                    "not ready to export", "findings"),
    ClaimFormatError: (ClaimFormatError("Claim ML0000001: the member id is too long."), 409, "claim_format",
                       "member id", None),
    Cms1500Error: (Cms1500Error("Box 21 holds at most 12 diagnoses."), 409, "claim_format", "Box 21", None),
    PacketError: (PacketError("Document 3 is password-protected; upload an unprotected copy."), 409,
                  "packet_not_built", "password-protected", None),
    PmsWriteError: (PmsWriteError("Open Dental answered 500 to the upload.", status=500), 502,
                    "open_dental_failed", "Open Dental", None),
    CrosswalkError: (CrosswalkError(["flag_procedures.csv row 3: D9999 is not a CDT code"]), 503,
                     "crosswalk_invalid", "crosswalk", None),
    PdfFontError: (PdfFontError("The fallback PDF font cannot print the text."), 503, "pdf_font_missing",
                   "font", None),
    ExportFailed: (ExportFailed("MedLane wrote an 837P that does not validate. Please report this."), 500,
                   "export_failed", "Please report this", None),
}


@pytest.fixture
def raising_app(make_app):
    """An app that answers as in production (exceptions are not re-raised to the test client), with a
    test-only route raising EXAMPLES[name] or, for "unexpected", a RuntimeError."""
    app = make_app(PROPAGATE_EXCEPTIONS=False)
    by_name = {error_class.__name__: example for error_class, (example, *_) in EXAMPLES.items()}

    def raise_it(name):
        raise by_name.get(name) or RuntimeError("secret internals at /srv/medlane/db.py line 12")

    app.add_url_rule("/api/v1/test-only/raise/<name>", view_func=raise_it)
    return app


def test_every_mapped_error_class_is_tested_here():
    assert set(EXAMPLES) == set(ANSWERS)


@pytest.mark.parametrize("error_class", list(EXAMPLES), ids=lambda error_class: error_class.__name__)
def test_each_mapped_error_gives_its_status_and_a_readable_message(raising_app, error_class):
    _, status, code, says, extra = EXAMPLES[error_class]
    response = raising_app.test_client().get(f"/api/v1/test-only/raise/{error_class.__name__}")
    assert response.status_code == status
    body = response.get_json()
    assert (body["status"], body["code"]) == (status, code)
    assert says in body["message"]
    assert "Traceback" not in response.get_data(as_text=True)
    if extra:
        assert body[extra]


def test_the_crosswalks_problems_go_to_the_log_not_to_the_caller(raising_app, caplog):
    response = raising_app.test_client().get("/api/v1/test-only/raise/CrosswalkError")
    assert "flag_procedures.csv" not in response.get_data(as_text=True)
    assert "try again" in response.get_json()["message"]
    assert "flag_procedures.csv" in caplog.text


def test_an_unexpected_exception_is_a_500_without_a_traceback(raising_app):
    response = raising_app.test_client().get("/api/v1/test-only/raise/unexpected")
    assert response.status_code == 500
    body = response.get_json()
    assert body["code"] == "internal_server_error" and body["status"] == 500
    text = response.get_data(as_text=True)
    assert "secret internals" not in text and "Traceback" not in text and "/srv/" not in text


@pytest.fixture
def case_id(raising_app) -> int:
    with raising_app.app_context():
        case = Case(practice="test", apt_num=1, pat_num=2, apt_start=datetime(2027, 1, 4, 9), category="sleep")
        db.session.add(case)
        db.session.commit()
        return case.id


@pytest.mark.parametrize(("module", "method", "tail"), [
    ("claims", "post", "/claim"), ("checks", "get", "/checks"), ("narratives", "post", "/narrative")])
def test_a_crosswalk_that_does_not_load_is_503_on_every_blueprint(raising_app, auth_for, case_id, monkeypatch,
                                                                    module, method, tail):
    """It was a 503 on narratives only, and a bare 500 on claims and checks."""
    def broken():
        raise CrosswalkError(["flag_problems.csv row 9: bad ICD-10-CM code"])

    monkeypatch.setattr(f"docservice.api.{module}.load_crosswalk", broken)
    response = getattr(raising_app.test_client(), method)(f"/api/v1/cases/{case_id}{tail}",
                                                          headers=auth_for(raising_app, "admin"))
    assert response.status_code == 503
    assert response.get_json()["code"] == "crosswalk_invalid"
