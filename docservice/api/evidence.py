"""/api/v1/cases/{id}/evidence: the values that drive a case's claim, and a person's word on each.

`GET` lists them (per the case's categories, crosswalk evidence.yaml) with the value used and why,
where it was read, the other readings, conflicts and confirmations, and how the payer criteria stand.
`PUT .../evidence/{fact}` records a confirmation, correction or entry: it beats anything read, and the
saved claim is rebuilt on it at once (keeping what a person edited), so claim, checks and letter agree.
"""
from __future__ import annotations

from flask.views import MethodView

from crosswalks import load_crosswalk
from docservice import audit
from docservice.api.cases import get_case_or_404
from docservice.api.claims import practice_for
from docservice.api.core import ServiceBlueprint
from docservice.auth import CASES_READ, EVIDENCE_CONFIRM, current_user
from docservice.claims import build_claim, save_claim
from docservice.evidence import case_evidence
from docservice.evidence.confirmations import record_confirmation
from docservice.evidence.report import evidence_item, evidence_report
from docservice.evidence.schemas import CaseEvidenceSchema, ConfirmationInSchema, EvidenceItemSchema
from docservice.extensions import db
from docservice.models import Case

blp = ServiceBlueprint(
    "evidence", __name__, url_prefix="/api/v1",
    description="The values that drive a case's claim: what was read and where, conflicts, and a person's word.",
)

# A confirmation attests a clinical or billing value: the dentist, the biller, an admin (not the flagger).


def _rebuild_claim(case: Case, crosswalk, evidence) -> None:
    """Rebuild the saved claim on the new evidence (a person's edits are kept), so it agrees at once."""
    if case.claim is None:
        return
    built = build_claim(case, list(case.facts), crosswalk, practice=practice_for(case), evidence=evidence)
    claim = save_claim(db.session, case, built)
    claim.updated_by_id = current_user().id
    audit.record("claim.rebuild", "case", case.id, detail={"claim_id": claim.id, "lines": len(claim.lines)})


@blp.route("/cases/<int:case_id>/evidence")
class CaseEvidence(MethodView):
    @blp.requires(CASES_READ)
    @blp.response(200, CaseEvidenceSchema)
    @blp.errors(404)
    def get(self, case_id):
        """The values that drive the claim for the case's categories, each with its source and confirmation."""
        case = get_case_or_404(case_id)
        crosswalk = load_crosswalk()
        report = evidence_report(case, case_evidence(case, list(case.facts), crosswalk), crosswalk)
        audit.record_read("evidence.read", "case", case.id, detail={"items": len(report["items"])})
        return report


@blp.route("/cases/<int:case_id>/evidence/<string:fact>")
class CaseEvidenceFact(MethodView):
    @blp.requires(EVIDENCE_CONFIRM)
    @blp.arguments(ConfirmationInSchema)
    @blp.response(200, EvidenceItemSchema)
    @blp.errors(404, 422)
    def put(self, data, case_id, fact):
        """Confirm the value read, correct it, or enter one nothing was read for (dentists, billers, admins).

        Recorded with who and when; it wins over every reading, before or after. A saved claim is rebuilt
        on it. 422 names the field: an unknown fact, a value not of the fact's kind, nothing to confirm.
        """
        user = current_user()
        case = get_case_or_404(case_id)
        crosswalk = load_crosswalk()
        row = record_confirmation(db.session, case, case_evidence(case, list(case.facts), crosswalk), fact,
                                  action=data["action"], value=data["value"], note=data["note"], user=user)
        audit.record("evidence.confirm", "case", case.id,
                     detail={"confirmation_id": row.id, "fact": fact, "action": row.action})
        evidence = case_evidence(case, list(case.facts), crosswalk)
        _rebuild_claim(case, crosswalk, evidence)
        db.session.commit()
        return evidence_item(evidence, fact)
