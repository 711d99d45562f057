"""End to end with the real OCR engine (tesseract through docservice.ocr): upload, OCR, text, searchable PDF."""
from __future__ import annotations

import io
import shutil

import pytest
from pypdf import PdfReader

from docservice import create_app
from docservice.extensions import db


pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")

PAGES = [
    ["PROGRESS NOTE", "Patient reports loud snoring and daytime sleepiness.", "Referred for a sleep study."],
    ["TREATMENT PLAN", "Mandibular advancement appliance D9947.", "Follow up in four weeks."],
]


def test_real_ocr_end_to_end(samples, tmp_path, auth_for):
    app = create_app({"MEDLANE_HOME": tmp_path / "home", "QUEUE_URL": "immediate:", "OCR_TIMEOUT": 60})
    client, headers = app.test_client(), auth_for(app, "dentist")
    response = client.post(
        "/api/v1/documents", data={"file": (io.BytesIO(samples.text_pdf(PAGES)), "note.pdf")}, headers=headers
    )
    assert response.status_code == 202, response.json
    document = response.json
    assert document["status"] in ("done", "needs_review"), document
    assert (document["pages_done"], document["pages_total"]) == (2, 2)
    text = document["text"].lower()
    for word in ("snoring", "sleep study", "appliance", "treatment plan"):
        assert word in text, text
    assert all(page["method"] == "ocr" and page["mean_confidence"] > 50 for page in document["pages"])
    assert document["kind"]  # the real classifier named a kind

    pdf = client.get(f"/api/v1/documents/{document['id']}/pdf", headers=headers)
    assert pdf.status_code == 200
    reader = PdfReader(io.BytesIO(pdf.data))
    assert len(reader.pages) == 2
    assert "snoring" in reader.pages[0].extract_text().lower()  # text-searchable
    with app.app_context():
        db.engine.dispose()
