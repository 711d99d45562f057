"""/api/v1/cases/{id}/export, /api/v1/cases/{id}/exports, /api/v1/exports: what goes to the payer.

`GET .../export` answers a ZIP (packet, CMS-1500, 837P, narrative, manifest) or 409 with the
findings that stand in the way. Headers say what was recorded: X-MedLane-Export-Id,
X-MedLane-ACN, and X-MedLane-Open-Dental (uploaded / skipped / failed, with why).
"""
from __future__ import annotations

import io
from pathlib import Path

from flask import current_app, send_file
from flask.views import MethodView
from flask_smorest import abort
from sqlalchemy import select

from docservice import audit
from docservice.api.cases import get_case_or_404
from docservice.api.core import ServiceBlueprint
from docservice.auth import CASES_READ, CLAIMS_EXPORT, current_user
from docservice.cases import filter_cases
from docservice.exports.run import export_case, export_cases, printable_cms1500
from docservice.exports.schemas import BatchExportSchema, Cms1500QuerySchema, ExportQuerySchema, ExportSchema
from docservice.exports.writeback import write_back_all
from docservice.extensions import db
from docservice.models import Case

blp = ServiceBlueprint("exports", __name__, url_prefix="/api/v1",
                       description="Payer-ready packets, CMS-1500 and 837P, one case or a batch.")

PDF_RESPONSE = {"content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}}
ZIP_RESPONSE = {"content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}}}
EXPORTABLE = ("new", "in_progress", "ready", "exported", "submitted")


@blp.route("/cases/<int:case_id>/export")
class CaseExport(MethodView):
    @blp.requires(CLAIMS_EXPORT)
    @blp.arguments(ExportQuerySchema, location="query")
    @blp.doc(responses={"200": {"description": "The export ZIP", **ZIP_RESPONSE}})
    @blp.errors(404, 409, 422)
    def get(self, query, case_id):
        """Export the case: refused (409, with the findings) while the checks have errors."""
        case = get_case_or_404(case_id)
        user = current_user()
        result = export_case(db.session, case, home=Path(current_app.config["MEDLANE_HOME"]), user=user, actor=user.name,
                             override_reason=query["override_reason"])
        pms = write_back_all(db.session, result, to_pms=query["to_pms"])
        response = send_file(result.zip_path, mimetype="application/zip", as_attachment=True,
                             download_name=f"medlane-case-{case.id}-{result.export.acn}.zip")
        response.headers["X-MedLane-Export-Id"] = str(result.export.id)
        response.headers["X-MedLane-ACN"] = result.export.acn
        response.headers["X-MedLane-Warnings"] = str(len(result.export.totals.get("warnings", [])))
        _say_pms(response, pms)
        return response


@blp.route("/cases/<int:case_id>/cms1500")
class CaseCms1500(MethodView):
    @blp.requires(CLAIMS_EXPORT)
    @blp.arguments(Cms1500QuerySchema, location="query")
    @blp.doc(responses={"200": {"description": "The CMS-1500 of the newest export", **PDF_RESPONSE}})
    @blp.errors(404, 409)
    def get(self, query, case_id):
        """The newest export's CMS-1500 again: data only for the red form (printer offsets applied), or full."""
        case = get_case_or_404(case_id)
        data = printable_cms1500(db.session, case, home=Path(current_app.config["MEDLANE_HOME"]), mode=query["mode"])
        audit.record_read("claim.cms1500", "case", case.id, detail={"mode": query["mode"]})
        return send_file(io.BytesIO(data), mimetype="application/pdf",
                         download_name=f"cms1500-case-{case.id}-{query['mode']}.pdf")


@blp.route("/cases/<int:case_id>/exports")
class CaseExports(MethodView):
    @blp.requires(CASES_READ)
    @blp.response(200, ExportSchema(many=True))
    @blp.errors(404)
    def get(self, case_id):
        """The case's exports, newest first: numbers, files and hashes, who and when."""
        case = get_case_or_404(case_id)
        audit.record_read("export.list", "case", case.id, detail={"exports": len(case.exports)})
        return list(reversed(case.exports))


@blp.route("/exports")
class Exports(MethodView):
    @blp.requires(CLAIMS_EXPORT)
    @blp.arguments(BatchExportSchema)
    @blp.doc(responses={"200": {"description": "One ZIP: claim.837p for all, a folder per case, batch.json",
                                **ZIP_RESPONSE}})
    @blp.errors(409, 422)
    def post(self, data):
        """Export many ready cases at once: one 837P interchange and a folder per case."""
        cases = select_cases(data)
        if not cases:
            abort(409, message="No case matches: check the dates or ids.", error_code="nothing_to_export")
        user = current_user()
        result = export_cases(db.session, cases, home=Path(current_app.config["MEDLANE_HOME"]), user=user, actor=user.name,
                              override_reason=data["override_reason"])
        pms = write_back_all(db.session, result, to_pms=data["to_pms"])
        response = send_file(result.zip_path, mimetype="application/zip", as_attachment=True,
                             download_name=f"medlane-batch-{result.export.interchange_control_number}.zip")
        response.headers["X-MedLane-Exported"] = str(len(result.exports))
        response.headers["X-MedLane-Refused"] = str(len(result.refused))
        _say_pms(response, pms)
        return response


def select_cases(data: dict) -> list[Case]:
    """The cases a batch names: by id, or with an appointment in the date range, not closed or dismissed."""
    if data.get("case_ids"):
        cases = [db.session.get(Case, case_id) for case_id in dict.fromkeys(data["case_ids"])]
        missing = [case_id for case_id, case in zip(dict.fromkeys(data["case_ids"]), cases) if case is None]
        if missing:
            abort(404, message=f"There is no case {missing[0]}.")
        return cases
    statement = filter_cases({"date_from": data["date_from"], "date_to": data["date_to"]})
    return [case for case in db.session.scalars(statement) if case.status in EXPORTABLE]


def _say_pms(response, pms: tuple[str, str]) -> None:
    outcome, reason = pms
    response.headers["X-MedLane-Open-Dental"] = outcome
    if reason:
        # Header values must be Latin-1; the reasons are our own ASCII sentences.
        response.headers["X-MedLane-Open-Dental-Reason"] = reason.encode("ascii", "replace").decode()[:300]
