"""Documents: intake, background OCR (fake engine), results, the searchable PDF, and every bad upload."""
from __future__ import annotations

import hashlib
import io
import logging
import stat

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from docservice.extensions import db, jobs
from docservice.jobs.tasks import process_page
from docservice.models import AuditEntry, Document, Page


def upload(client, headers, data: bytes, name="scan.pdf", url="/api/v1/documents", **fields):
    return client.post(url, data={"file": (io.BytesIO(data), name), **fields}, headers=headers)


def stored_files(home) -> list:
    return [path for path in (home / "files").rglob("*") if path.is_file()]


def assert_nothing_stored(app, home):
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Document)) == 0
        assert db.session.scalar(select(func.count()).select_from(Page)) == 0
        assert db.session.scalars(select(AuditEntry).where(AuditEntry.resource == "document")).all() == []
    assert stored_files(home) == []
    assert list((home / "tmp").iterdir()) == []
    assert list((home / "derived").iterdir()) == []


# ------------------------------------------------------------------------------ happy path


def test_upload_runs_ocr_and_reports_every_page(samples, client, auth):
    response = upload(client, auth("assistant"), samples.blank_pdf(3))
    assert response.status_code == 202
    document = response.json
    assert document["media_type"] == "application/pdf"
    # The fake engine behind an immediate queue has already done the pages.
    assert (document["status"], document["pages_done"], document["pages_total"]) == ("done", 3, 3)
    assert [page["index"] for page in document["pages"]] == [0, 1, 2]
    assert all(page["status"] == "done" and page["mean_confidence"] == 91.5 for page in document["pages"])
    assert document["text"] == "page 1 of the fake scan\fpage 2 of the fake scan\fpage 3 of the fake scan"
    assert (document["kind"], document["kind_source"]) == ("chart_note", "classifier")

    again = client.get(f"/api/v1/documents/{document['id']}", headers=auth("biller")).json
    assert again["status"] == "done" and again["text"] == document["text"]

    pdf = client.get(f"/api/v1/documents/{document['id']}/pdf", headers=auth("biller"))
    assert pdf.status_code == 200
    assert pdf.mimetype == "application/pdf"
    assert len(PdfReader(io.BytesIO(pdf.data)).pages) == 3


def test_original_is_kept_byte_for_byte_by_content(samples, app, client, auth, home):
    data = samples.blank_pdf(2)
    first = upload(client, auth("dentist"), data).json
    second = upload(client, auth("dentist"), data, name="same-again.pdf").json
    digest = hashlib.sha256(data).hexdigest()
    assert first["sha256"] == second["sha256"] == digest
    assert first["id"] != second["id"]
    files = stored_files(home)
    assert files == [home / "files" / digest[:2] / digest]  # one copy for identical bytes
    assert files[0].read_bytes() == data
    assert not files[0].stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    original = client.get(f"/api/v1/documents/{first['id']}/original", headers=auth("biller"))
    assert original.data == data
    assert original.mimetype == "application/pdf"


@pytest.mark.parametrize(
    "data, name, media_type",  # data(samples) -> the bytes
    [(lambda s: s.png(), "scan.pdf", "image/png"), (lambda s: s.blank_pdf(), "photo.png", "application/pdf")],
    ids=["png-named-scan.pdf", "pdf-named-photo.png"],
)
def test_type_is_read_from_the_bytes_not_the_name(samples, client, auth, data, name, media_type):
    response = upload(client, auth("dentist"), data(samples), name=name)
    assert response.status_code == 202
    assert response.json["media_type"] == media_type


def test_upload_under_a_case(samples, client, auth):
    case = client.post("/api/v1/cases", json=samples.case_body(), headers=auth("service")).json
    response = upload(client, auth("dentist"), samples.blank_pdf(), url=f"/api/v1/cases/{case['id']}/documents",
                      kind="sleep_study")
    assert response.status_code == 202
    assert response.json["case_id"] == case["id"]
    assert (response.json["kind"], response.json["kind_source"]) == ("sleep_study", "upload")
    listed = client.get(f"/api/v1/cases/{case['id']}/documents", headers=auth("biller")).json
    assert [(d["id"], d["status"]) for d in listed] == [(response.json["id"], "done")]
    assert "text" not in listed[0]
    summary = client.get(f"/api/v1/cases/{case['id']}", headers=auth("biller")).json["documents"]
    assert summary[0]["id"] == response.json["id"]
    assert upload(client, auth("dentist"), samples.blank_pdf(), url="/api/v1/cases/999/documents").status_code == 404


def test_upload_with_case_id_field(samples, client, auth):
    case = client.post("/api/v1/cases", json=samples.case_body(), headers=auth("service")).json
    response = upload(client, auth("dentist"), samples.blank_pdf(), case_id=str(case["id"]))
    assert response.json["case_id"] == case["id"]
    missing = upload(client, auth("dentist"), samples.blank_pdf(), case_id="999")
    assert missing.status_code == 422
    assert "case_id" in missing.json["errors"]


def test_patch_attaches_a_document_and_corrects_its_kind(samples, client, auth):
    case = client.post("/api/v1/cases", json=samples.case_body(), headers=auth("service")).json
    document = upload(client, auth("dentist"), samples.blank_pdf()).json
    response = client.patch(
        f"/api/v1/documents/{document['id']}", json={"case_id": case["id"], "kind": "referral"}, headers=auth("dentist")
    )
    assert response.status_code == 200
    assert (response.json["case_id"], response.json["kind"], response.json["kind_source"]) == (
        case["id"], "referral", "person",  # a person's correction, never replaced by the classifier
    )


def test_unknown_document_is_404(client, auth):
    for path in ("/api/v1/documents/4242", "/api/v1/documents/4242/pdf", "/api/v1/documents/4242/original"):
        response = client.get(path, headers=auth("dentist"))
        assert response.status_code == 404
        assert response.json["code"] == "not_found"


def test_reads_of_documents_are_audited(samples, app, client, auth):
    document = upload(client, auth("dentist"), samples.blank_pdf()).json
    client.get(f"/api/v1/documents/{document['id']}", headers=auth("biller"))
    client.get(f"/api/v1/documents/{document['id']}/pdf", headers=auth("biller"))
    client.get(f"/api/v1/documents/{document['id']}/original", headers=auth("biller"))
    with app.app_context():
        actions = db.session.execute(
            select(AuditEntry.actor, AuditEntry.action).where(AuditEntry.resource_id == document["id"])
            .order_by(AuditEntry.id)
        ).all()
    assert actions == [
        ("dentist-user", "document.create"),
        ("worker", "document.process"),
        ("biller-user", "document.read"),
        ("biller-user", "document.pdf"),
        ("biller-user", "document.original"),
    ]


# ----------------------------------------------------------------------- the job lifecycle


def test_a_queued_document_reports_progress_until_workers_run(samples, make_app, auth_for, home):
    app = make_app(QUEUE_URL=f"sqlite:///{home / 'queue.db'}")  # a real queue, and no worker yet
    client, headers = app.test_client(), auth_for(app, "dentist")
    document = upload(client, headers, samples.blank_pdf(2)).json
    assert (document["status"], document["pages_done"], document["pages_total"]) == ("queued", 0, 2)
    not_ready = client.get(f"/api/v1/documents/{document['id']}/pdf", headers=headers)
    assert not_ready.status_code == 409
    assert not_ready.json["code"] == "not_ready"
    assert "0 of 2" in not_ready.json["message"]

    huey = jobs.huey(app)
    assert huey.pending_count() == 2
    huey.execute(huey.dequeue())  # one worker step: the first page
    midway = client.get(f"/api/v1/documents/{document['id']}", headers=headers).json
    assert (midway["status"], midway["pages_done"]) == ("processing", 1)
    huey.execute(huey.dequeue())
    done = client.get(f"/api/v1/documents/{document['id']}", headers=headers).json
    assert (done["status"], done["pages_done"]) == ("done", 2)
    assert client.get(f"/api/v1/documents/{document['id']}/pdf", headers=headers).status_code == 200


def test_a_page_queued_twice_is_done_once(samples, app, client, auth):
    document = upload(client, auth("dentist"), samples.blank_pdf(1)).json
    with app.app_context():
        process_page(document["id"], 0)  # a duplicate task: finds the page done, does nothing
        page = db.session.scalars(select(Page)).one()
        assert (page.status, page.attempts) == ("done", 1)


def test_low_confidence_pages_make_the_document_need_review(fake_engines, samples, make_app, auth_for):
    app = make_app(OCR_ENGINE=fake_engines.DoubtfulEngine())
    document = upload(app.test_client(), auth_for(app, "dentist"), samples.blank_pdf(2)).json
    assert document["status"] == "needs_review"
    assert {page["status"] for page in document["pages"]} == {"needs_review"}


def test_a_crashing_page_is_retried_then_given_up(fake_engines, samples, make_app, auth_for):
    app = make_app(OCR_ENGINE=fake_engines.CrashingEngine(), OCR_MAX_ATTEMPTS=2)
    client, headers = app.test_client(), auth_for(app, "dentist")
    document = upload(client, headers, samples.blank_pdf(3)).json
    assert (document["status"], document["pages_done"]) == ("processing", 2)
    crashed = document["pages"][1]
    assert (crashed["status"], crashed["reason"]) == ("queued", "OCR failed (RuntimeError); will retry")
    with app.app_context():
        assert jobs.queued_pages() == {(document["id"], 1)}  # scheduled for a retry
        process_page(document["id"], 1)  # the retry crashes again: attempts are used up
        process_page(document["id"], 1)
    final = client.get(f"/api/v1/documents/{document['id']}", headers=headers).json
    assert final["status"] == "needs_review"
    assert final["pages"][1]["status"] == "failed"
    assert "after 2 attempts" in final["pages"][1]["reason"]
    assert client.get(f"/api/v1/documents/{document['id']}/pdf", headers=headers).status_code == 200


# ------------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "data, name, status, code",
    [
        (lambda s: b"", "empty.pdf", 400, "empty_file"),
        (lambda s: s.truncated_pdf(), "cut.pdf", 422, "corrupt_pdf"),
        (lambda s: s.encrypted_pdf(), "locked.pdf", 422, "encrypted_pdf"),
        (lambda s: s.png_bomb(), "bomb.png", 413, "too_many_pixels"),
        (lambda s: s.pdf_image_bomb(), "bomb.pdf", 413, "too_many_pixels"),
        (lambda s: s.text_file(), "note.pdf", 415, "unsupported_type"),
        (lambda s: b"GIF89a" + b"\x00" * 100, "scan.gif", 415, "unsupported_type"),
    ],
    ids=["empty", "truncated-pdf", "encrypted-pdf", "png-bomb", "pdf-image-bomb", "text-named-pdf", "gif"],
)
def test_bad_uploads_are_refused_and_nothing_is_stored(samples, app, client, auth, home, data, name, status, code):
    response = upload(client, auth("dentist"), data(samples), name=name)
    assert response.status_code == status, response.json
    assert response.json["code"] == code
    assert response.json["status"] == status
    message = response.json["message"]
    assert message and "Traceback" not in message and len(message) < 300
    assert_nothing_stored(app, home)
    # ... and the service keeps serving.
    assert upload(client, auth("dentist"), samples.blank_pdf()).status_code == 202


@pytest.mark.parametrize("size", [60 * 1024, 400 * 1024], ids=["over-limit", "far-over-limit"])
def test_oversize_uploads_are_413(samples, make_app, auth_for, home, size):
    app = make_app(MAX_UPLOAD_MB=0.05)  # 51 KB
    client, headers = app.test_client(), auth_for(app, "dentist")
    response = upload(client, headers, b"%PDF-1.7\n" + b"0" * size)
    assert response.status_code == 413
    assert response.json["code"] in ("too_large", "request_entity_too_large")
    assert "limit" in response.json["message"]
    assert_nothing_stored(app, home)
    assert upload(client, headers, samples.blank_pdf()).status_code == 202


def test_upload_without_a_file_is_422(app, client, auth, home):
    response = client.post("/api/v1/documents", data={"kind": "referral"}, headers=auth("dentist"))
    assert response.status_code == 422
    assert "file" in response.json["errors"]
    assert_nothing_stored(app, home)


def test_invalid_kind_is_422(samples, app, client, auth, home):
    response = upload(client, auth("dentist"), samples.blank_pdf(), kind="Not A Slug!")
    assert response.status_code == 422
    assert "kind" in response.json["errors"]
    assert_nothing_stored(app, home)


def test_a_failed_commit_leaves_no_file_behind(samples, app, client, auth, home, monkeypatch):
    """The original is moved into the store just before the commit; if the commit fails, it goes."""
    from sqlalchemy.orm import Session

    from docservice.storage import FileStore

    kept, original_keep, original_commit = [], FileStore.keep, Session.commit

    def keep(self, incoming):
        kept.append(incoming.sha256)
        return original_keep(self, incoming)

    def failing_commit(self):
        if kept:
            kept.clear()
            raise RuntimeError("the database went away")
        return original_commit(self)

    monkeypatch.setattr(FileStore, "keep", keep)
    monkeypatch.setattr(Session, "commit", failing_commit)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = upload(client, auth("dentist"), samples.blank_pdf())
    assert response.status_code == 500
    assert response.json["code"] == "internal_server_error"
    monkeypatch.undo()
    assert_nothing_stored(app, home)


# --------------------------------------------------------------------------- log hygiene


def test_logs_carry_no_patient_data_or_tokens(samples, client, auth, tokens, caplog):
    caplog.set_level(logging.DEBUG)
    body = samples.case_body()
    case = client.post("/api/v1/cases", json=body, headers=auth("service")).json
    document = upload(client, auth("dentist"), samples.blank_pdf(2), name="Jane Roe chart.pdf",
                      url=f"/api/v1/cases/{case['id']}/documents").json
    client.get(f"/api/v1/documents/{document['id']}", headers=auth("biller"))
    client.get("/api/v1/cases", headers=auth("biller"))
    logged = caplog.text
    for secret in ["Jane", "Roe", "1970-01-31", "snoring", "fake scan", *tokens.values()]:
        assert secret not in logged
