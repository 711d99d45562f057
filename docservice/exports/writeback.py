"""Back into Open Dental after an export: the packet on the patient's documents, a commlog, the
appointment's MedLane field. Runs after the export is committed; its outcome is recorded on the
export (`Export.pms`) and never undoes it.
"""
from __future__ import annotations

import logging
import zipfile
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy.orm import Session

from docservice import audit
from docservice.models import Export
from docservice.settings import load_settings

log = logging.getLogger(__name__)


def write_back_all(session: Session, result, *, to_pms: bool) -> tuple[str, str]:
    """Write each exported case of `result` back into Open Dental unless told not to.

    Returns (outcome, why): "uploaded", "skipped" (not asked, not configured, turned off) or
    "failed", and the first reason one did not happen. Each export records its own outcome.
    """
    from docservice.opendental import PmsWriteError, pms_from_environment

    settings = load_settings(session)
    connection, unusable = None, ""
    if to_pms:
        try:
            connection = pms_from_environment()
        except PmsWriteError as error:
            unusable = str(error)
    for export in result.exports:
        if not to_pms or unusable:
            export.pms = {"done": False, "reason": unusable or "Not asked to (to_pms=false)."}
            continue
        folder = f"case-{export.case.id}/" if export.batch_id else ""
        export.pms = write_back(export, zip_path=result.zip_path, settings=settings, connection=connection,
                                folder=folder)
        audit.record("case.export.pms", "case", export.case.id,
                     detail={"export_id": export.id, "done": export.pms.get("done", False)})
    session.commit()
    outcomes = [export.pms for export in result.exports]
    if all(outcome.get("done") for outcome in outcomes):
        return "uploaded", ""
    reason = next(outcome.get("reason", "") for outcome in outcomes if not outcome.get("done"))
    attempted = to_pms and (connection is not None or bool(unusable)) and (settings.get("opendental") or {}).get("upload", True)
    return ("failed" if attempted else "skipped"), reason


def write_back(export: Export, *, zip_path: Path, settings: Mapping, connection, folder: str = "") -> dict:
    """Upload the packet, add a commlog and set the ApptField; returns what happened.

    `connection` is a docservice.opendental connection, or None when Open Dental is not configured.
    """
    from docservice.opendental import PmsWriteError, add_commlog, set_appointment_field, upload_document

    options = settings.get("opendental") or {}
    if connection is None:
        return {"done": False, "reason": "Open Dental is not configured (MEDLANE_PMS_URL and keys)."}
    if not options.get("upload", True):
        return {"done": False, "reason": "Uploading to Open Dental is turned off in the settings."}
    case = export.case
    outcome: dict = {"done": False, "documents": []}
    try:
        for name, data in packet_pdfs(zip_path, folder=folder):
            doc_num = upload_document(connection, pat_num=case.pat_num, pdf=data,
                                      description=f"Medical claim packet {export.acn} ({name})",
                                      doc_category=options.get("doc_category"), date_created=export.exported_at)
            outcome["documents"].append(doc_num)
        outcome["commlog"] = add_commlog(connection, pat_num=case.pat_num, note=commlog_note(export),
                                         when=export.exported_at)
        set_appointment_field(connection, apt_num=case.apt_num, value=field_value(export))
        outcome["done"] = True
    except PmsWriteError as error:
        # The message names the step and the status, never the patient.
        log.warning("Open Dental write-back of export %s stopped: %s", export.id, error)
        outcome["reason"] = str(error)
    return outcome


def packet_pdfs(zip_path: Path, *, folder: str = "") -> list[tuple[str, bytes]]:
    """The packet file(s) of one case in an export ZIP: packet.pdf, or its parts in order."""
    with zipfile.ZipFile(zip_path) as archive:
        names = sorted(name for name in archive.namelist()
                       if name.startswith(folder + "packet") and name.endswith(".pdf"))
        return [(name[len(folder):], archive.read(name)) for name in names]


def commlog_note(export: Export) -> str:
    """e.g. "Medical claim packet ACN ML-42-9F3A0C11D2 exported; 3 attachments; E0486-NU"."""
    summary = export.claim_summary or {}
    codes = ", ".join("-".join([line["code"], *line.get("modifiers", [])]) for line in summary.get("lines", []))
    kind = " (replacement claim)" if export.frequency_code == "7" else ""
    return (f"Medical claim packet ACN {export.acn} exported{kind}; {summary.get('attachments', 0)} attachments; "
            f"{codes}").strip("; ")


def field_value(export: Export) -> str:
    """The MedLane appointment field after an export: the case's status, with the ACN to find it by."""
    return f"Medical claim exported - ACN {export.acn}"
