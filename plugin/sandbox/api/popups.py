"""/popups: the alert box Open Dental shows when a patient (or family member) is selected.

GET answers for the whole family and super-family, so a client must filter on PatNum itself.
Editing the text keeps the old text as an archived copy. There is no DELETE: a popup is
switched off with DateTimeDisabled.
"""
from __future__ import annotations

from plugin.sandbox.api.blueprint import bp
from plugin.sandbox.api.answers import created_answer, fetch, list_answer, require_row, row_answer, store
from plugin.sandbox.api.args import (
    as_datetime,
    as_int,
    as_text,
    bad_request,
    json_body,
    one_of,
    read_fields,
    require_query,
)
from plugin.sandbox.defaults import complete_row
from plugin.sandbox.resources import RESOURCES
from plugin.sandbox.wire import ApiError

POPUPS = RESOURCES["popups"]
EDITABLE = {
    "Description": as_text,
    "PopupLevel": one_of("Patient", "Family", "SuperFamily"),
    "DateTimeDisabled": as_datetime,
}


@bp.get("/popups")
def list_popups():
    pat_num = require_query("PatNum", as_int)
    patient = store().get("patients", pat_num)
    if patient is None:
        raise ApiError(404, "Patient not found.")
    relatives = {
        row["PatNum"]
        for row in store().rows("patients")
        if row["Guarantor"] == patient["Guarantor"]
        or (patient["SuperFamily"] and row["SuperFamily"] == patient["SuperFamily"])
    }
    # Archived copies are history, not alerts: Open Dental lists active and disabled popups only.
    rows = [r for r in store().rows("popups") if r["PatNum"] in relatives and r["IsArchived"] != "true"]
    return list_answer(POPUPS, rows)


@bp.post("/popups")
def create_popup():
    fields = read_fields(json_body(), {"PatNum": as_int, **EDITABLE}, required=("PatNum", "Description"))
    patient = require_row(RESOURCES["patients"], fields["PatNum"], field="PatNum")
    _check_level(fields, patient)
    with store().writing() as db:
        row = db.insert("popups", complete_row("popups", fields, db.lookups(), now=db.now()))
    return created_answer(POPUPS, row)


@bp.put("/popups/<int:key>")
def update_popup(key: int):
    fields = read_fields(json_body(), EDITABLE)
    with store().writing() as db:
        row = fetch(POPUPS, key)
        if row["IsArchived"] == "true":
            raise bad_request("Archived popups cannot be edited.")
        _check_level(fields, db.get("patients", row["PatNum"]) or {})
        if "Description" in fields and fields["Description"] != row["Description"]:
            archived = {f: v for f, v in row.items() if f != POPUPS.key}
            db.insert("popups", {**archived, "IsArchived": "true", "PopupNumArchive": key})
        updated = db.update("popups", key, fields)
    return row_answer(POPUPS, updated)


@bp.delete("/popups/<int:key>")
def delete_popup(key: int):
    # 400 with the way out rather than 405: Open Dental documents no 405, and the text tells
    # the client what to do instead.
    raise bad_request("Popups cannot be deleted. Set DateTimeDisabled to disable a popup.")


def _check_level(fields: dict, patient: dict) -> None:
    if fields.get("PopupLevel") == "SuperFamily" and not patient.get("SuperFamily"):
        raise bad_request("PopupLevel SuperFamily is only allowed for a patient in a super family.")
