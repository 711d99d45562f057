"""GET /api/v1/cases/{id}/export: the ZIP, its manifest, numbers, refusals and re-exports.

Every file is opened with tools that did not write it: zipfile and hashlib for the ZIP and the
manifest, pikepdf and `qpdf --check` and `pdftotext` for the PDFs, pyx12 for the 837P.
"""
from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess

import pikepdf
import pytest
from PIL import Image

from docservice.claimforms.x837p import validate_837p

ACN = re.compile(r"^[A-Z0-9-]{2,50}$")


def export(client, headers, case_id, **query):
    return client.get(f"/api/v1/cases/{case_id}/export", query_string={"to_pms": "false", **query}, headers=headers)


def pdftotext(data: bytes, tmp_path, name="f.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def segments(text: str, tag: str) -> list[list[str]]:
    return [s.strip().split("*") for s in text.split("~") if s.strip().startswith(tag + "*")]


def test_export_holds_every_file_with_one_acn(client, auth, make_ready_case, open_zip, tmp_path):
    case_id = make_ready_case()
    answer = export(client, auth("biller"), case_id)
    assert answer.status_code == 200, answer.get_json()
    assert answer.mimetype == "application/zip"
    archive = open_zip(answer.data)
    names = set(archive.namelist())
    assert {"packet.pdf", "cms1500.pdf", "claim.837p", "narrative.pdf", "manifest.json"} <= names
    assert all("/" not in name for name in names)
    manifest = json.loads(archive.read("manifest.json"))
    acn = manifest["acn"]
    assert ACN.match(acn) and answer.headers["X-MedLane-ACN"] == acn
    assert manifest["case_id"] == case_id and manifest["exported_by"] == "biller-user"
    assert manifest["totals"] == {"charge": 1950.0, "lines": 1}
    listed = {entry["name"]: entry for entry in manifest["files"]}
    assert set(listed) == names - {"manifest.json"}
    for name, entry in listed.items():
        assert entry["sha256"] == hashlib.sha256(archive.read(name)).hexdigest()
        if name.endswith(".pdf"):
            with pikepdf.open(io.BytesIO(archive.read(name))) as pdf:
                assert entry["pages"] == len(pdf.pages)
        else:
            assert entry["pages"] is None
    for name in (n for n in names if n.endswith(".pdf")):
        (tmp_path / name).write_bytes(archive.read(name))
        assert subprocess.run(["qpdf", "--check", str(tmp_path / name)], capture_output=True).returncode == 0, name
    packet = archive.read("packet.pdf")
    with pikepdf.open(io.BytesIO(packet)) as pdf:
        with pdf.open_outline() as outline:
            titles = [item.title for item in outline.root]
        assert len(titles) == 1 + 1 + 3  # cover, letter, three documents
        assert "/PageLabels" in pdf.Root
    text = pdftotext(packet, tmp_path)
    assert text.count(acn) >= listed["packet.pdf"]["pages"] + 1  # every stamp, and the cover's body
    claim = archive.read("claim.837p").decode()
    assert validate_837p(claim) == []
    pwk = segments(claim, "PWK")
    assert pwk and all(item[5] == "AC" and item[6] == acn for item in pwk)
    assert {item[1] for item in pwk} >= {"DG", "DB"}  # sleep study and the physician's order
    assert segments(claim, "CLM")[0][1] == manifest["claim_control_number"]
    assert any(item[1] == "6R" for item in segments(claim, "REF"))


def test_export_is_recorded_and_moves_the_case(client, auth, make_ready_case):
    case_id = make_ready_case()
    answer = export(client, auth("admin"), case_id)
    assert answer.status_code == 200
    assert client.get(f"/api/v1/cases/{case_id}", headers=auth("biller")).get_json()["status"] == "exported"
    records = client.get(f"/api/v1/cases/{case_id}/exports", headers=auth("biller")).get_json()
    assert len(records) == 1
    record = records[0]
    assert record["acn"] == answer.headers["X-MedLane-ACN"] and record["exported_by"] == "admin-user"
    assert {item["name"] for item in record["files"]} >= {"packet.pdf", "claim.837p"}
    assert record["pms"]["done"] is False  # to_pms=false
    assert answer.headers["X-MedLane-Open-Dental"] == "skipped"


def test_refused_while_errors_stand_with_the_findings(client, auth, make_ready_case):
    case_id = make_ready_case(sign=False)
    answer = export(client, auth("biller"), case_id)
    assert answer.status_code == 409
    body = answer.get_json()
    assert body["code"] == "not_ready"
    assert "narrative-unsigned" in {finding["rule"] for finding in body["findings"]}
    assert all(set(f) >= {"rule", "severity", "message", "fix"} for f in body["findings"])
    assert client.get(f"/api/v1/cases/{case_id}/exports", headers=auth("biller")).get_json() == []
    assert client.get(f"/api/v1/cases/{case_id}", headers=auth("biller")).get_json()["status"] == "in_progress"


def test_only_an_admin_may_override_and_the_reason_is_recorded(client, auth, make_ready_case):
    case_id = make_ready_case(sign=False)
    assert export(client, auth("biller"), case_id, override_reason="payer called").status_code == 409
    answer = export(client, auth("admin"), case_id, override_reason="payer asked for it today")
    assert answer.status_code == 200
    record = client.get(f"/api/v1/cases/{case_id}/exports", headers=auth("admin")).get_json()[0]
    assert record["override_reason"] == "payer asked for it today"
    assert "narrative-unsigned" in record["overridden"]


def test_missing_settings_are_findings_no_override_covers(client, auth, make_ready_case, configure):
    case_id = make_ready_case()
    configure(submitter={"name": "", "id": ""})
    answer = export(client, auth("admin"), case_id, override_reason="try anyway")
    assert answer.status_code == 409
    missing = [f for f in answer.get_json()["findings"] if f["rule"] == "settings-missing"]
    assert any("submitter.id" in f["message"] for f in missing)


def test_unmatched_payer_and_missing_address_are_findings(client, auth, make_ready_case, configure):
    case_id = make_ready_case(address=False)
    configure(payers=[])
    rules = {f["rule"] for f in export(client, auth("biller"), case_id).get_json()["findings"]}
    assert {"settings-missing", "patient-address-missing"} <= rules


@pytest.mark.parametrize("role", ["assistant", "dentist", "service"])
def test_only_billers_and_admins_export(client, auth, make_ready_case, role):
    case_id = make_ready_case()
    assert export(client, auth(role), case_id).status_code == 403


def test_unknown_case_is_404(client, auth):
    assert export(client, auth("biller"), 424242).status_code == 404


def test_reexport_unchanged_keeps_the_acn_and_the_pdfs(client, auth, make_ready_case, open_zip):
    case_id = make_ready_case()
    first = open_zip(export(client, auth("biller"), case_id).data)
    second = open_zip(export(client, auth("biller"), case_id).data)
    assert json.loads(first.read("manifest.json"))["acn"] == json.loads(second.read("manifest.json"))["acn"]
    for name in ("packet.pdf", "cms1500.pdf", "narrative.pdf"):
        assert first.read(name) == second.read(name), name
    one, two = first.read("claim.837p").decode(), second.read("claim.837p").decode()
    assert one != two
    envelope = re.compile(r"^(ISA|GS|ST|SE|GE|IEA|BHT)\*")
    body = lambda text: [s.strip() for s in text.split("~") if s.strip() and not envelope.match(s.strip())]  # noqa: E731
    assert body(one) == body(two)


def test_changed_attachments_give_a_new_acn(client, auth, make_ready_case, add_document, open_zip):
    case_id = make_ready_case(kinds=("sleep_study", "physician_order"))
    first = json.loads(open_zip(export(client, auth("biller"), case_id).data).read("manifest.json"))
    add_document(case_id, "chart_note")
    second = json.loads(open_zip(export(client, auth("biller"), case_id).data).read("manifest.json"))
    assert second["acn"] != first["acn"]
    assert second["claim_control_number"] == first["claim_control_number"]


def test_a_claim_changed_after_submission_goes_out_as_a_replacement(client, auth, make_ready_case, open_zip):
    case_id = make_ready_case()
    base = f"/api/v1/cases/{case_id}"
    first = open_zip(export(client, auth("biller"), case_id).data).read("claim.837p").decode()
    assert segments(first, "CLM")[0][5].endswith(":1")
    assert client.patch(base, json={"status": "submitted"}, headers=auth("biller")).status_code == 200
    line = client.get(f"{base}/claim", headers=auth("biller")).get_json()["lines"][0]
    assert client.patch(f"{base}/claim/lines/{line['id']}", json={"charge": 1900}, headers=auth("biller")).status_code == 200
    assert client.patch(f"{base}/claim", json={"fields": {"payer_claim_number": "PAYER123"}},
                        headers=auth("biller")).status_code == 200
    second = open_zip(export(client, auth("biller"), case_id).data).read("claim.837p").decode()
    assert segments(second, "CLM")[0][5].endswith(":7")
    assert ["REF", "F8", "PAYER123"] in segments(second, "REF")
    assert validate_837p(second) == []
    records = client.get(f"{base}/exports", headers=auth("biller")).get_json()
    assert [record["frequency_code"] for record in records] == ["7", "1"]


def test_an_images_only_payer_gets_page_images(client, auth, make_ready_case, configure, practice_settings,
                                                open_zip):
    case_id = make_ready_case()
    configure(payers=[{**practice_settings["payers"][0], "accepts": "images"}])
    archive = open_zip(export(client, auth("biller"), case_id).data)
    images = sorted(name for name in archive.namelist() if name.startswith("packet-p"))
    assert images and all(name.endswith((".tif", ".jpg")) for name in images)
    assert "packet.pdf" not in archive.namelist()
    listed = {entry["name"]: entry for entry in json.loads(archive.read("manifest.json"))["files"]}
    assert all(listed[name]["pages"] is None for name in images)
    with Image.open(io.BytesIO(archive.read(images[0]))) as first:
        assert first.format in ("TIFF", "JPEG")


def test_the_payer_is_found_by_the_carriers_electronic_id(app, client, auth, make_ready_case, configure,
                                                         practice_settings, open_zip):
    from docservice.extensions import db
    from docservice.models import Case

    case_id = make_ready_case()
    # The carrier is named differently in Open Dental, but its ElectID is the payer's id.
    configure(payers=[{**practice_settings["payers"][0], "name": "Another Name", "aliases": []}])
    assert export(client, auth("biller"), case_id).status_code == 409
    with app.app_context():
        db.session.get(Case, case_id).insurance[0].payer_id = "exmpl1"
        db.session.commit()
    answer = export(client, auth("biller"), case_id)
    assert answer.status_code == 200
    claim = open_zip(answer.data).read("claim.837p").decode()
    assert any(item[1] == "PR" and item[-1] == "EXMPL1" for item in segments(claim, "NM1"))


def test_a_biller_marks_a_case_submitted_but_reviews_nothing_else(client, auth, make_ready_case):
    case_id = make_ready_case()
    base = f"/api/v1/cases/{case_id}"
    assert client.patch(base, json={"status": "submitted"}, headers=auth("biller")).status_code == 200
    assert client.patch(base, json={"status": "dismissed"}, headers=auth("biller")).status_code == 403
    assert client.patch(base, json={"category": "tmd"}, headers=auth("biller")).status_code == 403
    assert client.patch(base, json={"status": "closed"}, headers=auth("service")).status_code == 403


def test_a_billers_override_is_refused_in_so_many_words(client, auth, make_ready_case):
    case_id = make_ready_case(sign=False)
    answer = export(client, auth("biller"), case_id, override_reason="please")
    assert answer.status_code == 409 and "only an admin" in answer.get_json()["message"]


def test_settings_answer_every_group_before_anything_is_set(client, auth):
    body = client.get("/api/v1/settings", headers=auth("admin")).get_json()
    assert set(body["billing_provider"]) >= {"name", "npi", "tin", "taxonomy", "address", "phone"}
    assert set(body["billing_provider"]["address"]) == {"line1", "line2", "city", "state", "zip"}
    assert set(body["submitter"]) == {"name", "id", "contact_name", "contact_phone"}
    assert set(body["receiver"]) == {"name", "id"}
