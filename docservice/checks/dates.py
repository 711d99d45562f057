"""Dates: the DME sequence (face-to-face, test, order, delivery, service), authorization, injury date."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from crosswalks import icd10
from docservice.checks.context import CheckContext, parse_date
from docservice.checks.evidence import fact_evidence, field_evidence
from docservice.checks.findings import Finding

# Each pair must happen in this order (the first on or before the second), per the DME workflow.
SEQUENCE = (
    ("face_to_face_date", "sleep_study_date", "the face-to-face visit", "the sleep test",
     "The physician must see the patient before ordering the sleep test."),
    ("sleep_study_date", "order_date", "the sleep test", "the physician's order",
     "The order must be written after the physician reviewed the sleep test."),
    ("order_date", "delivery_date", "the physician's order", "delivery",
     "Equipment delivered before the order was written is denied; get the order dated before delivery."),
)


def _day(value: date) -> str:
    return value.isoformat()


def check_order(ctx: CheckContext) -> Iterator[Finding]:
    """date-order: face-to-face <= sleep test <= order <= delivery; order <= service date for a DME line."""
    for first, second, first_label, second_label, why in SEQUENCE:
        a, b = ctx.date_of(first), ctx.date_of(second)
        if a and b and a[0] > b[0]:
            yield Finding("date-order", "error",
                          f"The dates are out of order: {first_label} ({_day(a[0])}) comes after "
                          f"{second_label} ({_day(b[0])}).",
                          f"{why} Check the dates read from the documents.",
                          evidence=[fact_evidence(a[1]), fact_evidence(b[1])])
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
