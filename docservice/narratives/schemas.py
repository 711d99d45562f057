"""marshmallow schemas of the narrative API."""
from __future__ import annotations

from marshmallow import EXCLUDE, Schema, fields, validate

from docservice.models import NARRATIVE_STATUSES


class PlaceholderSchema(Schema):
    field = fields.String(metadata={"description": "The fact or claim field the value would come from"})
    label = fields.String(metadata={"description": "What is missing, as shown in [MISSING: …]"})


class NarrativeSchema(Schema):
    id = fields.Integer()
    case_id = fields.Integer()
    template = fields.String(metadata={"description": "The template it was drafted from, e.g. sleep.md.j2"})
    status = fields.String(validate=validate.OneOf(NARRATIVE_STATUSES))
    body = fields.String(metadata={"description": "The letter, Markdown-like plain text"})
    placeholders = fields.List(fields.Nested(PlaceholderSchema))
    claim_note = fields.String(metadata={"description": "At most 80 ASCII characters for the claim's NTE / box 19"})
    drafted_at = fields.DateTime()
    drafted_by_id = fields.Integer(allow_none=True)
    edited_at = fields.DateTime(allow_none=True)
    edited_by_id = fields.Integer(allow_none=True)
    signed_at = fields.DateTime(allow_none=True)
    signed_by_id = fields.Integer(allow_none=True)
    signed_name = fields.String()
    body_sha256 = fields.String(metadata={"description": "SHA-256 of the signed body; empty while unsigned"})
    signature_removed = fields.String(dump_only=True, metadata={
        "description": "Only when this request removed a signature (replace_signed): whose, and what now"})


class DraftSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    replace_signed = fields.Boolean(load_default=False, metadata={
        "description": "Replace a signed narrative with a new draft; its signature is removed (recorded)"})


class EditSchema(Schema):
    body = fields.String(required=True, validate=validate.Length(min=1, max=100_000))
    replace_signed = fields.Boolean(load_default=False, metadata={
        "description": "Change a signed narrative, the signer's own too; its signature is removed (recorded)"})


class SignSchema(Schema):
    name = fields.String(load_default="", validate=validate.Length(max=100),
                         metadata={"description": "Name printed under the signature (default: the user's name)"})
    credentials = fields.String(load_default="", validate=validate.Length(max=20),
                                metadata={"description": "e.g. DDS, DMD"})
