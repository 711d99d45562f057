"""/api/v1/documents: upload scans and PDFs, follow their OCR, fetch the searchable PDF.

An upload is answered at once (202) with the document `queued`; its pages are OCR'd in the
background and `GET /documents/{id}` shows the progress (`pages_done` of `pages_total`).
"""
from __future__ import annotations

from flask import send_file
from flask.views import MethodView
from flask_smorest import abort

from docservice import audit
from docservice.api.cases import get_case_or_404
from docservice.api.core import ServiceBlueprint
from docservice.auth import DOCUMENTS_READ, DOCUMENTS_WRITE
from docservice.extensions import db, storage
from docservice.intake import accept_upload
from docservice.models import Case, Document
from docservice.schemas import (
    CaseDocumentUploadSchema,
    DocumentPatchSchema,
    DocumentSchema,
    DocumentSummarySchema,
    DocumentUploadSchema,
)

blp = ServiceBlueprint("documents", __name__, url_prefix="/api/v1", description="Documents and their OCR.")

PDF_RESPONSE = {"content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}}
# Empty file; unreadable, encrypted or oversized (bytes, pixels, pages); not a PDF, TIFF, PNG or JPEG.
UPLOAD_ERRORS = (400, 413, 415)
BINARY_RESPONSE = {"content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}


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
    @blp.response(202, DocumentSchema, description="Stored; its pages are queued for OCR")
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
    @blp.response(200, DocumentSummarySchema(many=True))
    @blp.errors(404)
    def get(self, case_id):
        """List a case's documents (without their text)."""
        case = get_case_or_404(case_id)
        audit.record_read("document.list", "case", case.id, detail={"document_ids": [d.id for d in case.documents]})
        return case.documents

    @blp.requires(DOCUMENTS_WRITE)
    @blp.arguments(CaseDocumentUploadSchema, location="multipart")
    @blp.response(202, DocumentSchema, description="Stored; its pages are queued for OCR")
    @blp.errors(404, *UPLOAD_ERRORS)
    def post(self, form, case_id):
        """Upload a document of this case (multipart field `file`)."""
        return _accept(form["file"], case=get_case_or_404(case_id), kind=form["kind"])


def _accept(upload, *, case, kind):
    document = accept_upload(upload, case=case, kind=kind)
    # With an immediate queue the pages are already done: show what the database now says.
    db.session.expire_all()
    return document


@blp.route("/documents/<int:document_id>")
class DocumentById(MethodView):
    @blp.requires(DOCUMENTS_READ)
    @blp.response(200, DocumentSchema)
    @blp.errors(404)
    def get(self, document_id):
        """A document's status, progress, kind, whole text and per-page text and confidence."""
        document = get_document_or_404(document_id)
        audit.record_read("document.read", "document", document.id)
        return document

    @blp.requires(DOCUMENTS_WRITE)
    @blp.arguments(DocumentPatchSchema)
    @blp.response(200, DocumentSchema)
    @blp.errors(404)
    def patch(self, data, document_id):
        """Attach a document to a case (or detach it with null), or correct its kind."""
        document = get_document_or_404(document_id)
        if "case_id" in data:
            if data["case_id"] is not None and db.session.get(Case, data["case_id"]) is None:
                abort(422, message=f"There is no case {data['case_id']}.", errors={"case_id": ["No such case."]})
            document.case_id = data["case_id"]
        if "kind" in data:
            document.kind = data["kind"]
            document.kind_source = "upload" if data["kind"] else ""
            document.kind_confidence = None
        audit.record("document.update", "document", document.id, detail={"fields": sorted(data)})
        db.session.commit()
        db.session.refresh(document)
        return document


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
