"""/apptfielddefs (list, POST) and /apptfields (GET one value, PUT upsert): structured appointment flags."""
from __future__ import annotations

from flask import jsonify

from plugin.sandbox.api.blueprint import bp
from plugin.sandbox.api.answers import created_answer, list_answer, require_row, store
from plugin.sandbox.api.args import as_int, as_text, bad_request, json_body, one_of, read_fields, require_query
from plugin.sandbox.defaults import complete_row
from plugin.sandbox.resources import RESOURCES
from plugin.sandbox.store import Store

FIELD_DEFS = RESOURCES["apptfielddefs"]
FIELDS = RESOURCES["apptfields"]


@bp.get("/apptfielddefs")
def list_apptfield_defs():
    return list_answer(FIELD_DEFS, store().rows("apptfielddefs"))


@bp.post("/apptfielddefs")
def create_apptfield_def():
    fields = read_fields(
        json_body(),
        {"FieldName": as_text, "FieldType": one_of("Text", "PickList"), "PickList": as_text},
        required=("FieldName",),
    )
    with store().writing() as db:
        # Field names are unique without regard to case, like the database column's collation.
        if _field_def(db, fields["FieldName"], exact=False) is not None:
            raise bad_request("An appointment field definition with that FieldName already exists.")
        row = db.insert("apptfielddefs", complete_row("apptfielddefs", fields, db.lookups(), now=db.now()))
    return created_answer(FIELD_DEFS, row)


@bp.get("/apptfields")
def get_apptfield():
    apt_num = require_query("AptNum", as_int)
    name = require_query("FieldName", as_text)
    require_row(RESOURCES["appointments"], apt_num, field="AptNum")
    if _field_def(store(), name) is None:
        raise bad_request("FieldName does not match any appointment field definition.")
    row = _field_value(store(), apt_num, name)
    # An unset field is not an error: the value is simply empty.
    return jsonify({"AptNum": apt_num, "FieldName": name, "FieldValue": row["FieldValue"] if row else ""})


@bp.put("/apptfields")
def upsert_apptfield():
    fields = read_fields(
        json_body(),
        {"AptNum": as_int, "FieldName": as_text, "FieldValue": as_text},
        required=("AptNum", "FieldName"),
    )
    value = fields.get("FieldValue", "")
    with store().writing() as db:
        require_row(RESOURCES["appointments"], fields["AptNum"], field="AptNum")
        field_def = _field_def(db, fields["FieldName"])
        if field_def is None:
            raise bad_request("FieldName does not match any appointment field definition. Create it first.")
        if field_def["FieldType"] == "PickList" and value and value not in field_def["PickList"].split("\r\n"):
            raise bad_request("FieldValue is not one of the field's pick list items.")
        row = _field_value(db, fields["AptNum"], fields["FieldName"])
        if row is None:
            given = {"AptNum": fields["AptNum"], "FieldName": fields["FieldName"], "FieldValue": value}
            row = db.insert("apptfields", complete_row("apptfields", given, db.lookups(), now=db.now()))
        else:
            row = db.update("apptfields", row["ApptFieldNum"], {"FieldValue": value})
    return jsonify({"AptNum": row["AptNum"], "FieldName": row["FieldName"], "FieldValue": row["FieldValue"]})


def _field_def(db: Store, name: str, *, exact: bool = True) -> dict | None:
    for row in db.rows("apptfielddefs"):
        if row["FieldName"] == name or (not exact and row["FieldName"].casefold() == name.casefold()):
            return row
    return None


def _field_value(db: Store, apt_num: int, name: str) -> dict | None:
    for row in db.rows("apptfields"):
        if row["AptNum"] == apt_num and row["FieldName"] == name:
            return row
    return None
