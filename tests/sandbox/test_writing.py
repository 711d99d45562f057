"""Writing like Open Dental: appends, upserts, popups' archive, uploads, procedures, problems."""
from __future__ import annotations

import base64


def test_note_append_adds_a_line(api, sandbox):
    assert api.put("appointments/101/Note", {"Note": "MedLane: review"}).status_code == 200
    assert sandbox.store.get("appointments", 101)["Note"] == "recall\r\nMedLane: review"
    assert api.get("appointments/101").json()["Note"] == "recall MedLane: review"
    api.put("appointments/100/Note", {"Note": "first"})  # empty note: no leading newline
    assert sandbox.store.get("appointments", 100)["Note"] == "first"
    assert api.put("appointments/100/Note", {}).status_code == 400
    assert api.put("appointments/999/Note", {"Note": "x"}).status_code == 404


def test_put_appointment_overwrites_and_recomputes_derived(api):
    updated = api.put("appointments/100", {"Note": "new", "ProvNum": 2, "Confirmed": 21}).json()
    assert (updated["Note"], updated["provAbbr"], updated["confirmed"]) == ("new", "HYG1", "Confirmed")
    assert api.put("appointments/100", {"Confirmed": 12345}).status_code == 400


def test_post_appointment(api):
    response = api.post("appointments", {"PatNum": 5, "Op": 2, "AptDateTime": "2027-01-10 09:30:00"})
    assert response.status_code == 201
    created = response.json()
    assert response.headers["Location"].endswith(f"/api/v1/appointments/{created['AptNum']}")
    assert (created["AptStatus"], created["Pattern"], created["ProvNum"]) == ("Scheduled", "/XX/", 2)
    assert api.post("appointments", {"PatNum": 5, "Op": 2}).json() == "AptDateTime is required."
    assert api.post("appointments", {"PatNum": 5, "Op": 2, "AptDateTime": "Jan 10"}).status_code == 400


def test_break_only_scheduled_and_confirm(make_seed, start_sandbox):
    api = start_sandbox(make_seed(appointments=7))
    missed = {"sendToUnscheduledList": "false", "breakType": "Missed"}
    assert api.put("appointments/100/Break", missed).status_code == 200
    assert api.get("appointments/100").json()["AptStatus"] == "Broken"
    assert any(p["procCode"] == "D9986" for p in api.get("procedurelogs", PatNum=1).json())
    again = api.put("appointments/100/Break", {"sendToUnscheduledList": "false"})
    assert again.status_code == 400 and "Scheduled" in again.json()
    assert api.put("appointments/101/Break", {}).json() == "sendToUnscheduledList is required."
    assert api.put("appointments/101/Confirm", {"confirmVal": "Confirmed"}).status_code == 200
    assert api.get("appointments/101").json()["confirmed"] == "Confirmed"
    assert api.put("appointments/101/Confirm", {"defNum": 22}).status_code == 200
    assert api.put("appointments/101/Confirm", {"defNum": 70}).status_code == 400  # a ProcCodeCats def


def test_popups_are_listed_for_the_family_and_super_family(api):
    of_family = {p["PopupNum"] for p in api.get("popups", PatNum=1).json()}
    assert of_family == {10}  # patient 2's family popup; client must filter on PatNum
    of_super_family = {p["PopupNum"] for p in api.get("popups", PatNum=3).json()}
    assert of_super_family == {11}
    assert api.get("popups", PatNum=999).status_code == 404
    assert api.get("popups").json() == "PatNum is required."


def test_popup_post_put_archive_and_no_delete(api, sandbox):
    response = api.post("popups", {"PatNum": 1, "Description": "Med ins on file - review"})
    assert response.status_code == 201
    popup = response.json()
    assert response.headers["Location"].endswith(f"/popups/{popup['PopupNum']}")
    assert (popup["PopupLevel"], popup["IsDisabled"], popup["IsArchived"]) == ("Patient", "false", "false")
    assert popup["DateTimeDisabled"] == "0001-01-01 00:00:00" and popup["PopupNumArchive"] == 0

    edited = api.put(f"popups/{popup['PopupNum']}", {"Description": "Med ins - claim sent"}).json()
    assert edited["Description"] == "Med ins - claim sent"
    archived = [p for p in sandbox.store.rows("popups") if p["PopupNumArchive"] == popup["PopupNum"]]
    assert len(archived) == 1
    assert (archived[0]["Description"], archived[0]["IsArchived"]) == ("Med ins on file - review", "true")
    listed = api.get("popups", PatNum=1).json()
    assert popup["PopupNum"] in {p["PopupNum"] for p in listed}
    assert all(p["IsArchived"] == "false" for p in listed)
    assert api.put(f"popups/{archived[0]['PopupNum']}", {"Description": "x"}).status_code == 400

    disabled = api.put(f"popups/{popup['PopupNum']}", {"DateTimeDisabled": "2027-02-01 00:00:00"}).json()
    assert disabled["DateTimeDisabled"] == "2027-02-01 00:00:00"
    assert len([p for p in sandbox.store.rows("popups") if p["PopupNumArchive"]]) == 1  # no new archive

    deleted = api.delete(f"popups/{popup['PopupNum']}")
    assert deleted.status_code == 400 and "cannot be deleted" in deleted.json()
    assert api.post("popups", {"PatNum": 1, "Description": "x", "PopupLevel": "SuperFamily"}).status_code == 400


def test_apptfielddefs_reject_duplicates(api):
    assert api.post("apptfielddefs", {"FieldName": "MedLane"}).status_code == 201
    duplicate = api.post("apptfielddefs", {"FieldName": "medlane"})
    assert duplicate.status_code == 400 and "already exists" in duplicate.json()
    assert [d["FieldName"] for d in api.get("apptfielddefs").json()] == ["MedLane"]


def test_apptfields_upsert(api, sandbox):
    missing_def = api.put("apptfields", {"AptNum": 100, "FieldName": "MedLane", "FieldValue": "review"})
    assert missing_def.status_code == 400
    api.post("apptfielddefs", {"FieldName": "MedLane"})
    assert api.get("apptfields", AptNum=100, FieldName="MedLane").json() == {
        "AptNum": 100,
        "FieldName": "MedLane",
        "FieldValue": "",
    }
    for value in ("review", "sleep: review"):
        response = api.put("apptfields", {"AptNum": 100, "FieldName": "MedLane", "FieldValue": value})
        assert response.status_code == 200
    assert api.get("apptfields", AptNum=100, FieldName="MedLane").json()["FieldValue"] == "sleep: review"
    assert len(sandbox.store.rows("apptfields")) == 1
    assert api.put("apptfields", {"AptNum": 999, "FieldName": "MedLane", "FieldValue": "x"}).status_code == 400


def test_document_upload_validates_base64(api, sandbox):
    body = {"PatNum": 1, "rawBase64": base64.b64encode(b"%PDF-1.4 demo").decode(), "extension": ".pdf"}
    response = api.post("documents/Upload", body)
    assert response.status_code == 201
    document = response.json()
    assert document["FileName"].endswith(".pdf") and "Note" not in document
    assert sandbox.store.get("documents", document["DocNum"])["Note"].startswith("_rawBase64_:")
    assert [d["DocNum"] for d in api.get("documents", PatNum=1).json()] == [document["DocNum"]]
    bad = api.post("documents/Upload", {**body, "rawBase64": "not base64!!"})
    assert bad.status_code == 400 and "base64" in bad.json()
    assert api.post("documents/Upload", {**body, "extension": "../x"}).status_code == 400


def test_procedure_post_put_delete(api):
    planned = {"PatNum": 1, "ProcDate": "2027-01-04", "ProcStatus": "TP"}
    created = api.post("procedurelogs", {**planned, "procCode": "D7286"})
    assert created.status_code == 201
    proc = created.json()
    assert (proc["CodeNum"], proc["descript"], proc["ProvNum"]) == (3, "Biopsy, soft tissue", 1)
    assert api.post("procedurelogs", planned).json() == "CodeNum or procCode is required."
    assert api.post("procedurelogs", {**planned, "procCode": "D0000"}).status_code == 400
    attached = api.put(f"procedurelogs/{proc['ProcNum']}", {"AptNum": 100}).json()
    assert attached["AptNum"] == 100
    assert api.get("appointments/100").json()["ProcDescript"] == "Pro, PerEx, Bx"
    assert api.delete(f"procedurelogs/{proc['ProcNum']}").status_code == 200
    assert api.get(f"procedurelogs/{proc['ProcNum']}").status_code == 404
    done = api.post("procedurelogs", {"PatNum": 1, "ProcDate": "2027-01-04", "ProcStatus": "EO", "CodeNum": 1}).json()
    assert api.delete(f"procedurelogs/{done['ProcNum']}").status_code == 400


def test_disease_post_by_name_creates_the_definition(api):
    response = api.post("diseases", {"PatNum": 1, "diseaseDefName": "TMJ pain R"})
    assert response.status_code == 201
    disease = response.json()
    assert disease["diseaseDefName"] == "TMJ pain R"
    assert "TMJ pain R" in {d["DiseaseName"] for d in api.get("diseasedefs").json()}
    again = api.post("diseases", {"PatNum": 2, "diseaseDefName": "tmj PAIN r"}).json()
    assert again["DiseaseDefNum"] == disease["DiseaseDefNum"]
    assert api.put(f"diseases/{disease['DiseaseNum']}", {"ProbStatus": "Resolved"}).json()["ProbStatus"] == "Resolved"
    assert api.delete(f"diseases/{disease['DiseaseNum']}").status_code == 200
    assert api.get(f"diseases/{disease['DiseaseNum']}").status_code == 404


def test_commlog_post(api):
    response = api.post("commlogs", {"PatNum": 1, "Note": "Sent med ins info request"})
    assert response.status_code == 201
    commlog = response.json()
    assert (commlog["CommType"], commlog["commType"], commlog["Mode_"]) == ("239", "Misc", "Phone")
    assert "serverDateTime" in commlog
    assert [c["CommlogNum"] for c in api.get("commlogs", PatNum=1).json()] == [commlog["CommlogNum"]]
