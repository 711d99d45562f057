"""/patients: one patient, /patients/Simple (the sync-friendly list) and /patients (Patient Select)."""
from __future__ import annotations

from flask import jsonify

from plugin.sandbox.api.blueprint import bp
from plugin.sandbox.api.answers import changed_since, fetch, list_answer, page, row_answer, store, where
from plugin.sandbox.api.args import as_text, one_of, query, query_bool, query_date, query_datetime, query_int
from plugin.sandbox.resources import RESOURCES
from plugin.sandbox.wire import format_date, render_row

PATIENTS = RESOURCES["patients"]
PAT_STATUSES = ("Patient", "NonPatient", "Inactive", "Archived", "Deceased", "Prospective")
GENDERS = ("Male", "Female", "Unknown", "Other")
POSITIONS = ("Single", "Married", "Child", "Widowed", "Divorced")
# GET /patients mirrors the desktop's Patient Select grid: fewer columns than a full patient.
SELECT_COLUMNS = (
    "PatNum",
    "LName",
    "FName",
    "MiddleI",
    "Preferred",
    "PatStatus",
    "Gender",
    "Birthdate",
    "Address",
    "City",
    "State",
    "Zip",
    "HmPhone",
    "WkPhone",
    "WirelessPhone",
    "Email",
    "ChartNumber",
    "Guarantor",
    "SuperFamily",
    "PriProv",
    "priProvAbbr",
    "ClinicNum",
)


@bp.get("/patients/<int:key>")
def get_patient(key: int):
    return row_answer(PATIENTS, fetch(PATIENTS, key))


@bp.get("/patients/Simple")
def list_patients_simple():
    equals = {
        "ClinicNum": query_int("ClinicNum"),
        "PatStatus": query("PatStatus", one_of(*PAT_STATUSES)),
        "PriProv": query_int("PriProv"),
        "Gender": query("Gender", one_of(*GENDERS)),
        "Position": query("Position", one_of(*POSITIONS)),
        "Guarantor": query_int("Guarantor"),
        "SuperFamily": query_int("SuperFamily"),
        "EmployerNum": query_int("EmployerNum"),
        "FeeSched": query_int("FeeSched"),
    }
    birthdate = query_date("Birthdate")
    equals["Birthdate"] = format_date(birthdate) if birthdate else None
    since = query_datetime("DateTStamp")
    rows = _names_like(where(store().rows("patients"), **equals))
    return list_answer(PATIENTS, changed_since(rows, "DateTStamp", since), echo_time=True)


@bp.get("/patients")
def list_patients():
    birthdate = query_date("Birthdate")
    rows = where(
        store().rows("patients"),
        Birthdate=format_date(birthdate) if birthdate else None,
        City=query("City", as_text),
        State=query("State", as_text),
        ChartNumber=query("ChartNumber", as_text),
    )
    rows = _names_like(rows)
    phone = _digits(query("Phone", as_text) or "")
    if phone:
        rows = [r for r in rows if any(phone in _digits(r[c]) for c in ("HmPhone", "WkPhone", "WirelessPhone"))]
    for column in ("Address", "Email"):
        wanted = (query(column, as_text) or "").casefold()
        if wanted:
            rows = [r for r in rows if wanted in str(r.get(column, "")).casefold()]
    if query_bool("hideInactive"):
        rows = [r for r in rows if r["PatStatus"] != "Inactive"]
    if query_bool("guarOnly"):
        rows = [r for r in rows if r["Guarantor"] == r["PatNum"]]
    if not query_bool("showArchived"):
        rows = [r for r in rows if r["PatStatus"] != "Archived"]
    shown = [{column: row.get(column) for column in SELECT_COLUMNS} for row in page(rows)]
    return jsonify([render_row(PATIENTS, row) for row in shown])


def _names_like(rows: list[dict]) -> list[dict]:
    """LName/FName match the start of the name, ignoring case, as Patient Select does."""
    for column in ("LName", "FName"):
        wanted = (query(column, as_text) or "").casefold()
        if wanted:
            rows = [row for row in rows if str(row.get(column, "")).casefold().startswith(wanted)]
    return rows


def _digits(text: object) -> str:
    return "".join(ch for ch in str(text) if ch.isdigit())
