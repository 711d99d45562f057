"""/appointments: list, one, POST, PUT, and the Note, Break and Confirm verbs. There is no DELETE."""
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
    as_datetime,
    as_int,
    as_pattern,
    as_text,
    bad_request,
    json_body,
    one_of,
    query,
    query_date,
    query_datetime,
    query_int,
    read_fields,
)
from plugin.sandbox.defaults import APPT_CONFIRMED, complete_row, derive_fields
from plugin.sandbox.resources import APPOINTMENT_STATUSES, RESOURCES
from plugin.sandbox.wire import format_date

APPOINTMENTS = RESOURCES["appointments"]
POST_STATUSES = ("Scheduled", "Complete", "UnschedList", "PtNote", "PtNoteCompleted")
PUT_STATUSES = ("Scheduled", "Complete", "UnschedList", "Broken", "Planned", "PtNote", "PtNoteCompleted")
# confirmVal of PUT /Confirm -> the ApptConfirmed definition it selects.
CONFIRM_VALUES = {
    "None": "Not Called",
    "Sent": "Sent",
    "Confirmed": "Confirmed",
    "Not Accepted": "Not Accepted",
    "Failed": "Failed",
}
BROKEN_CODES = {"Missed": "D9986", "Cancelled": "D9987"}

_OPTIONAL_FIELDS = {
    "Pattern": as_pattern,
    "PatternSecondary": as_pattern,
    "Confirmed": as_int,
    "Note": as_text,
    "ProvNum": as_int,
    "ProvHyg": as_int,
    "ClinicNum": as_int,
    "IsHygiene": as_bool,
    "IsNewPatient": as_bool,
    "Priority": one_of("Normal", "ASAP"),
    "AppointmentTypeNum": as_int,
    "colorOverride": as_text,
    "SecUserNumEntry": as_int,
}
POST_FIELDS = {"PatNum": as_int, "Op": as_int, "AptDateTime": as_datetime, "AptStatus": one_of(*POST_STATUSES)}
POST_FIELDS.update(_OPTIONAL_FIELDS)
PUT_FIELDS = {
    "Op": as_int,
    "AptDateTime": as_datetime,
    "AptStatus": one_of(*PUT_STATUSES),
    "UnschedStatus": as_int,
    "TimeLocked": as_bool,
    "DateTimeArrived": as_datetime,
    "DateTimeSeated": as_datetime,
    "DateTimeDismissed": as_datetime,
    "DateTimeAskedToArrive": as_datetime,
}
PUT_FIELDS.update(_OPTIONAL_FIELDS)


@bp.get("/appointments")
def list_appointments():
    equals = {
        "PatNum": query_int("PatNum"),
        "AptStatus": query("AptStatus", one_of(*APPOINTMENT_STATUSES)),
        "Op": query_int("Op"),
        "ClinicNum": query_int("ClinicNum"),
    }
    day, first, last = query_date("date"), query_date("dateStart"), query_date("dateEnd")
    since = query_datetime("DateTStamp")
    rows = where(store().rows("appointments"), **equals)
    if day:
        first = last = day
    if first:
        rows = [row for row in rows if row["AptDateTime"][:10] >= format_date(first)]
    if last:  # inclusive: the whole of the last day
        rows = [row for row in rows if row["AptDateTime"][:10] <= format_date(last)]
    return list_answer(APPOINTMENTS, changed_since(rows, "DateTStamp", since))


@bp.get("/appointments/<int:key>")
def get_appointment(key: int):
    return row_answer(APPOINTMENTS, fetch(APPOINTMENTS, key))


@bp.post("/appointments")
def create_appointment():
    fields = read_fields(json_body(), POST_FIELDS, required=("PatNum", "Op", "AptDateTime"))
    patient = require_row(RESOURCES["patients"], fields["PatNum"], field="PatNum")
    # Like the desktop, a new appointment takes the patient's provider and clinic unless told otherwise.
    fields.setdefault("ProvNum", patient["PriProv"])
    fields.setdefault("ClinicNum", patient["ClinicNum"])
    with store().writing() as db:
        lookups = db.lookups()
        _check_links(fields, lookups)
        row = complete_row("appointments", fields, lookups, now=db.now())
        row = db.insert("appointments", row)
    return created_answer(APPOINTMENTS, row)


@bp.put("/appointments/<int:key>")
def update_appointment(key: int):
    fields = read_fields(json_body(), PUT_FIELDS)  # Note here overwrites; /Note appends
    with store().writing() as db:
        row = fetch(APPOINTMENTS, key)
        lookups = db.lookups()
        _check_links(fields, lookups)
        updated = derive_fields("appointments", {**row, **fields}, lookups, refresh=True)
        updated = db.replace("appointments", key, updated)
    return row_answer(APPOINTMENTS, updated)


@bp.put("/appointments/<int:key>/Note")
def append_appointment_note(key: int):
    note = read_fields(json_body(), {"Note": as_text}, required=("Note",))["Note"]
    with store().writing() as db:
        row = fetch(APPOINTMENTS, key)
        existing = row.get("Note", "")
        db.update("appointments", key, {"Note": f"{existing}\r\n{note}" if existing else note})
    return ok_answer()


@bp.put("/appointments/<int:key>/Break")
def break_appointment(key: int):
    fields = read_fields(
        json_body(),
        {"sendToUnscheduledList": as_bool, "breakType": one_of(*BROKEN_CODES)},
        required=("sendToUnscheduledList",),
    )
    with store().writing() as db:
        row = fetch(APPOINTMENTS, key)
        if row["AptStatus"] != "Scheduled":
            raise bad_request("Only appointments with a status of Scheduled can be broken.")
        # The sandbox does not model the Unscheduled List: either way the appointment becomes Broken.
        db.update("appointments", key, {"AptStatus": "Broken"})
        if "breakType" in fields:
            _chart_broken_appointment_code(row, BROKEN_CODES[fields["breakType"]])
    return ok_answer()


@bp.put("/appointments/<int:key>/Confirm")
def confirm_appointment(key: int):
    fields = read_fields(json_body(), {"confirmVal": one_of(*CONFIRM_VALUES), "defNum": as_int})
    with store().writing() as db:
        fetch(APPOINTMENTS, key)
        lookups = db.lookups()
        if "defNum" in fields:
            def_num = fields["defNum"]
            if not lookups.def_name(def_num, APPT_CONFIRMED):
                raise bad_request("defNum is not an appointment confirmation definition (category 2).")
        elif "confirmVal" in fields:
            def_num = lookups.def_num_named(APPT_CONFIRMED, CONFIRM_VALUES[fields["confirmVal"]])
            if def_num is None:
                raise bad_request(f"This office has no confirmation status for {fields['confirmVal']}.")
        else:
            raise bad_request("confirmVal or defNum is required.")
        updated = {**db.get("appointments", key), "Confirmed": def_num}
        db.replace("appointments", key, derive_fields("appointments", updated, lookups, refresh=True))
    return ok_answer()


@bp.delete("/appointments/<int:key>")
def delete_appointment(key: int):
    raise bad_request("Appointments cannot be deleted. Use PUT /appointments/{AptNum}/Break or set AptStatus.")


def _check_links(fields: dict, lookups) -> None:
    if fields.get("Confirmed") and not lookups.def_name(fields["Confirmed"], APPT_CONFIRMED):
        raise bad_request("Confirmed is not an appointment confirmation definition (category 2).")
    for column in ("ProvNum", "ProvHyg"):
        if fields.get(column) and fields[column] not in lookups.providers:
            raise bad_request(f"{column} {fields[column]} does not match any provider.")


def _chart_broken_appointment_code(appointment: dict, proc_code: str) -> None:
    """Missed/Cancelled charts D9986/D9987 as complete, when the office has the code."""
    db = store()
    lookups = db.lookups()
    code = lookups.codes_by_proc_code.get(proc_code)
    if code is None:
        return
    today = format_date(db.now().date())
    given = {
        "PatNum": appointment["PatNum"],
        "ProcDate": today,
        "DateEntryC": today,
        "ProcStatus": "C",
        "CodeNum": code["CodeNum"],
        "ProvNum": appointment["ProvNum"],
        "ClinicNum": appointment["ClinicNum"],
    }
    db.insert("procedurelogs", complete_row("procedurelogs", given, lookups, now=db.now()))
