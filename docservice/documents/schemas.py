"""API shapes of documents as a person reviews them: the review fields, and the corrections a PATCH takes."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from docservice.documents.kinds import KINDS
from docservice.schemas import DocumentSchema, DocumentSummarySchema

KIND_ERROR = "Unknown kind {input!r}; the kinds are: " + ", ".join(KINDS) + "."


class ReviewFields:
    """What a person should look at: an unsure kind, and whether the document is the case's patient's."""

    kind_review = fields.Boolean(dump_only=True, metadata={
        "description": "The classifier was unsure (see reason): a person should check the kind"})
    identity = fields.String(dump_only=True, metadata={
        "description": "unchecked, unknown (no patient stated), match, mismatch (another patient: facts not used), "
                       "confirmed (a person said it is this patient's)"})
    identity_detail = fields.Dict(dump_only=True, metadata={
        "description": "What was read (names, birthdates) and what it was compared to"})


class ReviewedDocumentSchema(ReviewFields, DocumentSchema):
    pass


class ReviewedDocumentSummarySchema(ReviewFields, DocumentSummarySchema):
    pass


class DocumentCorrectionSchema(Schema):
    """What a person corrects on a document."""

    case_id = fields.Integer(allow_none=True, metadata={
        "description": "Move the document to this case (null: to no case); both cases' facts are read again"})
    kind = fields.String(validate=validate.OneOf(KINDS, error=KIND_ERROR), metadata={
        "description": "The document's kind, as a person says it; the case's facts are read again"})
    identity = fields.String(validate=validate.OneOf(("confirmed",), error="identity may only be set to 'confirmed'."),
                             metadata={"description": "'confirmed': the document is this case's patient's after all"})
