"""/api/v1/cases/{id}/checks: Consistency checks: do codes, diagnoses and documents tell one medical story?"""
from __future__ import annotations

from flask.views import MethodView

from crosswalks import load_crosswalk
from docservice import audit
from docservice.api.cases import get_case_or_404
from docservice.api.core import ServiceBlueprint
from docservice.auth import CASES_READ
from docservice.case_status import check_case
from docservice.checks.schemas import CheckReportSchema
from docservice.extensions import db

blp = ServiceBlueprint("checks", __name__, url_prefix="/api/v1", description="Consistency checks: do codes, diagnoses and documents tell one medical story?")


@blp.route("/cases/<int:case_id>/checks")
class CaseChecks(MethodView):
    @blp.requires(CASES_READ)
    @blp.response(200, CheckReportSchema)
    @blp.errors(404)
    def get(self, case_id):
        """Check the case's claim: the saved one, else the one the builder would propose now (not saved).

        Read-only: a proposed claim is built in memory and discarded.
        """
        case = get_case_or_404(case_id)
        report = check_case(db.session, case, load_crosswalk())
        audit.record_read("checks.read", "case", case_id,
                          detail={"errors": len(report.errors), "findings": len(report.findings)})
        return {"ready": report.ready, "findings": report.findings}
