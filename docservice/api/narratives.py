"""/api/v1/cases/{id}/narrative: the medical-necessity narrative: draft, edit, sign, PDF and claim note."""
from __future__ import annotations

import io

from flask import send_file
from flask.views import MethodView
from flask_smorest import abort

from crosswalks import load_crosswalk
from docservice import audit
from docservice.api.cases import get_case_or_404
from docservice.api.core import ServiceBlueprint
from docservice.auth import CASES_READ, NARRATIVES_DRAFT, NARRATIVES_SIGN, NARRATIVES_WRITE, current_user
from docservice.extensions import db
from docservice.models import Narrative
from docservice.narratives import draft_narrative, edit_narrative, render_pdf, sign_narrative
from docservice.narratives.schemas import DraftSchema, EditSchema, NarrativeSchema, SignSchema
from docservice.narratives.workflow import Signature

blp = ServiceBlueprint(
    "narratives", __name__, url_prefix="/api/v1",
    description="The medical-necessity narrative: draft, edit, sign, PDF and claim note.",
)

PDF_RESPONSE = {"content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}}


def get_narrative_or_404(case_id: int) -> Narrative:
    """The narrative of this case.

    :raise 404: no such case, or no narrative drafted yet.
    """
    case = get_case_or_404(case_id)
    if case.narrative is None:
        abort(404, message=f"Case {case_id} has no narrative yet; POST to /api/v1/cases/{case_id}/narrative "
                           "to draft one.", error_code="no_narrative")
    return case.narrative


def _detail(narrative: Narrative) -> dict:
    return {"narrative_id": narrative.id, "placeholders": len(narrative.placeholders or [])}


class AnsweredNarrative:
    """The narrative as answered, saying whose signature this request removed."""

    def __init__(self, narrative: Narrative, removed: Signature | None) -> None:
        self._narrative = narrative
        if removed is not None:  # else the answer has no signature_removed at all
            self.signature_removed = (f"This removed {removed.describe()}; the narrative is a draft again and "
                                      "must be signed again before it goes out.")

    def __getattr__(self, name: str):
        return getattr(self._narrative, name)


def _record_unsign(case_id: int, narrative: Narrative, removed: Signature | None, *, via: str) -> None:
    """The audit entry of a removed signature: who removed it (the entry's user), whose it was, how."""
    if removed is None:
        return
    audit.record("narrative.unsign", "case", case_id, detail={
        "narrative_id": narrative.id, "signed_by_id": removed.user_id, "signed_at": removed.signed_at.isoformat(),
        "by_signer": removed.user_id == current_user().id, "via": via})


@blp.route("/cases/<int:case_id>/narrative")
class CaseNarrative(MethodView):
    @blp.requires(NARRATIVES_DRAFT)
    @blp.arguments(DraftSchema, required=False)
    @blp.response(200, NarrativeSchema, description="The narrative was redrafted")
    @blp.alt_response(201, schema=NarrativeSchema, description="A first draft was made")
    @blp.errors(404, 409, 503)
    def post(self, data, case_id):
        """Draft (or redraft) the narrative from the case, its facts and its claim.

        Redrafting a signed narrative removes its signature: refused (409) unless replace_signed."""
        case = get_case_or_404(case_id)
        drafted = draft_narrative(case, user=current_user(), crosswalk=load_crosswalk(),
                                  replace_signed=(data or {}).get("replace_signed", False))
        db.session.add(drafted.narrative)
        db.session.flush()
        audit.record("narrative.draft", "case", case.id, detail=_detail(drafted.narrative))
        _record_unsign(case.id, drafted.narrative, drafted.removed, via="redraft")
        db.session.commit()
        return AnsweredNarrative(drafted.narrative, drafted.removed), 201 if drafted.created else 200

    @blp.requires(CASES_READ)
    @blp.response(200, NarrativeSchema)
    @blp.errors(404)
    def get(self, case_id):
        """Read the narrative, its placeholders, signature and claim note."""
        narrative = get_narrative_or_404(case_id)
        audit.record_read("narrative.read", "case", case_id, detail={"narrative_id": narrative.id})
        return narrative

    @blp.requires(NARRATIVES_WRITE)
    @blp.arguments(EditSchema)
    @blp.response(200, NarrativeSchema)
    @blp.errors(404, 409)
    def patch(self, data, case_id):
        """Replace the text. A signed narrative, the signer's own too, changes only with replace_signed
        (else 409): its signature is removed, the answer says whose, and the audit log records it."""
        narrative = get_narrative_or_404(case_id)
        removed = edit_narrative(narrative, data["body"], user=current_user(), replace_signed=data["replace_signed"])
        audit.record("narrative.update", "case", case_id, detail=_detail(narrative))
        _record_unsign(case_id, narrative, removed, via="edit")
        db.session.commit()
        return AnsweredNarrative(narrative, removed)


@blp.route("/cases/<int:case_id>/narrative/sign")
class NarrativeSignature(MethodView):
    @blp.requires(NARRATIVES_SIGN)
    @blp.arguments(SignSchema, required=False)
    @blp.response(200, NarrativeSchema)
    @blp.errors(404, 409)
    def post(self, data, case_id):
        """Sign the narrative (dentists only); refused while values are missing."""
        narrative = get_narrative_or_404(case_id)
        data = data or {}
        sign_narrative(narrative, user=current_user(), name=data.get("name", ""),
                       credentials=data.get("credentials", ""))
        audit.record("narrative.sign", "case", case_id, detail={"narrative_id": narrative.id})
        db.session.commit()
        return narrative


@blp.route("/cases/<int:case_id>/narrative/pdf")
class NarrativePdfView(MethodView):
    @blp.requires(CASES_READ)
    @blp.doc(responses={"200": {"description": "The narrative as a PDF", **PDF_RESPONSE}})
    @blp.errors(404, 503)
    def get(self, case_id):
        """The narrative as a PDF: signed, or marked as an unsigned draft."""
        narrative = get_narrative_or_404(case_id)
        data = render_pdf(narrative)
        audit.record_read("narrative.pdf", "case", case_id, detail={"narrative_id": narrative.id})
        return send_file(io.BytesIO(data), mimetype="application/pdf", download_name=f"narrative-case-{case_id}.pdf")
