"""What the export API takes and answers."""
from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate


class ExportQuerySchema(ma.Schema):
    override_reason = fields.String(load_default="", validate=validate.Length(max=500),
                                    metadata={"description": "Admins only: export despite errors, for this reason"})
    to_pms = fields.Boolean(load_default=True, metadata={"description": "false: do not upload to Open Dental"})


class Cms1500QuerySchema(ma.Schema):
    mode = fields.String(load_default="data", validate=validate.OneOf(("data", "full")),
                         metadata={"description": "data: for the pre-printed red form; full: with our outline"})


class BatchExportSchema(ma.Schema):
    date_from = fields.Date(metadata={"description": "Cases with an appointment on or after this day"})
    date_to = fields.Date(metadata={"description": "... and on or before this day"})
    case_ids = fields.List(fields.Integer(validate=validate.Range(min=1)), validate=validate.Length(min=1, max=500))
    override_reason = fields.String(load_default="", validate=validate.Length(max=500))
    to_pms = fields.Boolean(load_default=True)

    @ma.validates_schema
    def _some_cases(self, data, **kwargs):
        if not data.get("case_ids") and not (data.get("date_from") and data.get("date_to")):
            raise ma.ValidationError("Send case_ids, or date_from and date_to.", "_schema")
        if data.get("case_ids") and (data.get("date_from") or data.get("date_to")):
            raise ma.ValidationError("Send case_ids or a date range, not both.", "_schema")
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise ma.ValidationError("date_from is after date_to.", "date_from")


class ExportFileSchema(ma.Schema):
    name = fields.String()
    sha256 = fields.String()
    pages = fields.Integer(allow_none=True)


class ExportAccidentSchema(ma.Schema):
    related = fields.String()
    date = fields.String(allow_none=True)
    state = fields.String()


class ClaimSummarySchema(ma.Schema):
    note = fields.String()
    prior_authorization = fields.String()
    accident = fields.Nested(ExportAccidentSchema, allow_none=True)


class ExportSchema(ma.Schema):
    id = fields.Integer()
    case_id = fields.Integer()
    acn = fields.String()
    claim_control_number = fields.String()
    frequency_code = fields.String(metadata={"description": "1 original, 7 replacement"})
    payer_claim_number = fields.String()
    batch_id = fields.String()
    exported_at = fields.DateTime()
    exported_by = fields.String()
    submitted_at = fields.DateTime(allow_none=True)
    files = fields.List(fields.Nested(ExportFileSchema))
    totals = fields.Dict()
    claim = fields.Nested(ClaimSummarySchema, attribute="claim_summary")
    override_reason = fields.String()
    overridden = fields.List(fields.String())
    pms = fields.Dict(metadata={"description": "What was written back to Open Dental"})
