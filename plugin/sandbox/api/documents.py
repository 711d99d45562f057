"""/documents: list a patient's documents, one document, and POST /documents/Upload.

Open Dental parks an uploaded file's bytes in the document's Note ("_rawBase64_:...") and writes
the real file the first time someone opens it, so FileName starts as a placeholder. File bytes
are never returned.
"""
from __future__ import annotations

import base64
import binascii
import re

from plugin.sandbox.api.blueprint import bp
from plugin.sandbox.api.answers import created_answer, fetch, list_answer, require_row, row_answer, store, where
from plugin.sandbox.api.args import (
    as_bool,
    as_datetime,
    as_int,
    as_text,
    bad_request,
    json_body,
    one_of,
    read_fields,
    require_query,
)
from plugin.sandbox.defaults import IMAGE_CATS, complete_row
from plugin.sandbox.resources import RESOURCES

DOCUMENTS = RESOURCES["documents"]
_EXTENSION = re.compile(r"^\.?[A-Za-z0-9]{1,10}$")
_TOOTH_RANGE = re.compile(r"^(\d{1,2})(?:-(\d{1,2}))?$")
PERMANENT_TEETH = range(1, 33)


def as_tooth_numbers(name: str, value: object) -> str:
    """"1-5,8" -> "1,2,3,4,5,8": Open Dental stores and returns ranges spelled out."""
    if not isinstance(value, str):
        raise bad_request(f"{name} must be text.")
    teeth: list[int] = []
    for part in filter(None, (piece.strip() for piece in value.split(","))):
        match = _TOOTH_RANGE.match(part)
        first, last = (int(match[1]), int(match[2] or match[1])) if match else (0, 0)
        if first not in PERMANENT_TEETH or last not in PERMANENT_TEETH or last < first:
            raise bad_request(f"{name} must be tooth numbers 1-32 separated by commas, with ranges like 1-5.")
        teeth += [tooth for tooth in range(first, last + 1) if tooth not in teeth]
    return ",".join(map(str, teeth))


UPLOAD_FIELDS = {
    "PatNum": as_int,
    "rawBase64": as_text,
    "extension": as_text,
    "Description": as_text,
    "DateCreated": as_datetime,
    "DocCategory": as_int,
    "ImgType": one_of("Document", "Radiograph", "Photo", "File", "Attachment"),
    "ToothNumbers": as_tooth_numbers,
    "ProvNum": as_int,
    "PrintHeading": as_bool,
}


@bp.get("/documents")
def list_documents():
    pat_num = require_query("PatNum", as_int)
    return list_answer(DOCUMENTS, where(store().rows("documents"), PatNum=pat_num))


@bp.get("/documents/<int:key>")
def get_document(key: int):
    return row_answer(DOCUMENTS, fetch(DOCUMENTS, key))


@bp.post("/documents/Upload")
def upload_document():
    fields = read_fields(json_body(), UPLOAD_FIELDS, required=("PatNum", "rawBase64", "extension"))
    require_row(RESOURCES["patients"], fields["PatNum"], field="PatNum")
    raw = fields.pop("rawBase64")
    try:
        if not base64.b64decode(raw, validate=True):
            raise ValueError("empty")
    except (binascii.Error, ValueError):
        raise bad_request("rawBase64 is not valid base64 data.") from None
    extension = fields.pop("extension")
    if not _EXTENSION.match(extension):
        raise bad_request('extension must look like ".pdf".')
    extension = "." + extension.lstrip(".").lower()
    with store().writing() as db:
        lookups = db.lookups()
        if "DocCategory" in fields and not lookups.def_name(fields["DocCategory"], IMAGE_CATS):
            raise bad_request("DocCategory is not an image category definition (category 18).")
        if fields.get("ProvNum"):
            require_row(RESOURCES["providers"], fields["ProvNum"], field="ProvNum")
        given = {**fields, "Note": f"_rawBase64_:{raw}", "FileName": f"placeholder{extension}"}
        row = db.insert("documents", complete_row("documents", given, lookups, now=db.now()))
    return created_answer(DOCUMENTS, row)
