"""/api/v1/cases/{id}/narrative: the medical-necessity narrative: draft, edit, sign, PDF and claim note."""
from __future__ import annotations

import io

from flask import send_file
from flask.views import MethodView
from flask_smorest import abort

from crosswalks import CrosswalkError, load_crosswalk
from docservice import audit
from docservice.api.cases import get_case_or_404
from docservice.api.core import ServiceBlueprint
from docservice.auth import CASES_READ, NARRATIVES_SIGN, NARRATIVES_WRITE, current_user
from docservice.extensions import db
from docservice.models import Narrative
from docservice.narratives import (
    NarrativeRefused,
    PdfFontError,
    draft_narrative,
    edit_narrative,
    render_pdf,
    sign_narrative,
)
from docservice.narratives.schemas import DraftSchema, EditSchema, NarrativeSchema, SignSchema

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


@blp.route("/cases/<int:case_id>/narrative")
class CaseNarrative(MethodView):
    @blp.requires(NARRATIVES_WRITE)
    @blp.arguments(DraftSchema, required=False)
    @blp.response(200, NarrativeSchema, description="The narrative was redrafted")
    @blp.alt_response(201, schema=NarrativeSchema, description="A first draft was made")
    @blp.errors(404, 409, 503)
    def post(self, data, case_id):
        """Draft (or redraft) the narrative from the case, its facts and its claim."""
        case = get_case_or_404(case_id)
        try:
            crosswalk = load_crosswalk()
        except CrosswalkError:
            abort(503, message="The crosswalk data does not load; run `medlane crosswalk check` or see the "
                               "service log, then try again.", error_code="crosswalk_invalid")
        try:
            drafted = draft_narrative(case, user=current_user(), crosswalk=crosswalk,
                                      replace_signed=(data or {}).get("replace_signed", False))
        except NarrativeRefused as refused:
            abort(409, message=refused.message, error_code=refused.code)
        db.session.add(drafted.narrative)
        db.session.flush()
        audit.record("narrative.draft", "case", case.id, detail=_detail(drafted.narrative))
        db.session.commit()
        return drafted.narrative, 201 if drafted.created else 200

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
    @blp.errors(404)
    def patch(self, data, case_id):
        """Replace the text. Editing a signed narrative returns it to draft and clears the signature."""
        narrative = get_narrative_or_404(case_id)
        unsigned = edit_narrative(narrative, data["body"], user=current_user())
        audit.record("narrative.unsign" if unsigned else "narrative.update", "case", case_id, detail=_detail(narrative))
        db.session.commit()
        return narrative


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
        try:
            sign_narrative(narrative, user=current_user(), name=data.get("name", ""),
                           credentials=data.get("credentials", ""))
        except NarrativeRefused as refused:
            abort(409, message=refused.message, error_code=refused.code)
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
        try:
            data = render_pdf(narrative)
        except PdfFontError as error:
            abort(503, message=str(error), error_code="pdf_font_missing")
        audit.record_read("narrative.pdf", "case", case_id, detail={"narrative_id": narrative.id})
        return send_file(io.BytesIO(data), mimetype="application/pdf", download_name=f"narrative-case-{case_id}.pdf")
