"""/api/v1/documents: upload scans and PDFs, follow their OCR, fetch the searchable PDF.

An upload is answered at once (202) with the document `queued`; its pages are OCR'd in the
background and `GET /documents/{id}` shows the progress (`pages_done` of `pages_total`). The same
file uploaded again to the same case is answered 200 with the document already there
(`X-MedLane-Already-Stored: <id>`). A person corrects a document's kind, confirms its patient or
moves it to another case with PATCH; the facts of the cases it touches are read again.
"""
from __future__ import annotations

from flask import send_file
from flask.views import MethodView
from flask_smorest import abort

from docservice import audit
from docservice.api.cases import get_case_or_404
from docservice.api.core import ServiceBlueprint
from docservice.auth import DOCUMENTS_CLASSIFY, DOCUMENTS_READ, DOCUMENTS_WRITE, current_user, role_may
from docservice.documents.review import confirm_identity, correct_kind, move_document, reread_facts
from docservice.documents.schemas import (
    DocumentCorrectionSchema,
    ReviewedDocumentSchema,
    ReviewedDocumentSummarySchema,
)
from docservice.extensions import db, storage
from docservice.intake import accept_upload
from docservice.models import Case, Document
from docservice.schemas import CaseDocumentUploadSchema, DocumentUploadSchema

blp = ServiceBlueprint("documents", __name__, url_prefix="/api/v1", description="Documents and their OCR.")

PDF_RESPONSE = {"content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}}
# Empty file; unreadable, encrypted or oversized (bytes, pixels, pages); not a PDF, TIFF, PNG or JPEG.
UPLOAD_ERRORS = (400, 413, 415)
BINARY_RESPONSE = {"content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}
ALREADY_STORED = "X-MedLane-Already-Stored"  # the id of the case's document with the same bytes
DUPLICATE_DESCRIPTION = f"The case already has this file: its document, with {ALREADY_STORED}: <id>"
# Correcting a kind or confirming a patient (documents:classify): staff and billers, who meet both
# while building a claim. Moving a document between cases stays with document staff (documents:write).


def get_document_or_404(document_id: int) -> Document:
    """The document with this id.

    :raise 404: there is none.
    """
    document = db.session.get(Document, document_id)
    if document is None:
        abort(404, message=f"There is no document {document_id}.")
    return document


@blp.route("/documents")
class Documents(MethodView):
    @blp.requires(DOCUMENTS_WRITE)
    @blp.arguments(DocumentUploadSchema, location="multipart")
    @blp.response(202, ReviewedDocumentSchema, description="Stored; its pages are queued for OCR")
    @blp.alt_response(200, schema=ReviewedDocumentSchema, description=DUPLICATE_DESCRIPTION)
    @blp.errors(*UPLOAD_ERRORS)
    def post(self, form):
        """Upload a document (multipart field `file`), optionally for a case and of a known kind."""
        case = None
        if form["case_id"] is not None:
            case = db.session.get(Case, form["case_id"])
            if case is None:
                abort(422, message=f"There is no case {form['case_id']}.", errors={"case_id": ["No such case."]})
        return _accept(form["file"], case=case, kind=form["kind"])


@blp.route("/cases/<int:case_id>/documents")
class CaseDocuments(MethodView):
    @blp.requires(DOCUMENTS_READ)
    @blp.response(200, ReviewedDocumentSummarySchema(many=True))
    @blp.errors(404)
    def get(self, case_id):
        """List a case's documents (without their text)."""
        case = get_case_or_404(case_id)
        audit.record_read("document.list", "case", case.id, detail={"document_ids": [d.id for d in case.documents]})
        return case.documents

    @blp.requires(DOCUMENTS_WRITE)
    @blp.arguments(CaseDocumentUploadSchema, location="multipart")
    @blp.response(202, ReviewedDocumentSchema, description="Stored; its pages are queued for OCR")
    @blp.alt_response(200, schema=ReviewedDocumentSchema, description=DUPLICATE_DESCRIPTION)
    @blp.errors(404, *UPLOAD_ERRORS)
    def post(self, form, case_id):
        """Upload a document of this case (multipart field `file`)."""
        return _accept(form["file"], case=get_case_or_404(case_id), kind=form["kind"])


def _accept(upload, *, case, kind):
    accepted = accept_upload(upload, case=case, kind=kind)
    # With an immediate queue the pages are already done: show what the database now says.
    db.session.expire_all()
    if accepted.duplicate:
        return accepted.document, 200, {ALREADY_STORED: str(accepted.document.id)}
    return accepted.document


@blp.route("/documents/<int:document_id>")
class DocumentById(MethodView):
    @blp.requires(DOCUMENTS_READ)
    @blp.response(200, ReviewedDocumentSchema)
    @blp.errors(404)
    def get(self, document_id):
        """A document's status, progress, kind (and whether to review it), patient check, text and pages."""
        document = get_document_or_404(document_id)
        audit.record_read("document.read", "document", document.id)
        return document

    @blp.requires(DOCUMENTS_READ)
    @blp.arguments(DocumentCorrectionSchema)
    @blp.response(200, ReviewedDocumentSchema)
    @blp.errors(404, 409)
    def patch(self, data, document_id):
        """Correct a document: its kind, its patient (`identity: "confirmed"`), or its case (null: none).

        Kind and identity need documents:classify (staff and billers); the case needs documents:write.
        The facts of every case the change touches are read again in the same transaction.
        """
        _allow_correction(data)
        document = get_document_or_404(document_id)
        touched: list[Case] = []
        detail: dict = {"fields": sorted(data)}
        if "case_id" in data:
            case = None
            if data["case_id"] is not None:
                case = db.session.get(Case, data["case_id"])
                if case is None:
                    abort(422, message=f"There is no case {data['case_id']}.", errors={"case_id": ["No such case."]})
            detail["from_case_id"] = document.case_id
            touched += move_document(document, case)
        if "kind" in data:
            detail["kind_was"] = document.kind
            correct_kind(document, data["kind"])
            touched += [document.case] if document.case is not None else []
        if "identity" in data:
            if document.case is None:
                abort(409, message="The document belongs to no case: there is no patient to confirm it for.",
                      error_code="no_case")
            was = confirm_identity(document)
            audit.record("document.identity_confirm", "document", document.id,
                         detail={"case_id": document.case_id, "was": was})
            touched.append(document.case)
        reread_facts(db.session, touched)
        audit.record("document.update", "document", document.id, detail=detail)
        db.session.commit()
        db.session.refresh(document)
        return document


def _allow_correction(data: dict) -> None:
    """:raise 403: the caller may not make this change."""
    role = current_user().role
    if "case_id" in data and not role_may(role, DOCUMENTS_WRITE):
        abort(403, message=f"The {role} role may not move documents between cases ({DOCUMENTS_WRITE}).")
    if {"kind", "identity"} & set(data) and not role_may(role, DOCUMENTS_CLASSIFY):
        abort(403, message=f"The {role} role may not correct documents ({DOCUMENTS_CLASSIFY}).")


@blp.route("/documents/<int:document_id>/pdf")
class DocumentPdf(MethodView):
    @blp.requires(DOCUMENTS_READ)
    @blp.doc(responses={"200": {"description": "The text-searchable PDF", **PDF_RESPONSE}})
    @blp.errors(404, 409)
    def get(self, document_id):
        """The text-searchable PDF of a document (once OCR has finished)."""
        document = get_document_or_404(document_id)
        if document.finished_at is None:
            abort(
                409,
                message=f"The searchable PDF is not ready: {document.pages_done} of "
                f"{document.pages_total} page(s) done.",
                error_code="not_ready",
            )
        if not document.pdf_path:
            abort(409, message="OCR produced no PDF for this document (no page could be read).", error_code="no_pdf")
        audit.record_read("document.pdf", "document", document.id)
        return send_file(
            storage.store.absolute(document.pdf_path),
            mimetype="application/pdf",
            download_name=f"document-{document.id}.pdf",
        )


@blp.route("/documents/<int:document_id>/original")
class DocumentOriginal(MethodView):
    @blp.requires(DOCUMENTS_READ)
    @blp.doc(responses={"200": {"description": "The original, byte for byte", **BINARY_RESPONSE}})
    @blp.errors(404)
    def get(self, document_id):
        """The original as uploaded, byte for byte, with the type read from its content."""
        document = get_document_or_404(document_id)
        audit.record_read("document.original", "document", document.id)
        return send_file(
            storage.store.original_path(document.sha256),
            mimetype=document.media_type,
            download_name=f"document-{document.id}{_extension(document.media_type)}",
        )


def _extension(media_type: str) -> str:
    return {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg", "image/tiff": ".tif"}.get(
        media_type, ""
    )
