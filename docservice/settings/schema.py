"""The shape of the settings document and what makes a value valid (marshmallow).

Each bad field is reported under its dotted path with a sentence a person can act on, e.g.
`{"billing_provider.npi": ["The NPI check digit is wrong: ..."]}`.
"""
from __future__ import annotations

import re

import marshmallow as ma
from marshmallow import fields, validate

from crosswalks.exitcodes import ExitCode
from crosswalks.npi import is_valid_npi
from docservice.errors import DocServiceError

_DIGITS = re.compile(r"\D")


def digits_only(value: str) -> str:
    """The digits of a number as people type it ("12-3456789", "(555) 010-0199")."""
    return _DIGITS.sub("", value or "")


class Digits(fields.String):
    """A number kept as its digits: dashes, spaces and brackets are dropped on input."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        return digits_only(super()._deserialize(value, attr, data, **kwargs))


def _npi(value: str) -> None:
    if value and not is_valid_npi(value):
        raise ma.ValidationError("The NPI must be 10 digits with a valid check digit; check it against the NPI registry.")


def _length_or_empty(*lengths: int, what: str):
    def check(value: str) -> None:
        if value and len(value) not in lengths:
            raise ma.ValidationError(f"{what} must have {' or '.join(map(str, lengths))} digits.")

    return check


def _taxonomy(value: str) -> None:
    if value and not re.fullmatch(r"[0-9]{3}[0-9A-Z]{6}X", value):
        raise ma.ValidationError("A taxonomy code has 10 characters ending in X, e.g. 1223S0112X.")


class Schema(ma.Schema):
    class Meta:
        unknown = ma.RAISE
        ordered = True


class SettingsAddressSchema(Schema):
    line1 = fields.String(load_default="", validate=validate.Length(max=55))
    line2 = fields.String(load_default="", validate=validate.Length(max=55))
    city = fields.String(load_default="", validate=validate.Length(max=30))
    state = fields.String(load_default="", validate=validate.Regexp(r"^([A-Z]{2})?$", error="Use the two-letter state code."))
    zip = Digits(load_default="", validate=_length_or_empty(5, 9, what="A ZIP code"))


class BillingAddressSchema(SettingsAddressSchema):
    """X12 wants the billing provider's ZIP+4 (9 digits) in loop 2010AA."""

    zip = Digits(load_default="", validate=_length_or_empty(9, what="The billing provider's ZIP+4 (X12 loop 2010AA)"))


class BillingProviderSchema(Schema):
    name = fields.String(load_default="", validate=validate.Length(max=60))
    npi = Digits(load_default="", validate=_npi)
    tin = Digits(load_default="", validate=_length_or_empty(9, what="The TIN (EIN)"))
    taxonomy = fields.String(load_default="", validate=_taxonomy)
    address = fields.Nested(BillingAddressSchema, load_default=lambda: BillingAddressSchema().load({}))
    phone = Digits(load_default="", validate=_length_or_empty(10, what="The phone number"))


class RenderingProviderSchema(Schema):
    name = fields.String(load_default="", validate=validate.Length(max=60),
                         metadata={"description": "\"Last, First\" as the claim names the dentist; empty: the "
                                                  "appointment's provider as Open Dental names it"})
    npi = Digits(required=True, validate=_npi)
    taxonomy = fields.String(load_default="", validate=_taxonomy)
    abbr = fields.String(load_default="", validate=validate.Length(max=20),
                         metadata={"description": "Open Dental's provider abbreviation on appointments"})


class SubmitterSchema(Schema):
    name = fields.String(load_default="", validate=validate.Length(max=60))
    id = fields.String(load_default="", validate=validate.Regexp(r"^[A-Za-z0-9]{0,15}$",
                       error="The submitter id (ETIN) has up to 15 letters or digits."))
    contact_name = fields.String(load_default="", validate=validate.Length(max=60))
    contact_phone = Digits(load_default="", validate=_length_or_empty(10, what="The contact phone"))


class ReceiverSchema(Schema):
    name = fields.String(load_default="", validate=validate.Length(max=60))
    id = fields.String(load_default="", validate=validate.Regexp(r"^[A-Za-z0-9]{0,15}$",
                       error="The receiver id has up to 15 letters or digits."))


class PayerSchema(Schema):
    payer_id = fields.String(required=True, validate=validate.Regexp(r"^[A-Za-z0-9]{2,80}$",
                             error="The payer id has 2 to 80 letters or digits, as the clearinghouse lists it."))
    name = fields.String(required=True, validate=validate.Length(min=1, max=60))
    address = fields.Nested(SettingsAddressSchema, load_default=dict)
    attachment_limit_mb = fields.Float(load_default=None, allow_none=True, validate=validate.Range(min=0.1, max=1000))
    accepts = fields.String(load_default="pdf", validate=validate.OneOf(("pdf", "images")))
    narrative_limit = fields.Integer(load_default=80, validate=validate.Range(min=10, max=80),
                                     metadata={"description": "Characters of the claim note (837P NTE) this payer reads"})
    takes_cdt = fields.Boolean(load_default=False)
    filing_indicator = fields.String(load_default="CI", validate=validate.OneOf(
        ("CI", "BL", "HM", "MA", "MB", "MC", "16", "12", "13", "14", "15", "17", "AM", "CH", "DS", "FI", "LM", "OF",
         "TV", "VA", "WC", "ZZ")),
        metadata={"description": "837P SBR09 claim filing indicator: CI commercial, MB Medicare Part B, BL BCBS..."})
    aliases = fields.List(fields.String(validate=validate.Length(min=1, max=120)), load_default=list,
                          metadata={"description": "Other carrier names in Open Dental that mean this payer"})


class PrinterSchema(Schema):
    offset_x_in = fields.Float(load_default=0.0, validate=validate.Range(min=-1, max=1))
    offset_y_in = fields.Float(load_default=0.0, validate=validate.Range(min=-1, max=1))


class OpenDentalSchema(Schema):
    doc_category = fields.Integer(load_default=None, allow_none=True,
                                  metadata={"description": "Image category (definition DefNum) for uploaded packets"})
    upload = fields.Boolean(load_default=True, metadata={"description": "Upload packets to Open Dental on export"})


class SettingsSchema(Schema):
    billing_provider = fields.Nested(BillingProviderSchema, load_default=lambda: BillingProviderSchema().load({}))
    rendering_providers = fields.List(fields.Nested(RenderingProviderSchema), load_default=list)
    pay_to = fields.Nested(SettingsAddressSchema, load_default=None, allow_none=True)
    submitter = fields.Nested(SubmitterSchema, load_default=lambda: SubmitterSchema().load({}))
    receiver = fields.Nested(ReceiverSchema, load_default=lambda: ReceiverSchema().load({}))
    place_of_service = fields.String(load_default="11", validate=validate.Regexp(r"^[0-9]{2}$",
                                     error="The place of service is a two-digit code, 11 for an office."))
    payers = fields.List(fields.Nested(PayerSchema), load_default=list)
    acn_prefix = fields.String(load_default="ML", validate=validate.Regexp(r"^[A-Z0-9]{1,8}$",
                               error="The ACN prefix has 1 to 8 capital letters or digits."))
    usage = fields.String(load_default="P", validate=validate.OneOf(("P", "T")),
                          metadata={"description": "X12 ISA15: P production, T test"})
    cms1500 = fields.Nested(PrinterSchema, load_default=lambda: PrinterSchema().load({}))
    opendental = fields.Nested(OpenDentalSchema, load_default=lambda: OpenDentalSchema().load({}))

    @ma.validates_schema
    def _unique_payers(self, data, **kwargs):
        ids = [payer["payer_id"] for payer in data.get("payers", [])]
        if len(ids) != len(set(ids)):
            raise ma.ValidationError("Each payer id may appear once.", "payers")


class SettingsInvalid(DocServiceError):
    """The settings would not be valid; `errors` maps each bad field's dotted path to its messages."""

    exit_code = ExitCode.settings_invalid

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("; ".join(f"{key}: {' '.join(messages)}" for key, messages in errors.items()))
        self.errors = errors


def validate_settings(document: dict) -> dict:
    """The document with defaults filled in.

    Raises:
        SettingsInvalid: naming each bad field by its dotted path.
    """
    try:
        return SettingsSchema().load(document)
    except ma.ValidationError as error:
        raise SettingsInvalid(flatten_errors(error.normalized_messages())) from None


def flatten_errors(messages, prefix: str = "") -> dict[str, list[str]]:
    """marshmallow's nested messages as {"billing_provider.npi": [...], "payers.0.payer_id": [...]}."""
    flat: dict[str, list[str]] = {}
    if isinstance(messages, list):
        flat[prefix or "_schema"] = [str(message) for message in messages]
        return flat
    for key, value in messages.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        if key == "_schema":
            path = prefix or "_schema"
        flat.update(flatten_errors(value, path))
    return flat
