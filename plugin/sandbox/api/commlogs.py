"""/commlogs: the patient's communication log. GET and POST (PUT of the note is not served)."""
from __future__ import annotations

from plugin.sandbox.api.blueprint import bp
from plugin.sandbox.api.answers import (
    changed_since,
    created_answer,
    fetch,
    list_answer,
    require_row,
    row_answer,
    store,
    where,
)
from plugin.sandbox.api.args import (
    as_datetime,
    as_int,
    as_text,
    bad_request,
    json_body,
    one_of,
    query_datetime,
    query_int,
    read_fields,
)
from plugin.sandbox.defaults import COMMLOG_TYPES, complete_row
from plugin.sandbox.resources import RESOURCES

COMMLOGS = RESOURCES["commlogs"]
MODES = ("None", "Email", "Mail", "Phone", "In Person", "Text", "Email and Text", "Phone and Text")
FIELDS = {
    "PatNum": as_int,
    "Note": as_text,
    "CommDateTime": as_datetime,
    "CommType": as_int,
    "commType": as_text,
    "Mode_": one_of(*MODES),
    "SentOrReceived": one_of("Neither", "Sent", "Received"),
}


@bp.get("/commlogs")
def list_commlogs():
    since = query_datetime("DateTStamp")
    rows = where(store().rows("commlogs"), PatNum=query_int("PatNum"))
    return list_answer(COMMLOGS, changed_since(rows, "DateTStamp", since))


@bp.get("/commlogs/<int:key>")
def get_commlog(key: int):
    return row_answer(COMMLOGS, fetch(COMMLOGS, key))


@bp.post("/commlogs")
def create_commlog():
    fields = read_fields(json_body(), FIELDS, required=("PatNum", "Note"))
    require_row(RESOURCES["patients"], fields["PatNum"], field="PatNum")
    with store().writing() as db:
        lookups = db.lookups()
        # The name wins when both are given, as Open Dental documents.
        name = fields.pop("commType", None)
        if name is not None:
            def_num = lookups.def_num_named(COMMLOG_TYPES, name)
            if def_num is None:
                raise bad_request("commType does not match any commlog type.")
            fields["CommType"] = def_num
        elif "CommType" in fields and not lookups.def_name(fields["CommType"], COMMLOG_TYPES):
            raise bad_request("CommType is not a commlog type definition (category 27).")
        if "CommType" in fields:
            fields["CommType"] = str(fields["CommType"])  # Open Dental returns this DefNum as a string
        row = db.insert("commlogs", complete_row("commlogs", fields, lookups, now=db.now()))
    return created_answer(COMMLOGS, row)
