"""Marshmallow schemas of the checks API."""
from __future__ import annotations

import marshmallow as ma

from docservice.checks.findings import SEVERITIES


class FindingSchema(ma.Schema):
    rule = ma.fields.String(required=True, metadata={"description": "Stable rule id, e.g. attachment-missing"})
    severity = ma.fields.String(required=True, validate=ma.validate.OneOf(SEVERITIES))
    message = ma.fields.String(required=True, metadata={"description": "What is wrong, in plain words"})
    fix = ma.fields.String(required=True, metadata={"description": "What to do about it"})
    line = ma.fields.Integer(allow_none=True, metadata={"description": "1-based claim line, null for the whole claim"})
    evidence = ma.fields.List(ma.fields.Dict(), metadata={
        "description": "Where it was seen: {kind: fact|document|procedure|diagnosis|line|crosswalk|narrative, id, ...}"})


class CheckReportSchema(ma.Schema):
    ready = ma.fields.Boolean(required=True, metadata={"description": "True while no error stands"})
    findings = ma.fields.List(ma.fields.Nested(FindingSchema), required=True,
                              metadata={"description": "Errors first, then warnings, then notes; by line"})
