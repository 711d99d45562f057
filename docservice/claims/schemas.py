"""marshmallow schemas of the claim API: what a person may send, and the claim as returned.

Shapes are checked here (≤ 12 diagnoses in ICD-10-CM form, dates, 10-digit NPIs, ≤ 4 modifiers,
units ≥ 1, charge ≥ 0); whether an NPI's check digit is right is left to the checks, so a person
can save a number and then see the finding.
"""
from __future__ import annotations

from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validate, validates

from docservice.claims.diagnoses import MAX_DIAGNOSES, MAX_POINTERS
from docservice.claims.modifiers import MAX_MODIFIERS
from docservice.schemas import ICD10

NPI = validate.Regexp(r"^\d{10}$", error="An NPI is 10 digits.")
CLAIM_CODE = validate.Regexp(
    r"^(\d{4}[0-9A-Z]|[A-Z]\d{4})$", error="Not a claim code (CPT 12345 or 0964T, HCPCS E0486, CDT D7880)."
)
MODIFIER = validate.Regexp(r"^[0-9A-Z]{2}$", error="A modifier is 2 letters or digits (NU, KX, RT, 25).")
SYSTEMS = ("CPT", "HCPCS", "CDT")


class StrictSchema(Schema):
    class Meta:
        unknown = RAISE


class ProviderSchema(StrictSchema):
    name = fields.String(required=True, validate=validate.Length(max=120))
    npi = fields.String(required=True, validate=NPI)
    qualifier = fields.String(validate=validate.OneOf(("DN", "DK")))


class AccidentSchema(StrictSchema):
    related = fields.String(required=True, validate=validate.OneOf(("auto", "employment", "other")))
    state = fields.String(allow_none=True, validate=validate.Regexp(r"^[A-Z]{2}$", error="A two-letter state code."))
    date = fields.Date(allow_none=True)


class LeftOffSchema(Schema):
    cdt = fields.String()
    why = fields.String()


def _text(length: int) -> fields.String:
    return fields.String(allow_none=True, validate=validate.Length(min=1, max=length))


def _not_negative(value) -> None:
    # A plain function, not validate.Range: apispec would print a Decimal minimum as a string.
    if value is not None and value < 0:
        raise ValidationError("Must be 0 or more.")


class ClaimFieldsSchema(StrictSchema):
    """Claim-level fields a person may set; null clears one (it becomes unknown)."""

    payer_name = _text(120)
    member_id = _text(40)
    group_number = _text(40)
    service_date = fields.Date(allow_none=True)
    referring_provider = fields.Nested(ProviderSchema, allow_none=True)
    ordering_provider = fields.Nested(ProviderSchema, allow_none=True)
    rendering_provider = fields.Nested(ProviderSchema, allow_none=True)
    billing_provider = fields.Nested(ProviderSchema, allow_none=True)
    prior_authorization = _text(50)
    authorization_end_date = fields.Date(allow_none=True)
    accident = fields.Nested(AccidentSchema, allow_none=True)
    onset_date = fields.Date(allow_none=True)
    initial_treatment_date = fields.Date(allow_none=True)
    referral_number = _text(50)
    # Sending the claim: the payer's own number for it (from the 835 or the portal; a replacement
    # claim carries it), and which medical plan is billed (2 bills the secondary plan).
    payer_claim_number = _text(50)
    payer_ordinal = fields.Integer(allow_none=True, strict=True, validate=validate.Range(min=1, max=9))
    prior_payer_paid = fields.Decimal(places=2, allow_none=True, as_string=True, validate=_not_negative,
                                      metadata={"description": "What the primary payer paid (secondary claims)"})


class DiagnosisInSchema(StrictSchema):
    code = fields.String(required=True, validate=[validate.Length(min=3), ICD10])
    label = fields.String(validate=validate.Length(max=255))

    @pre_load
    def _upper(self, data, **kwargs):
        # "g4733" is as good as "G47.33": the API normalises it.
        if isinstance(data, dict) and isinstance(data.get("code"), str):
            data = {**data, "code": data["code"].strip().upper()}
        return data


class ClaimPatchSchema(StrictSchema):
    fields_ = fields.Nested(ClaimFieldsSchema, data_key="fields", attribute="fields")
    diagnoses = fields.List(fields.Nested(DiagnosisInSchema), validate=validate.Length(max=MAX_DIAGNOSES))

    @validates("diagnoses")
    def _distinct(self, items, **kwargs):
        codes = [_bare(item["code"]) for item in items if item.get("code")]
        if len(set(codes)) != len(codes):
            raise ValidationError("Each diagnosis appears once.")


def _bare(code: str) -> str:
    return code.upper().replace(".", "")


class LinePatchSchema(StrictSchema):
    """A line's values a person may set; omitted ones stay."""

    cdt = fields.String(validate=validate.Length(max=20))
    code = fields.String(validate=CLAIM_CODE)
    system = fields.String(validate=validate.OneOf(SYSTEMS))
    modifiers = fields.List(fields.String(validate=MODIFIER), validate=validate.Length(max=MAX_MODIFIERS))
    units = fields.Integer(strict=True, validate=validate.Range(min=1, max=999))
    charge = fields.Decimal(places=2, allow_none=True, validate=_not_negative, allow_nan=False)
    pointers = fields.List(fields.Integer(strict=True), validate=validate.Length(max=MAX_POINTERS))
    description = fields.String(validate=validate.Length(max=255))
    tooth = fields.String(validate=validate.Length(max=10))
    service_date = fields.Date()


class LineInSchema(LinePatchSchema):
    code = fields.String(required=True, validate=CLAIM_CODE)
    system = fields.String(required=True, validate=validate.OneOf(SYSTEMS))


class ClaimLineSchema(Schema):
    id = fields.Integer()
    position = fields.Integer()
    procedure_id = fields.Integer(allow_none=True)
    cdt = fields.String()
    code = fields.String()
    system = fields.String()
    modifiers = fields.List(fields.String())
    units = fields.Integer()
    charge = fields.Float(allow_none=True)
    pointers = fields.List(fields.Integer())
    description = fields.String()
    tooth = fields.String()
    service_date = fields.Date(allow_none=True)
    rule = fields.String(metadata={"description": "The crosswalk candidate id chosen; empty for a line a person added"})
    why = fields.Dict(keys=fields.String(), values=fields.String())
    edited = fields.List(fields.String(), metadata={"description": "Fields a person set; \"line\": a person added it"})


class ClaimSchema(Schema):
    id = fields.Integer()
    case_id = fields.Integer()
    form = fields.String()
    payer = fields.String(metadata={"description": "Crosswalk payer id whose rules were used"})
    diagnoses = fields.List(fields.Dict(), metadata={"description": "{code, label, why, source}, principal first"})
    fields_ = fields.Dict(data_key="fields", attribute="fields")
    why = fields.Dict(keys=fields.String(), values=fields.String())
    edited = fields.List(fields.String())
    built_at = fields.DateTime()
    updated_at = fields.DateTime()
    lines = fields.List(fields.Nested(ClaimLineSchema))
