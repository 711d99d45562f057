"""The demo's second half: one flagged case taken from documents to a payer-ready export.

Everything goes over HTTP to the document service, as an office's tools would: the admin sets the
practice's billing settings, the assistant uploads the injury note and the radiograph reading
(synthetic, born-digital PDFs made here), the biller builds the claim and reads the checks, the
dentist completes and signs the letter, the biller exports. The export lands back in the sandbox
Open Dental (packet, commlog, appointment field), and `od-claim` fills Open Dental's own medical claim.
"""
from __future__ import annotations

import io
import re
import time
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

import requests
from fpdf import FPDF

from plugin.errors import DocServiceError

OCR_WAIT_SECONDS = 120
# A synthetic practice: real check digits, nobody's real numbers.
DEMO_SETTINGS = {
    "billing_provider": {
        "name": "Demo Dental Group PC", "npi": "1245319599", "tin": "123456789", "taxonomy": "1223G0001X",
        "address": {"line1": "100 Example Way", "city": "Lakewood", "state": "CO", "zip": "802260001"},
        "phone": "5550100199",
    },
    "rendering_providers": [{"name": "Demodentist, Robin", "npi": "1234567893", "taxonomy": "1223G0001X",
                             "abbr": "DOC4"}],
    "submitter": {"name": "Demo Dental Group PC", "id": "DEMOSUB01", "contact_name": "Billing Desk",
                  "contact_phone": "5550100199"},
    "receiver": {"name": "Example Clearinghouse", "id": "EXAMPLECH"},
    "payers": [{"payer_id": "84555", "name": "Example Health Plan", "attachment_limit_mb": 5, "accepts": "pdf",
                "narrative_limit": 80, "takes_cdt": False, "filing_indicator": "CI"}],
    "usage": "T",
}


def injury_note(day: date) -> bytes:
    return _pdf("Clinical note - emergency visit", [
        f"Date of visit: {day:%m/%d/%Y}",
        f"Date of injury: {day.replace(day=max(1, day.day - 1)):%m/%d/%Y}",
        "History: struck in the mouth by a softball while playing in a city league game at Lakewood Park, CO.",
        "Tooth #26 was sound before the injury, with no prior restorations.",
        "Exam: crown fracture of #26 into dentin, no pulp exposure; mild mobility; lip abrasion.",
        "Assessment: fractured tooth due to injury (S02.5XXA).",
        "Plan: periapical radiograph, limited evaluation; restore once symptoms settle.",
    ])


def radiograph_report(day: date) -> bytes:
    return _pdf("Radiology report - periapical radiograph", [
        f"Date of service: {day:%m/%d/%Y}",
        "Findings: fracture line through the incisal third of the crown of #26; no root fracture;",
        "periodontal ligament space slightly widened; no periapical radiolucency.",
        "Impression: uncomplicated crown fracture of #26 without root involvement.",
        "Interpreted by: Demodentist, Robin DDS",
    ])


def _pdf(title: str, lines: list[str]) -> bytes:
    pdf = FPDF(format="Letter")
    pdf.set_creation_date(datetime(2027, 1, 4))
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


class Office:
    """The document service as the office's people use it: one bearer token per role."""

    def __init__(self, url: str, tokens: dict[str, str]) -> None:
        self.url = url
        self.tokens = tokens

    def call(self, method: str, path: str, *, role: str, ok=(200, 201, 202), **kwargs) -> requests.Response:
        response = requests.request(method, f"{self.url}{path}", timeout=120,
                                    headers={"Authorization": f"Bearer {self.tokens[role]}"}, **kwargs)
        if response.status_code not in ok:
            message = response.json().get("message", "") if "json" in response.headers.get("Content-Type", "") else ""
            raise DocServiceError(f"The demo's {method} {path} answered {response.status_code}: {message}")
        return response


IDENTITY_WORDS = {"match": "it names this patient", "mismatch": "it names another patient: its facts are not used",
                  "unknown": "it names no patient", "confirmed": "its patient confirmed by staff"}


def walk_case_to_payer(office: Office, *, case: dict, day: date, home: Path, out: TextIO) -> dict:
    """Documents -> claim -> checks -> narrative -> export for one case; returns what the export said."""
    base = f"/cases/{case['id']}"
    print(f"\nTaking case {case['id']} ({case['category']}, appointment {case['apt_num']}) to the payer:", file=out)
    office.call("PUT", "/settings", role="admin", json=DEMO_SETTINGS)
    print("  admin: billing provider, submitter, clearinghouse and payer 'Example Health Plan' set", file=out)
    # Uploaded without a kind, as an assistant drops scans: the service names each and checks its patient.
    known = {}  # document id -> (file name, the kind the office knows it is)
    for name, data, kind in (("injury-note.pdf", injury_note(day), "chart_note"),
                             ("pa-reading.pdf", radiograph_report(day), "radiology_report")):
        uploaded = office.call("POST", f"{base}/documents", role="assistant",
                               files={"file": (name, io.BytesIO(data), "application/pdf")}).json()
        known[uploaded["id"]] = (name, kind)
    _wait_for_documents(office, base)
    print("  assistant: uploaded the injury note and the radiograph reading; OCR finished", file=out)
    for document in office.call("GET", f"{base}/documents", role="assistant").json():
        name, expected = known.get(document["id"], ("", None))
        read = document.get("kind")
        identity = IDENTITY_WORDS.get(document.get("identity") or "", "not checked for its patient")
        print(f"    {name}: read as {read}; {identity}", file=out)
        if expected and read != expected:
            # The assistant corrects the kind; the case's facts are read again with it.
            office.call("PATCH", f"/documents/{document['id']}", role="assistant", json={"kind": expected})
            print(f"    assistant: corrected the kind to {expected}", file=out)
    evidence = office.call("GET", f"{base}/evidence", role="biller").json()
    for item in evidence.get("items", []):
        source = item.get("source") or {}
        where = (f"{source.get('document_kind') or source.get('source')} p.{source.get('page')}"
                 if source.get("document_id") else source.get("source") or "")
        shown = item.get("display") or f"{item['label']}: not documented"
        print(f"    evidence: {shown}" + (f" ({where})" if where and item.get("display") else ""), file=out)
    claim = office.call("POST", f"{base}/claim", role="biller").json()
    lines = ", ".join("-".join([line["code"], *line["modifiers"]]) for line in claim["lines"])
    diagnoses = ", ".join(item["code"] for item in claim["diagnoses"])
    print(f"  biller: claim built: {lines}; diagnoses {diagnoses}", file=out)
    drafted = office.call("POST", f"{base}/narrative", role="dentist").json()
    missing = len(drafted.get("placeholders") or [])
    # The dentist writes what the records do not say into the letter, then signs it.
    body = re.sub(r"\[MISSING: [^\]]*\]", "see the attached note", drafted["body"])
    office.call("PATCH", f"{base}/narrative", role="dentist", json={"body": body})
    office.call("POST", f"{base}/narrative/sign", role="dentist", json={"credentials": "DDS"})
    print(f"  dentist: completed {missing} missing value(s) in the letter and signed it", file=out)
    checks = office.call("GET", f"{base}/checks", role="biller").json()
    standing = [f"{f['rule']} ({f['severity']})" for f in checks["findings"] if f["severity"] != "info"]
    print(f"  checks: {'ready' if checks['ready'] else 'NOT ready'}"
          + (f"; still worth a look: {', '.join(standing)}" if standing else ""), file=out)
    answer = office.call("GET", f"{base}/export", role="biller", ok=(200, 409))
    if answer.status_code == 409:
        findings = answer.json()["findings"]
        print("  export refused: " + "; ".join(f"{f['rule']}: {f['message']}" for f in findings), file=out)
        return {"exported": False, "refused": [f["rule"] for f in findings]}
    target = home / "exports"
    target.mkdir(parents=True, exist_ok=True)
    zip_path = target / f"case-{case['id']}.zip"
    zip_path.write_bytes(answer.content)
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        archive.extractall(zip_path.with_suffix(""))
    acn = answer.headers.get("X-MedLane-ACN", "")
    print(f"  biller: exported ACN {acn}: {', '.join(names)}", file=out)
    print(f"          saved to {zip_path} (unpacked beside it)", file=out)
    print(f"  Open Dental write-back: {answer.headers.get('X-MedLane-Open-Dental', '')}", file=out)
    return {"exported": True, "acn": acn, "files": names, "zip": str(zip_path),
            "pms": answer.headers.get("X-MedLane-Open-Dental", "")}


def _wait_for_documents(office: Office, base: str) -> None:
    deadline = time.monotonic() + OCR_WAIT_SECONDS
    while time.monotonic() < deadline:
        documents = office.call("GET", base, role="biller").json()["documents"]
        if documents and all(doc["status"] in ("done", "needs_review", "failed") for doc in documents):
            return
        time.sleep(0.5)
    raise DocServiceError("The demo's documents were not read within two minutes; is the OCR worker running?")
