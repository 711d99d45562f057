"""/api/v1/cases/{id}/claim: the proposed medical claim of a case — build, read, edit, lines.

`POST` builds it (201) or rebuilds it keeping a person's edits (200). Every change a person
makes is listed in `edited` with why "set by <role>" and audited by id. The practice's
providers come from the practice settings (`medlane settings`, `/api/v1/settings`).
"""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort

from crosswalks import icd10, load_crosswalk
from docservice import audit
from docservice.api.cases import get_case_or_404
from docservice.api.core import ServiceBlueprint
from docservice.auth import CASES_READ, CLAIMS_EDIT, current_user
from docservice.claims import Practice, build_claim, save_claim
from docservice.claims.edits import add_line, delete_line, edit_claim, edit_line
from docservice.claims.schemas import ClaimLineSchema, ClaimPatchSchema, ClaimSchema, LineInSchema, LinePatchSchema
from docservice.extensions import db
from docservice.models import Case, Claim, ClaimLine, Procedure
from docservice.settings import load_settings
from docservice.settings.store import practice_of

blp = ServiceBlueprint(
    "claims", __name__, url_prefix="/api/v1",
    description="The proposed medical claim of a case: lines, diagnoses, claim fields, each with why.",
)


def practice_for(case: Case) -> Practice:
    """The case's rendering and billing providers, from the practice settings."""
    return practice_of(load_settings(db.session), case)


def get_claim_or_404(case: Case) -> Claim:
    if case.claim is None:
        abort(404, message=f"Case {case.id} has no claim yet; build it with POST /api/v1/cases/{case.id}/claim.")
    return case.claim


def get_line_or_404(claim: Claim, line_id: int) -> ClaimLine:
    line = next((line for line in claim.lines if line.id == line_id), None)
    if line is None:
        abort(404, message=f"The claim has no line {line_id}.")
    return line


def _finish_edit(claim: Claim, action: str, detail: dict) -> None:
    claim.updated_by_id = current_user().id
    audit.record(action, "case", claim.case_id, detail={"claim_id": claim.id, **detail})
    db.session.commit()


@blp.route("/cases/<int:case_id>/claim")
class CaseClaim(MethodView):
    @blp.requires(CASES_READ)
    @blp.response(200, ClaimSchema)
    @blp.errors(404)
    def get(self, case_id):
        """Read the proposed claim, every value with why."""
        case = get_case_or_404(case_id)
        claim = get_claim_or_404(case)
        audit.record_read("claim.read", "case", case.id, detail={"claim_id": claim.id})
        return claim

    @blp.requires(CLAIMS_EDIT)
    @blp.response(200, ClaimSchema, description="Rebuilt; values a person edited were kept")
    @blp.alt_response(201, schema=ClaimSchema, description="Built for the first time")
    @blp.errors(404)
    def post(self, case_id):
        """Build the claim from the case, its facts and the crosswalk, or rebuild it."""
        case = get_case_or_404(case_id)
        created = case.claim is None
        built = build_claim(case, list(case.facts), load_crosswalk(), practice=practice_for(case))
        claim = save_claim(db.session, case, built)
        claim.updated_by_id = current_user().id
        db.session.flush()
        audit.record("claim.build" if created else "claim.rebuild", "case", case.id,
                     detail={"claim_id": claim.id, "lines": len(claim.lines)})
        db.session.commit()
        return claim, 201 if created else 200

    @blp.requires(CLAIMS_EDIT)
    @blp.arguments(ClaimPatchSchema)
    @blp.response(200, ClaimSchema)
    @blp.errors(404)
    def patch(self, data, case_id):
        """Set claim fields (null clears one) and/or replace the diagnosis list."""
        case = get_case_or_404(case_id)
        claim = get_claim_or_404(case)
        if "diagnoses" in data:
            data["diagnoses"] = [{**item, "code": icd10.normalize(item["code"])} for item in data["diagnoses"]]
        changed = edit_claim(claim, data, current_user().role)
        _finish_edit(claim, "claim.update", {"fields": changed})
        return claim


@blp.route("/cases/<int:case_id>/claim/lines")
class ClaimLines(MethodView):
    @blp.requires(CLAIMS_EDIT)
    @blp.arguments(LineInSchema)
    @blp.response(201, ClaimLineSchema)
    @blp.errors(404, 422)
    def post(self, data, case_id):
        """Add a line; it survives rebuilds."""
        claim = get_claim_or_404(get_case_or_404(case_id))
        line = add_line(claim, data, current_user().role)
        db.session.flush()
        _finish_edit(claim, "claim.line.create", {"line_id": line.id})
        return line


@blp.route("/cases/<int:case_id>/claim/lines/<int:line_id>")
class ClaimLineById(MethodView):
    @blp.requires(CLAIMS_EDIT)
    @blp.arguments(LinePatchSchema)
    @blp.response(200, ClaimLineSchema)
    @blp.errors(404, 422)
    def patch(self, data, case_id, line_id):
        """Change a line's values; a rebuild keeps them."""
        claim = get_claim_or_404(get_case_or_404(case_id))
        line = get_line_or_404(claim, line_id)
        changed = edit_line(claim, line, data, current_user().role)
        _finish_edit(claim, "claim.line.update", {"line_id": line.id, "fields": changed})
        return line

    @blp.requires(CLAIMS_EDIT)
    @blp.response(204)
    @blp.errors(404)
    def delete(self, case_id, line_id):
        """Remove a line; a proposed line stays deleted through rebuilds."""
        claim = get_claim_or_404(get_case_or_404(case_id))
        line = get_line_or_404(claim, line_id)
        procedure = db.session.get(Procedure, line.procedure_id) if line.procedure_id else None
        delete_line(claim, line, procedure)
        _finish_edit(claim, "claim.line.delete", {"line_id": line_id})
