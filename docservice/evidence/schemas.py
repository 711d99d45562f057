"""marshmallow schemas of the facts and evidence APIs: each fact as read, the values that drive a claim,
and a person's confirmation.

A fact's `present` is the evidence's reading of its context (`readings.context_of`), so the facts'
schema lives with the evidence, which reads the facts, and not in `docservice.facts` below it.
"""
from __future__ import annotations

from marshmallow import RAISE, Schema, fields, validate

from docservice.evidence.readings import PRESENT, context_of
from docservice.models import EVIDENCE_ACTIONS, FACT_CONTEXTS


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


class ConfirmationInSchema(Schema):
    class Meta:
        unknown = RAISE

    action = fields.String(required=True, validate=validate.OneOf(EVIDENCE_ACTIONS), metadata={
        "description": "confirm: the value read is right; correct: it is wrong, here is the right one; "
                       "enter: nothing was read, here it is"})
    value = fields.Raw(load_default=None, allow_none=True, metadata={
        "description": "The value, in the fact's kind (number, ISO date, true/false, term, "
                       "{name, npi} for a physician, [teeth]...); confirm may leave it out"})
    note = fields.String(load_default="", validate=validate.Length(max=2000),
                         metadata={"description": "Why, for the record (e.g. 'per phone call with the lab')"})


class ReadingSchema(Schema):
    value = fields.Raw(metadata={"description": "The value as stored (number, ISO date, string, bool, object)"})
    display = fields.String()
    source = fields.String(metadata={"description": "document | appointment | person"})
    document_id = fields.Integer(allow_none=True)
    document_kind = fields.String(allow_none=True, metadata={"description": "e.g. sleep_study, physician_order"})
    page = fields.Integer(allow_none=True, metadata={"description": "1-based page of the document"})
    snippet = fields.String(metadata={"description": "The words it was read from"})
    confidence = fields.Float()
    context = fields.String(validate=validate.OneOf(FACT_CONTEXTS))
    section = fields.String(metadata={"description": "The document section it was read in"})


class ConfirmationSchema(Schema):
    action = fields.String(validate=validate.OneOf(EVIDENCE_ACTIONS))
    value = fields.Raw()
    display = fields.String()
    note = fields.String()
    user_name = fields.String()
    created_at = fields.DateTime(allow_none=True)
    fact_id = fields.Integer(allow_none=True, metadata={"description": "The reading confirmed, while it exists"})


class EvidenceItemSchema(Schema):
    fact = fields.String(required=True, metadata={"description": "Fact name of the vocabulary, e.g. ahi"})
    label = fields.String()
    kind = fields.String(metadata={"description": "The fact's value kind: number, date, flag, person..."})
    value = fields.Raw(allow_none=True, metadata={"description": "The value the claim, checks and letter use"})
    display = fields.String()
    status = fields.String(validate=validate.OneOf(("confirmed", "corrected", "entered", "read", "conflict",
                                                    "missing")))
    why = fields.String(metadata={"description": "Why this value: a person's word, the authoritative document, "
                                                 "the surest reading..."})
    source = fields.Nested(ReadingSchema, allow_none=True, metadata={"description": "Where the value used came from"})
    readings = fields.List(fields.Nested(ReadingSchema), metadata={"description": "The other readings that count"})
    conflicts = fields.List(fields.Nested(ReadingSchema), metadata={
        "description": "Readings that count with another value than the one used"})
    denied = fields.List(fields.Nested(ReadingSchema), metadata={"description": "Readings that deny it"})
    authority = fields.List(fields.String(), metadata={
        "description": "Document kinds authoritative for this fact, most authoritative first"})
    confirmation = fields.Nested(ConfirmationSchema, allow_none=True)


class CriteriaPartSchema(Schema):
    name = fields.String()
    met = fields.Boolean()
    why = fields.String()


class CriteriaSchema(Schema):
    id = fields.String(metadata={"description": "Crosswalk criteria id, e.g. sleep-crit-oral-appliance"})
    label = fields.String()
    code = fields.String(metadata={"description": "The claim code whose modifier attests them (E0486)"})
    payer = fields.String()
    met = fields.Boolean()
    modifiers = fields.List(fields.String(), metadata={
        "description": "What to bill: the attesting modifier (KX) when met, else the alternatives (GA with an "
                       "ABN on file, GZ without)"})
    why = fields.String()
    parts = fields.List(fields.Nested(CriteriaPartSchema))


class CaseEvidenceSchema(Schema):
    case_id = fields.Integer()
    categories = fields.List(fields.String())
    items = fields.List(fields.Nested(EvidenceItemSchema), metadata={
        "description": "The values that drive the claim for the case's categories, most important first"})
    criteria = fields.List(fields.Nested(CriteriaSchema), metadata={
        "description": "Payer criteria the claim's codes attest (Medicare oral appliance: KX)"})
