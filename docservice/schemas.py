"""marshmallow schemas: what the API accepts and returns. The OpenAPI document is built from them.

The case body is the contract with the flagger (`POST /api/v1/cases`):

    {
      "practice": "main-street",            # which Open Dental; with apt_num, the case's identity
      "apt_num": 1234, "pat_num": 567,
      "appointment": {"start": "2026-03-02T09:00:00", "provider": "DOC1", "op": "OP2", "note": "..."},
      "patient": {"name": "Jane Doe", "birthdate": "1970-01-31", "gender": "Female"},
      "procedures": [{"proc_num": 9, "code": "D7286", "tooth": "30", "surface": "", "descript": "...", "fee": 250.0}],
      "problems": [{"icd10": "G47.33", "name": "Obstructive sleep apnea"}],
      "insurance": [{"kind": "medical", "carrier": "...", "plan": "...", "group_number": "...",
                     "subscriber_id": "...", "ordinal": 1}],
      "category": "sleep",
      "categories": [{"category": "sleep", "label": "sleep apnea appliance", "strength": "strong"}],
      "evidence": [{"category": "sleep", "source": "problem", "rule_id": "sleep-icd-g4733",
                    "detail": "G47.33 Obstructive sleep apnea", "negated": false}],
      "needs": ["sleep study", "physician referral"],
      "status": "new"
    }
"""
from __future__ import annotations

from marshmallow import EXCLUDE, Schema, fields, pre_dump, validate
from flask_smorest.fields import Upload

from docservice.models import CASE_STATUSES, INSURANCE_KINDS, INSURANCE_RELATIONSHIPS, JOB_STATUSES, ROLES, Case, CaseVisit

SLUG = validate.Regexp(r"^[a-z0-9][a-z0-9_-]*$", error="Use lower-case letters, digits, - and _.")
# ICD-10-CM: letter, digit, alphanumeric, then up to four more after an optional dot.
ICD10 = validate.Regexp(r"^([A-TV-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?)?$", error="Not an ICD-10-CM code.")
CDT = validate.Regexp(r"^[A-Z0-9]{1,20}$", error="Not a procedure code (e.g. D7286).")


class Text(fields.String):
    """A string that also accepts a number (Open Dental sends ProvNum and OperatoryNum as numbers)."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        return super()._deserialize(value, attr, data, **kwargs)


class NaiveDateTime(fields.DateTime):
    """A wall-clock time of the practice: an offset, if sent, is dropped, not converted."""

    def _deserialize(self, value, attr, data, **kwargs):
        return super()._deserialize(value, attr, data, **kwargs).replace(tzinfo=None)


# ---------------------------------------------------------------------------------------- cases


class AppointmentSchema(Schema):
    start = NaiveDateTime(required=True, metadata={"description": "Appointment start, practice local time"})
    provider = Text(load_default="", validate=validate.Length(max=80))
    op = Text(load_default="", validate=validate.Length(max=80), metadata={"description": "Operatory"})
    note = fields.String(load_default="", validate=validate.Length(max=20000))


class AddressSchema(Schema):
    """A postal address as Open Dental keeps it (Address, Address2, City, State, Zip)."""

    line1 = Text(load_default="", validate=validate.Length(max=100))
    line2 = Text(load_default="", validate=validate.Length(max=100))
    city = Text(load_default="", validate=validate.Length(max=60))
    state = Text(load_default="", validate=validate.Length(max=2))
    zip = Text(load_default="", validate=validate.Length(max=10))


class PatientSchema(Schema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    birthdate = fields.Date(load_default=None, allow_none=True)
    gender = fields.String(load_default="", validate=validate.Length(max=20))
    address = fields.Nested(AddressSchema, load_default=dict, metadata={"description": "Needed on the claim"})
    phone = Text(load_default="", validate=validate.Length(max=30))


class ProcedureSchema(Schema):
    proc_num = fields.Integer(load_default=None, allow_none=True, metadata={"description": "Open Dental ProcNum"})
    code = fields.String(required=True, validate=CDT, metadata={"description": "CDT code, e.g. D7286"})
    tooth = Text(load_default="", validate=validate.Length(max=10))
    surface = fields.String(load_default="", validate=validate.Length(max=10))
    descript = fields.String(load_default="", validate=validate.Length(max=255))
    fee = fields.Float(load_default=None, allow_none=True, validate=validate.Range(min=0))


class ProblemSchema(Schema):
    icd10 = fields.String(load_default="", validate=ICD10, metadata={"description": "ICD-10-CM, may be empty"})
    name = fields.String(load_default="", validate=validate.Length(max=255))


class InsuranceSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(INSURANCE_KINDS))
    carrier = fields.String(load_default="", validate=validate.Length(max=120))
    plan = fields.String(load_default="", validate=validate.Length(max=120))
    group_number = fields.String(load_default="", validate=validate.Length(max=40))
    subscriber_id = fields.String(load_default="", validate=validate.Length(max=40))
    ordinal = fields.Integer(load_default=1, validate=validate.Range(min=1, max=9), metadata={"description": "1 = primary"})
    patient_relationship = fields.String(
        data_key="relationship", load_default="self", validate=validate.OneOf(INSURANCE_RELATIONSHIPS),
        metadata={"description": "The patient's relationship to the subscriber"})
    subscriber_name = Text(load_default="", validate=validate.Length(max=200),
                           metadata={"description": "\"Last, First\" when the patient is not the subscriber"})
    subscriber_birthdate = fields.Date(load_default=None, allow_none=True)
    subscriber_gender = fields.String(load_default="", validate=validate.Length(max=20))
    payer_id = Text(load_default="", validate=validate.Length(max=80),
                    metadata={"description": "The carrier's electronic payer id (Open Dental ElectID)"})


class CategoryFlagSchema(Schema):
    category = fields.String(required=True, validate=[validate.Length(max=40), SLUG])
    label = fields.String(load_default="", validate=validate.Length(max=120))
    strength = fields.String(load_default="possible", validate=validate.OneOf(("strong", "possible")))


class EvidenceSchema(Schema):
    category = fields.String(load_default="", validate=validate.Length(max=40))
    source = fields.String(required=True, validate=validate.OneOf(("procedure", "problem", "note")))
    rule_id = fields.String(load_default="", validate=validate.Length(max=80))
    detail = fields.String(load_default="", validate=validate.Length(max=1000))
    negated = fields.Boolean(load_default=False)


class DocumentSummarySchema(Schema):
    id = fields.Integer(dump_only=True)
    case_id = fields.Integer(dump_only=True, allow_none=True)
    status = fields.String(dump_only=True, validate=validate.OneOf(JOB_STATUSES))
    kind = fields.String(dump_only=True, allow_none=True)
    media_type = fields.String(dump_only=True)
    size = fields.Integer(dump_only=True, metadata={"description": "Bytes of the original"})
    pages_done = fields.Integer(dump_only=True)
    pages_total = fields.Integer(dump_only=True)
    created_at = fields.DateTime(dump_only=True)


class CaseInSchema(Schema):
    """A case as the flagger (or a person) posts it. Identity: (practice, apt_num)."""

    practice = fields.String(required=True, validate=validate.Length(min=1, max=64))
    apt_num = fields.Integer(required=True, strict=True, validate=validate.Range(min=1))
    pat_num = fields.Integer(required=True, strict=True, validate=validate.Range(min=1))
    appointment = fields.Nested(AppointmentSchema, required=True)
    patient = fields.Nested(PatientSchema, required=True)
    procedures = fields.List(fields.Nested(ProcedureSchema), load_default=list)
    problems = fields.List(fields.Nested(ProblemSchema), load_default=list)
    insurance = fields.List(fields.Nested(InsuranceSchema), load_default=list)
    category = fields.String(load_default="", validate=validate.Length(max=40), metadata={"description": "Main flag category"})
    categories = fields.List(fields.Nested(CategoryFlagSchema), load_default=list)
    evidence = fields.List(fields.Nested(EvidenceSchema), load_default=list)
    needs = fields.List(fields.String(validate=validate.Length(max=200)), load_default=list)
    status = fields.String(
        validate=validate.OneOf(CASE_STATUSES),
        metadata={"description": "Left unchanged by a re-post that omits it; new cases start as 'new'"},
    )


class VisitInSchema(Schema):
    """A later visit that continues a case, as the flagger posts it. Identity: apt_num."""

    apt_num = fields.Integer(required=True, strict=True, validate=validate.Range(min=1))
    appointment = fields.Nested(AppointmentSchema, required=True)
    procedures = fields.List(fields.Nested(ProcedureSchema), load_default=list)


class OpenedVisitInSchema(VisitInSchema):
    """A later visit named by the appointment that opened its case, as the flagger knows it."""

    practice = fields.String(required=True, validate=validate.Length(min=1, max=64))
    joins_apt_num = fields.Integer(required=True, strict=True, validate=validate.Range(min=1),
                                   metadata={"description": "The appointment whose case this visit continues"})


class VisitSchema(VisitInSchema):
    """A visit of a case as the API returns it."""

    id = fields.Integer(dump_only=True)
    case_id = fields.Integer(dump_only=True)
    created_at = fields.DateTime(dump_only=True)

    @pre_dump
    def from_model(self, visit: CaseVisit, **kwargs) -> dict:
        return visit_as_dict(visit) if isinstance(visit, CaseVisit) else visit


class CaseSchema(CaseInSchema):
    """A case as the API returns it."""

    id = fields.Integer(dump_only=True)
    created_at = fields.DateTime(dump_only=True)
    updated_at = fields.DateTime(dump_only=True)
    documents = fields.List(fields.Nested(DocumentSummarySchema), dump_only=True)
    visits = fields.List(fields.Nested(VisitSchema), dump_only=True,
                         metadata={"description": "Later visits that continue the case, oldest first"})

    @pre_dump
    def from_model(self, case: Case, **kwargs) -> dict:
        return case_as_dict(case)


class CasePatchSchema(Schema):
    """What a person changes on a case after review."""

    status = fields.String(validate=validate.OneOf(CASE_STATUSES))
    category = fields.String(validate=validate.Length(max=40))
    categories = fields.List(fields.Nested(CategoryFlagSchema))
    evidence = fields.List(fields.Nested(EvidenceSchema))
    needs = fields.List(fields.String(validate=validate.Length(max=200)))


class CaseQuerySchema(Schema):
    class Meta:
        unknown = EXCLUDE  # pagination parameters are read by flask-smorest

    date = fields.Date(metadata={"description": "Appointment day"})
    date_from = fields.Date(metadata={"description": "Appointments on or after this day"})
    date_to = fields.Date(metadata={"description": "Appointments on or before this day"})
    status = fields.String(validate=validate.OneOf(CASE_STATUSES))
    category = fields.String(validate=validate.Length(max=40), metadata={"description": "The main flag category"})
    practice = fields.String(validate=validate.Length(max=64))
    apt_num = fields.Integer()


def case_as_dict(case: Case) -> dict:
    """The nested shape of a case, from its flat columns and child rows."""
    return {
        "id": case.id,
        "practice": case.practice,
        "apt_num": case.apt_num,
        "pat_num": case.pat_num,
        "appointment": {
            "start": case.apt_start,
            "provider": case.apt_provider,
            "op": case.apt_op,
            "note": case.apt_note,
        },
        "patient": {
            "name": case.patient_name,
            "birthdate": case.patient_birthdate,
            "gender": case.patient_gender,
            "address": case.patient_address or {},
            "phone": case.patient_phone,
        },
        "procedures": case.procedures,
        "problems": case.problems,
        "insurance": case.insurance,
        "category": case.category,
        "categories": case.categories,
        "evidence": case.evidence,
        "needs": case.needs,
        "status": case.status,
        "created_at": case.created_at,
        "updated_at": case.updated_at,
        "documents": case.documents,
        "visits": case.visits,
    }


def visit_as_dict(visit: CaseVisit) -> dict:
    """The nested shape of a visit, like a case's appointment and procedures."""
    return {
        "id": visit.id,
        "case_id": visit.case_id,
        "apt_num": visit.apt_num,
        "appointment": {"start": visit.apt_start, "provider": visit.provider, "op": "", "note": visit.note},
        "procedures": visit.procedures,
        "created_at": visit.created_at,
    }


# ------------------------------------------------------------------------------------ documents


class PageSchema(Schema):
    index = fields.Integer(dump_only=True, metadata={"description": "0-based"})
    status = fields.String(dump_only=True, validate=validate.OneOf(JOB_STATUSES))
    text = fields.String(dump_only=True)
    mean_confidence = fields.Float(dump_only=True, allow_none=True, metadata={"description": "0-100"})
    method = fields.String(dump_only=True, metadata={"description": "ocr, or text_layer for born-digital pages"})
    image_kind = fields.String(dump_only=True, metadata={"description": "text, photo, radiograph or born_digital"})
    reason = fields.String(dump_only=True, metadata={"description": "Why the page failed or needs review"})


class DocumentSchema(DocumentSummarySchema):
    sha256 = fields.String(dump_only=True)
    filename = fields.String(dump_only=True, metadata={"description": "Name given at upload (informational)"})
    kind_source = fields.String(dump_only=True, metadata={"description": "upload, classifier, or empty"})
    kind_confidence = fields.Float(dump_only=True, allow_none=True)
    reason = fields.String(dump_only=True, metadata={"description": "Why the document failed or needs review"})
    text = fields.String(dump_only=True, metadata={"description": "The whole text; pages separated by form feeds"})
    pages = fields.List(fields.Nested(PageSchema), dump_only=True)
    updated_at = fields.DateTime(dump_only=True)
    finished_at = fields.DateTime(dump_only=True, allow_none=True)


class DocumentUploadSchema(Schema):
    file = Upload(required=True, metadata={"description": "PDF, TIFF, PNG or JPEG; the type is read from the bytes"})
    case_id = fields.Integer(load_default=None, allow_none=True)
    kind = fields.String(
        load_default=None,
        allow_none=True,
        validate=[validate.Length(max=40), SLUG],
        metadata={"description": "Known kind; otherwise the classifier guesses it"},
    )


class CaseDocumentUploadSchema(Schema):
    file = Upload(required=True, metadata={"description": "PDF, TIFF, PNG or JPEG; the type is read from the bytes"})
    kind = fields.String(load_default=None, allow_none=True, validate=[validate.Length(max=40), SLUG])


class DocumentPatchSchema(Schema):
    case_id = fields.Integer(allow_none=True)
    kind = fields.String(allow_none=True, validate=[validate.Length(max=40), SLUG])


# ------------------------------------------------------------------------------- users, audit


class UserSchema(Schema):
    id = fields.Integer(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=80))
    role = fields.String(required=True, validate=validate.OneOf(ROLES))
    active = fields.Boolean(dump_only=True)
    created_at = fields.DateTime(dump_only=True)


class NewUserSchema(UserSchema):
    token = fields.String(dump_only=True, metadata={"description": "Shown once; only its hash is kept"})


class AuditEntrySchema(Schema):
    id = fields.Integer()
    at = fields.DateTime()
    user_id = fields.Integer(allow_none=True)
    actor = fields.String()
    role = fields.String()
    action = fields.String()
    resource = fields.String()
    resource_id = fields.Integer(allow_none=True)
    detail = fields.Dict()
    remote_addr = fields.String()


class AuditQuerySchema(Schema):
    class Meta:
        unknown = EXCLUDE

    resource = fields.String()
    resource_id = fields.Integer()
    user_id = fields.Integer()
    action = fields.String()


class HealthSchema(Schema):
    status = fields.String(metadata={"description": "ok, or degraded when a part is down"})
    database = fields.String()
    queue = fields.String()
