"""What the facts API returns."""
from __future__ import annotations

from marshmallow import Schema, fields

from docservice.evidence.readings import PRESENT, context_of


class FactSchema(Schema):
    id = fields.Integer(dump_only=True)
    case_id = fields.Integer(dump_only=True)
    name = fields.String(metadata={"description": "Fact name of the vocabulary, e.g. ahi, max_opening_mm"})
    value = fields.Raw(metadata={"description": "Number, ISO date, string, bool, list or small object, per name"})
    display = fields.String(metadata={"description": "The value as staff read it"})
    source = fields.String(metadata={"description": "document | appointment | person"})
    document_id = fields.Integer(allow_none=True)
    page = fields.Integer(allow_none=True, metadata={"description": "1-based page of the document"})
    snippet = fields.String(metadata={"description": "The words it was read from (<= 300 characters)"})
    negated = fields.Boolean(metadata={"description": "The text denied it (\"denies jaw pain\")"})
    historical = fields.Boolean(metadata={"description": "Any context but present and negated: past, family, "
                                                         "planned, resolved or post-operative"})
    context = fields.String(metadata={"description": "present | negated | historical | family | hypothetical | "
                                                     "resolved | postoperative: how the text speaks of it"})
    section = fields.String(metadata={"description": "The document section it was read in (impression, "
                                                     "family_history, ...), or empty"})
    present = fields.Method("is_present", metadata={"description": "The patient's own, current, affirmed finding "
                                                                   "(context present)"})
    confidence = fields.Float()
    created_at = fields.DateTime(dump_only=True)

    def is_present(self, fact) -> bool:
        return context_of(fact) == PRESENT
