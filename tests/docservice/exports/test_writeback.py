"""Export back into Open Dental: the packet on the patient's documents, a commlog, the ApptField."""
from __future__ import annotations

import hashlib

import requests


def od_get(server, path, **params):
    headers = {"Authorization": f"ODFHIR {server.settings.developer_key}/{server.settings.customer_key}",
               "Content-Type": "application/json"}
    return requests.get(f"{server.url}/{path}", params=params, headers=headers, timeout=10).json()


def test_export_uploads_the_packet_and_leaves_a_commlog(client, auth, make_ready_case, open_zip, od_sandbox):
    case_id = make_ready_case()
    answer = client.get(f"/api/v1/cases/{case_id}/export", headers=auth("biller"))
    assert answer.status_code == 200
    assert answer.headers["X-MedLane-Open-Dental"] == "uploaded"
    acn = answer.headers["X-MedLane-ACN"]
    documents = od_get(od_sandbox, "documents", PatNum=9002)
    assert len(documents) == 1 and documents[0]["ImgType"] == "Attachment"
    assert acn in documents[0]["Description"]
    stored = next(row for row in od_sandbox.store.rows("documents") if row["DocNum"] == documents[0]["DocNum"])
    packet = open_zip(answer.data).read("packet.pdf")
    assert hashlib.sha256(packet).hexdigest() in {hashlib.sha256(v).hexdigest() for v in _raw_files(stored)}
    notes = [row["Note"] for row in od_get(od_sandbox, "commlogs", PatNum=9002)]
    assert any(f"ACN {acn} exported" in note and "E0486" in note and "attachments" in note for note in notes)
    field = od_get(od_sandbox, "apptfields", AptNum=9001, FieldName="MedLane")
    assert acn in field["FieldValue"]
    record = client.get(f"/api/v1/cases/{case_id}/exports", headers=auth("biller")).get_json()[0]
    assert record["pms"]["done"] is True and record["pms"]["documents"] == [documents[0]["DocNum"]]


def test_to_pms_false_skips_open_dental(client, auth, make_ready_case, od_sandbox):
    case_id = make_ready_case()
    answer = client.get(f"/api/v1/cases/{case_id}/export", query_string={"to_pms": "false"}, headers=auth("biller"))
    assert answer.headers["X-MedLane-Open-Dental"] == "skipped"
    assert od_get(od_sandbox, "documents", PatNum=9002) == []


def test_open_dental_down_does_not_undo_the_export(client, auth, make_ready_case, od_sandbox, monkeypatch):
    case_id = make_ready_case()
    monkeypatch.setenv("MEDLANE_OD_CUSTOMER_KEY", "wrong-key")
    answer = client.get(f"/api/v1/cases/{case_id}/export", headers=auth("biller"))
    assert answer.status_code == 200
    assert answer.headers["X-MedLane-Open-Dental"] == "failed"
    assert "401" in answer.headers["X-MedLane-Open-Dental-Reason"] or "key" in answer.headers[
        "X-MedLane-Open-Dental-Reason"].lower()
    assert client.get(f"/api/v1/cases/{case_id}", headers=auth("biller")).get_json()["status"] == "exported"


def _raw_files(row: dict) -> list[bytes]:
    """The bytes Open Dental keeps for an uploaded document (the sandbox parks them like OD does)."""
    import base64

    note = str(row.get("Note") or "")
    parked = note.split("_rawBase64_:", 1)[-1] if "_rawBase64_:" in note else ""
    return [base64.b64decode(parked)] if parked else []
