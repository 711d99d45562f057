"""/claims (list, one, PUT) and /claimprocs (list, one): a patient's insurance claims and their lines.

The API cannot create a medical claim (staff use New Claim > Medical, which Open Dental stores
as ClaimType "Other"), but it can read one and edit its notes, accident and provider fields.
PUT takes only the documented writable fields; anything else in the body is ignored. Like the
database's ON UPDATE timestamp, SecDateTEdit moves only when a value actually changes.
"""
from __future__ import annotations

import re

from plugin.sandbox.api.blueprint import bp
from plugin.sandbox.api.answers import changed_since, fetch, list_answer, require_row, row_answer, store, where
from plugin.sandbox.api.args import (
    as_bool,
    as_date,
    as_int,
    as_text,
    bad_request,
    json_body,
    one_of,
    query,
    query_datetime,
    query_int,
    read_fields,
)
from plugin.sandbox.resources import CLAIM_STATUSES, CLAIMPROC_STATUSES, RESOURCES
from plugin.sandbox.wire import ApiError

CLAIMS = RESOURCES["claims"]
CLAIMPROCS = RESOURCES["claimprocs"]

RELATIONSHIPS = (
    "Self",
    "Spouse",
    "Child",
    "Employee",
    "HandicapDep",
    "SignifOther",
    "InjuredPlaintiff",
    "LifePartner",
    "Dependent",
)
# Open Dental's PlaceOfService enum, as the API spells it.
PLACES_OF_SERVICE = (
    "Office",
    "PatientsHome",
    "InpatHospital",
    "OutpatHospital",
    "SkilledNursFac",
    "CustodialCareFacility",
    "OtherLocation",
    "MobileUnit",
    "School",
    "MilitaryTreatFac",
    "FederalHealthCenter",
    "PublicHealthClinic",
    "RuralHealthClinic",
    "EmergencyRoomHospital",
    "AmbulatorySurgicalCenter",
)
# The PUT takes "No" for none; the column stores "" (as GET shows).
ACCIDENT_WRITTEN = {"No": "", "A": "A", "E": "E", "O": "O"}
_STATE = re.compile(r"^[A-Za-z]{2}$")


def as_accident(name: str, value: object) -> str:
    if value not in ACCIDENT_WRITTEN:
        raise bad_request(f'{name} must be one of: "No", "A" (auto), "E" (employment), "O" (other).')
    return ACCIDENT_WRITTEN[value]  # type: ignore[index]


def as_state(name: str, value: object) -> str:
    if not isinstance(value, str) or not _STATE.match(value):
        raise bad_request(f"{name} must be two letters, e.g. CO.")
    return value.upper()


def as_months(name: str, value: object) -> int:
    months = as_int(name, value)
    if not 1 <= months <= 36:
        raise bad_request(f"{name} must be between 1 and 36.")
    return months


def as_title_bool(name: str, value: object) -> str:
    # Claims return IsOrtho as "True"/"False" although they take "true"/"false".
    return as_bool(name, value).capitalize()


WRITABLE = {
    "ClaimStatus": one_of("U", "H", "W", "S", "R"),  # "I" can be filtered on, not set
    "DateReceived": as_date,
    "ProvTreat": as_int,
    "IsProsthesis": one_of("N", "I", "R"),
    "PriorDate": as_date,
    "ClaimNote": as_text,
    "ReasonUnderPaid": as_text,
    "ProvBill": as_int,
    "PlaceService": one_of(*PLACES_OF_SERVICE),
    "AccidentRelated": as_accident,
    "AccidentDate": as_date,
    "AccidentST": as_state,
    "IsOrtho": as_title_bool,
    "OrthoRemainM": as_months,
    "OrthoDate": as_date,
    "PatRelat": one_of(*RELATIONSHIPS),
    "PatRelat2": one_of(*RELATIONSHIPS),
    "ClaimForm": as_int,
    "InsSubNum2": as_int,
    "PriorAuthorizationNumber": as_text,
    "OrthoTotalM": as_months,
}


@bp.get("/claims")
def list_claims():
    pat_num = query_int("PatNum")
    status = query("ClaimStatus", one_of(*CLAIM_STATUSES))
    since = query_datetime("SecDateTEdit")
    if pat_num is not None and store().get("patients", pat_num) is None:
        raise ApiError(404, "Patient not found.")
    rows = where(store().rows("claims"), PatNum=pat_num, ClaimStatus=status)
    return list_answer(CLAIMS, changed_since(rows, "SecDateTEdit", since))


@bp.get("/claims/<int:key>")
def get_claim(key: int):
    return row_answer(CLAIMS, fetch(CLAIMS, key))


@bp.put("/claims/<int:key>")
def update_claim(key: int):
    fields = read_fields(json_body(), WRITABLE)
    with store().writing() as db:
        claim = fetch(CLAIMS, key)
        _check_links(fields)
        if "ClaimForm" in fields:
            fields["ClaimForm"] = str(fields["ClaimForm"])  # Open Dental returns this key as a string
        changes = {field: value for field, value in fields.items() if claim.get(field) != value}
        if changes:
            claim = db.update("claims", key, changes)
    return row_answer(CLAIMS, claim)


def _check_links(fields: dict) -> None:
    for field in ("ProvTreat", "ProvBill"):
        if field in fields:
            require_row(RESOURCES["providers"], fields[field], field=field)
    if fields.get("InsSubNum2"):
        require_row(RESOURCES["inssubs"], fields["InsSubNum2"], field="InsSubNum2")
    if fields.get("ClaimForm", 0) < 0:
        raise bad_request("ClaimForm must be a claim form number, or 0 for the plan's.")


@bp.get("/claimprocs")
def list_claimprocs():
    filters = {name: query_int(name) for name in ("ProcNum", "ClaimNum", "PatNum", "ClaimPaymentNum")}
    status = query("Status", one_of(*CLAIMPROC_STATUSES))
    # A number that names nothing is a 404 with the noun, as Open Dental explains it.
    for name, resource in (("PatNum", "patients"), ("ClaimNum", "claims"), ("ProcNum", "procedurelogs")):
        if filters[name] is not None and store().get(resource, filters[name]) is None:
            raise ApiError(404, f"{RESOURCES[resource].noun} not found.")
    return list_answer(CLAIMPROCS, where(store().rows("claimprocs"), **filters, Status=status))


@bp.get("/claimprocs/<int:key>")
def get_claimproc(key: int):
    return row_answer(CLAIMPROCS, fetch(CLAIMPROCS, key))
