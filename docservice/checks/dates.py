"""Dates: the DME sequence (face-to-face, test, order, delivery, service), authorization, injury date.

The sequence is crosswalk data (criteria.yaml `date_sequence`), judged step by step by the same
function the payer criteria use (docservice/evidence/criteria.py `date_step`), on the dates the
case's evidence resolves.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from crosswalks import icd10
from docservice.checks.context import CheckContext, parse_date
from docservice.checks.evidence import fact_evidence, field_evidence
from docservice.checks.findings import Finding
from docservice.evidence.criteria import date_step


def _day(value: date) -> str:
    return value.isoformat()


def check_order(ctx: CheckContext) -> Iterator[Finding]:
    """date-order: face-to-face <= sleep test <= order <= delivery; order <= service date for a DME line."""
    for step in ctx.rules.date_sequence:
        part = date_step(step, ctx.evidence)  # documented dates only: a missing one is another check's
        if part.known and not part.met:
            yield Finding("date-order", "error", f"The dates are out of order: {part.why}.",
                          f"{step.message} Check the dates read from the documents.",
                          evidence=[fact_evidence(reading) for reading in part.evidence])
    order = ctx.date_of("order_date")
    if order is None:
        return
    for position, line in ctx.numbered_lines():
        medical = ctx.medical_code(line.code)
        served = line.service_date or ctx.service_date
        if medical is not None and medical.dme and served and order[0] > served:
            yield Finding("date-order", "error",
                          f"The physician's order ({_day(order[0])}) is dated after the date of service "
                          f"({_day(served)}) of {ctx.describe_line(position, line)}.",
                          "Durable medical equipment needs the order on file before the service; "
                          "correct the date or get a valid order first.",
                          line=position, evidence=[fact_evidence(order[1])])


def check_authorization(ctx: CheckContext) -> Iterator[Finding]:
    """date-authorization: the date of service falls after the authorization ends."""
    end = ctx.date_of("authorization_end_date")
    if end and ctx.service_date and ctx.service_date > end[0]:
        yield Finding("date-authorization", "error",
                      f"The date of service ({_day(ctx.service_date)}) is after the prior authorization "
                      f"ended ({_day(end[0])}), by {(ctx.service_date - end[0]).days} day(s).",
                      "Ask the payer to extend the authorization, or reschedule within it.",
                      evidence=[fact_evidence(end[1])])


def is_trauma_claim(ctx: CheckContext) -> bool:
    codes = [d.get("code", "") for d in ctx.diagnoses]
    return "trauma" in ctx.categories or any(icd10.is_valid(c) and icd10.is_injury(c) for c in codes)


def check_injury(ctx: CheckContext) -> Iterator[Finding]:
    """date-injury: the injury is dated after the service, or a trauma claim has no injury date."""
    if not is_trauma_claim(ctx):
        return
    accident = ctx.fields.get("accident") or {}
    found = ctx.date_of("injury_date")
    injury, evidence = (found[0], [fact_evidence(found[1])]) if found else (None, [])
    if injury is None and parse_date(accident.get("date") if isinstance(accident, dict) else None):
        injury, evidence = parse_date(accident["date"]), [field_evidence("accident", accident)]
    if injury is None:
        yield Finding("date-injury", "warning",
                      "This is an injury claim but no date of injury is documented.",
                      "Record the date (and place and mechanism) of the injury in the note; "
                      "the claim needs it as the accident date.")
    elif ctx.service_date and injury > ctx.service_date:
        yield Finding("date-injury", "error",
                      f"The injury date ({_day(injury)}) is after the date of service ({_day(ctx.service_date)}).",
                      "Correct the injury date or the date of service.", evidence=evidence)


RULES = (check_order, check_authorization, check_injury)
