"""/procedurelogs (charted procedures: list, one, POST, PUT, DELETE) and /procedurecodes (read-only)."""
from __future__ import annotations

from plugin.sandbox.api.blueprint import bp
from plugin.sandbox.api.answers import (
    changed_since,
    created_answer,
    fetch,
    list_answer,
    ok_answer,
    require_row,
    row_answer,
    store,
    where,
)
from plugin.sandbox.api.args import (
    as_bool,
    as_date,
    as_float,
    as_int,
    as_money,
    as_text,
    as_time,
    bad_request,
    json_body,
    one_of,
    query,
    query_datetime,
    query_int,
    read_fields,
)
from plugin.sandbox.defaults import Lookups, complete_row, derive_fields, describe_procedures
from plugin.sandbox.resources import PROCEDURE_STATUSES, RESOURCES
from plugin.sandbox.store import Store

PROCEDURES = RESOURCES["procedurelogs"]
CODES = RESOURCES["procedurecodes"]
WRITABLE_STATUSES = ("TP", "C", "EO", "EC", "R", "Cn")
DELETABLE_STATUSES = ("TP", "TPi", "C")
# Open Dental refuses to change these on a completed procedure.
LOCKED_WHEN_COMPLETE = ("CodeNum", "ToothNum", "Surf", "Discount")

FIELDS = {
    "ProcDate": as_date,
    "ProcStatus": one_of(*WRITABLE_STATUSES),
    "CodeNum": as_int,
    "procCode": as_text,
    "AptNum": as_int,
    "ProcFee": as_money,
    "Priority": as_int,
    "ProvNum": as_int,
    "Dx": as_int,
    "ToothNum": as_text,
    "Surf": as_text,
    "ToothRange": as_text,
    "ClinicNum": as_int,
    "PlannedAptNum": as_int,
    "PlaceService": as_text,
    "Prosthesis": as_text,
    "ClaimNote": as_text,
    "DateTP": as_date,
    "SiteNum": as_int,
    "ProcTime": as_time,
    "ProcTimeEnd": as_time,
    "Prognosis": as_int,
    "BillingNote": as_text,
    "Discount": as_float,
    "IsDateProsthEst": as_bool,
}


@bp.get("/procedurelogs")
def list_procedures():
    equals = {
        "PatNum": query_int("PatNum"),
        "AptNum": query_int("AptNum"),
        "PlannedAptNum": query_int("PlannedAptNum"),
        "ClinicNum": query_int("ClinicNum"),
        "ProcStatus": query("ProcStatus", one_of(*PROCEDURE_STATUSES)),
        "CodeNum": query_int("CodeNum"),
    }
    since = query_datetime("DateTStamp")
    rows = where(store().rows("procedurelogs"), **equals)
    return list_answer(PROCEDURES, changed_since(rows, "DateTStamp", since))


@bp.get("/procedurelogs/<int:key>")
def get_procedure(key: int):
    return row_answer(PROCEDURES, fetch(PROCEDURES, key))


@bp.post("/procedurelogs")
def create_procedure():
    body = json_body()
    if body.get("CodeNum") in (None, "") and body.get("procCode") in (None, ""):
        raise bad_request("CodeNum or procCode is required.")
    fields = read_fields(body, {"PatNum": as_int, **FIELDS}, required=("PatNum", "ProcDate", "ProcStatus"))
    patient = require_row(RESOURCES["patients"], fields["PatNum"], field="PatNum")
    with store().writing() as db:
        lookups = db.lookups()
        _resolve_code(fields, lookups)
        appointment = _check_appointment(fields, patient["PatNum"])
        fields.setdefault("ProvNum", appointment["ProvNum"] if appointment else patient["PriProv"])
        fields.setdefault("ClinicNum", patient["ClinicNum"])
        if fields["ProcStatus"] == "C":
            fields["DateEntryC"] = fields["ProcDate"]
        row = db.insert("procedurelogs", complete_row("procedurelogs", fields, lookups, now=db.now()))
        _refresh_proc_descript(db, row.get("AptNum"))
    return created_answer(PROCEDURES, row)


@bp.put("/procedurelogs/<int:key>")
def update_procedure(key: int):
    fields = read_fields(json_body(), FIELDS)
    with store().writing() as db:
        row = fetch(PROCEDURES, key)
        lookups = db.lookups()
        _resolve_code(fields, lookups)
        if row["ProcStatus"] == "C":
            changed = [f for f in LOCKED_WHEN_COMPLETE if f in fields and fields[f] != row.get(f)]
            if changed:
                raise bad_request(f"A completed procedure's {', '.join(changed)} cannot be changed.")
        _check_appointment(fields, row["PatNum"])
        updated = derive_fields("procedurelogs", {**row, **fields}, lookups, refresh=True)
        db.replace("procedurelogs", key, updated)
        for apt_num in {row.get("AptNum"), updated.get("AptNum")}:
            _refresh_proc_descript(db, apt_num)
    return row_answer(PROCEDURES, updated)


@bp.delete("/procedurelogs/<int:key>")
def delete_procedure(key: int):
    with store().writing() as db:
        row = fetch(PROCEDURES, key)
        if row["ProcStatus"] not in DELETABLE_STATUSES:
            raise bad_request("Only treatment-planned or completed procedures can be deleted.")
        db.delete("procedurelogs", key)
        _refresh_proc_descript(db, row.get("AptNum"))
    return ok_answer()


@bp.get("/procedurecodes")
def list_procedure_codes():
    since = query_datetime("DateTStamp")
    return list_answer(CODES, changed_since(store().rows("procedurecodes"), "DateTStamp", since))


@bp.get("/procedurecodes/<int:key>")
def get_procedure_code(key: int):
    return row_answer(CODES, fetch(CODES, key))


def _resolve_code(fields: dict, lookups: Lookups) -> None:
    """CodeNum, or the code's text twin procCode (e.g. "D7286"), to a CodeNum that exists."""
    text = fields.pop("procCode", None)
    if "CodeNum" in fields:
        if fields["CodeNum"] not in lookups.codes:
            raise bad_request(f"CodeNum {fields['CodeNum']} does not match any procedure code.")
    elif text is not None:
        code = lookups.codes_by_proc_code.get(text)
        if code is None:
            raise bad_request("procCode does not match any procedure code.")
        fields["CodeNum"] = code["CodeNum"]


def _check_appointment(fields: dict, pat_num: int) -> dict | None:
    apt_num = fields.get("AptNum")
    if not apt_num:
        return None
    appointment = store().get("appointments", apt_num)
    if appointment is None or appointment["PatNum"] != pat_num:
        raise bad_request(f"AptNum {apt_num} is not an appointment of this patient.")
    return appointment


def _refresh_proc_descript(db: Store, apt_num: object) -> None:
    """Open Dental rewrites an appointment's ProcDescript when its procedures change."""
    if not apt_num or db.get("appointments", apt_num) is None:
        return
    appointment = db.get("appointments", apt_num)
    descript = describe_procedures(appointment, db.lookups())
    if descript != appointment.get("ProcDescript"):
        db.update("appointments", apt_num, {"ProcDescript": descript})
