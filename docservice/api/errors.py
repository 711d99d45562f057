"""Errors mapped to answers, in one place (microblog's app/errors/handlers.py).

Every error body is `{"code", "status", "message"}`, plus `errors` (invalid fields) or
`findings` (what stands in the way) where there are some. `ANSWERS` gives each domain error
class one status and a message a person can act on; the handlers are registered on the app, so
the answer is the same from every blueprint and views never catch errors only to translate
them. werkzeug's errors (abort, 404, 405...) and anything unexpected (a 500 without detail) are
answered by `ServiceApi.handle_http_exception` in the same shape.
"""
from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask

from crosswalks import CrosswalkError
from docservice.case_status import SubmissionRefused
from docservice.claimforms.cms1500.errors import Cms1500Error
from docservice.claimforms.x837p.errors import ClaimFormatError
from docservice.claims.edits import EditRejected
from docservice.errors import UploadRejected, UserError
from docservice.evidence import EvidenceRejected
from docservice.exports.errors import ExportFailed, ExportRefused
from docservice.narratives import NarrativeRefused, PdfFontError
from docservice.opendental.errors import PmsWriteError
from docservice.packets.errors import PacketError
from docservice.settings import SettingsInvalid
from docservice.visits import VisitConflict

log = logging.getLogger(__name__)


def _invalid_fields(error) -> dict:
    return {"errors": error.errors}


def _findings(error) -> dict:
    return {"findings": [
        {"rule": f.rule, "severity": f.severity, "message": f.message, "fix": f.fix, "line": f.line}
        for f in error.findings
    ]}


@dataclass(frozen=True)
class ErrorAnswer:
    """How one error class is answered."""

    status: int | None  # None: the error's own `status`
    code: str | None  # None: the error's own `code`
    message: str | None = None  # None: the error's own message (these are written for a person)
    details: Callable[[Exception], dict] | None = None  # more body keys: errors, findings
    log: bool = False  # worth an operator's look: the error's text goes to the service log


ANSWERS: dict[type[Exception], ErrorAnswer] = {
    UploadRejected: ErrorAnswer(None, None),
    SettingsInvalid: ErrorAnswer(422, "settings_invalid", "Some settings are missing or invalid; see errors.",
                                 details=_invalid_fields),
    EditRejected: ErrorAnswer(422, "unprocessable_entity", "Some fields are missing or invalid; see errors.",
                              details=_invalid_fields),
    EvidenceRejected: ErrorAnswer(422, "unprocessable_entity", "Some fields are missing or invalid; see errors.",
                                  details=_invalid_fields),
    UserError: ErrorAnswer(409, "conflict"),
    VisitConflict: ErrorAnswer(409, "visit_conflict"),
    NarrativeRefused: ErrorAnswer(409, None),
    SubmissionRefused: ErrorAnswer(409, None, details=_findings),
    ExportRefused: ErrorAnswer(409, None, details=_findings),
    ClaimFormatError: ErrorAnswer(409, "claim_format"),
    Cms1500Error: ErrorAnswer(409, "claim_format"),
    PacketError: ErrorAnswer(409, "packet_not_built"),
    PmsWriteError: ErrorAnswer(502, "open_dental_failed"),
    # The problems name data files and rows, which mean nothing to the caller: they go to the log.
    CrosswalkError: ErrorAnswer(503, "crosswalk_invalid",
                                "MedLane's code and rule data (the crosswalk) does not load, so this cannot be "
                                "worked out now. The problems are in the service log; once the data is fixed, "
                                "try again.", log=True),
    PdfFontError: ErrorAnswer(503, "pdf_font_missing"),
    ExportFailed: ErrorAnswer(500, "export_failed", log=True),
}


def answer_error(error: Exception, answer: ErrorAnswer) -> tuple[dict, int]:
    """The JSON body and status of `error`; the request's changes are rolled back first."""
    from docservice.extensions import db

    # Nothing half-done may be committed by a later step of the request (the audit log's, say).
    db.session.rollback()
    status = answer.status or error.status
    if answer.log:
        log.error("%s answered %d: %s", type(error).__name__, status, error)
    body = {
        "code": answer.code or error.code,
        "status": status,
        "message": answer.message or getattr(error, "message", None) or str(error),
    }
    if answer.details is not None:
        body.update(answer.details(error))
    return body, status


def register_error_handlers(app: Flask) -> None:
    """Answer each error class of `ANSWERS` as it says (a subclass, by its nearest mapped class)."""
    for error_class, answer in ANSWERS.items():
        app.register_error_handler(error_class, functools.partial(answer_error, answer=answer))
