"""What the document service writes into Open Dental after an export: the packet, a commlog, a flag.

Each function is one documented call, named after what staff will see:
- `upload_document`: POST /documents/Upload, the PDF in the patient's Imaging module;
- `add_commlog`: POST /commlogs, a line in the patient's communication log;
- `set_appointment_field`: PUT /apptfields, the appointment's MedLane field (an upsert).
"""
from __future__ import annotations

import base64
from datetime import date, datetime

from docservice.opendental.connection import PmsConnection, send
from docservice.opendental.errors import PmsWriteError

# Open Dental caps a request body at about 16.8 million characters; base64 makes a file 4/3 bigger.
MAX_BODY_CHARACTERS = 16_800_000
BODY_OVERHEAD = 10_000  # the JSON around rawBase64


def upload_document(
    conn: PmsConnection,
    *,
    pat_num: int,
    pdf: bytes,
    description: str,
    doc_category: int | None,
    img_type: str = "Attachment",
    date_created: datetime | date,
) -> int:
    """Put a PDF among the patient's documents; returns its DocNum.

    `doc_category` is an image category's DefNum (definition category 18); None lets Open
    Dental use its first category.
    """
    raw = base64.b64encode(pdf).decode("ascii")
    if len(raw) + BODY_OVERHEAD > MAX_BODY_CHARACTERS:
        largest = (MAX_BODY_CHARACTERS - BODY_OVERHEAD) * 3 // 4 // 1_000_000
        raise PmsWriteError(
            f"The PDF is {len(pdf) / 1_000_000:.1f} MB; Open Dental takes uploads up to about {largest} MB."
        )
    body = {
        "PatNum": pat_num,
        "rawBase64": raw,
        "extension": ".pdf",
        "Description": description,
        "ImgType": img_type,
        "DateCreated": format_when(date_created),
    }
    if doc_category:
        body["DocCategory"] = doc_category
    created = send(conn, "POST", "documents/Upload", body=body, step="the document upload")
    doc_num = created.get("DocNum") if isinstance(created, dict) else None
    if not isinstance(doc_num, int) or doc_num <= 0:
        raise PmsWriteError("Open Dental took the document upload but did not say which document it made.")
    return doc_num


def add_commlog(conn: PmsConnection, *, pat_num: int, note: str, when: datetime | date) -> int | None:
    """Add a line to the patient's communication log; returns its CommlogNum.

    None when Open Dental is older than 23.3.7, which answered a created commlog with no body.
    """
    body = {
        "PatNum": pat_num,
        "Note": note,
        "CommDateTime": format_when(when),
        # A record of paperwork, not a call: Open Dental's default would say "Phone".
        "Mode_": "None",
        "SentOrReceived": "Neither",
    }
    created = send(conn, "POST", "commlogs", body=body, step="the commlog")
    commlog_num = created.get("CommlogNum") if isinstance(created, dict) else None
    return commlog_num if isinstance(commlog_num, int) and commlog_num > 0 else None


def set_appointment_field(conn: PmsConnection, *, apt_num: int, value: str, field_name: str = "MedLane") -> None:
    """Set the appointment's field (its definition must exist; the scan side creates MedLane's)."""
    body = {"AptNum": apt_num, "FieldName": field_name, "FieldValue": value}
    send(conn, "PUT", "apptfields", body=body, step=f"the appointment's {field_name} field")


def format_when(value: datetime | date) -> str:
    """Open Dental's `yyyy-MM-dd HH:mm:ss`, in the server's local wall-clock time (it keeps no zone)."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, datetime.min.time())
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)  # this machine's zone stands in for the office's
    return value.strftime("%Y-%m-%d %H:%M:%S")
