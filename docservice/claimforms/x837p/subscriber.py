"""Loops 2000B (subscriber HL, SBR), 2010BA (subscriber), 2010BB (payer) and, when the patient
is someone else, 2000C (patient HL, PAT) with 2010CA (patient).

Each claim gets its own 2000B: simpler than merging claims of one subscriber, and just as valid.
"""
from __future__ import annotations

from docservice.claimforms.submission import Coverage
from docservice.claimforms.x837p.context import ClaimContext
from docservice.claimforms.x837p.names import write_address, write_demographics, write_payer_name, write_person_name
from docservice.claimforms.x837p.segments import clean_text

SUBSCRIBER_LEVEL = "22"  # HL03
PATIENT_LEVEL = "23"


def write_subscriber(ctx: ClaimContext) -> None:
    """2000B, 2010BA, 2010BB, then 2000C/2010CA when the patient is not the subscriber."""
    coverage = ctx.claim.coverage
    subscriber = coverage.subscriber
    level = ctx.tx.open_level(
        parent=ctx.billing_level, level=SUBSCRIBER_LEVEL, has_children=not ctx.patient_is_subscriber
    )
    relationship = coverage.relationship if ctx.patient_is_subscriber else ""  # SBR02 only ever says "self"
    write_subscriber_info(ctx, coverage=coverage, relationship=relationship)
    write_person_name(ctx.out, entity="IL", person=subscriber, codes=ctx.codes, member_id=coverage.member_id)
    if ctx.patient_is_subscriber:
        # The guide wants the subscriber's address and DMG only when the subscriber is the patient
        # (DMG: "if not required, do not send"); otherwise they go in 2010CA for the patient.
        write_address(ctx.out, address=subscriber.address, codes=ctx.codes)
        write_demographics(ctx.out, person=subscriber)
    write_payer_name(ctx.out, payer_name=coverage.payer.name, payer_id=coverage.payer.payer_id, codes=ctx.codes)
    if coverage.payer.address is not None:
        write_address(ctx.out, address=coverage.payer.address, codes=ctx.codes)
    if not ctx.patient_is_subscriber:
        _write_patient(ctx, parent=level)


def write_subscriber_info(ctx: ClaimContext, *, coverage: Coverage, relationship: str) -> None:
    """SBR of 2000B or 2320: responsibility, relationship, group number (or, without one, the plan
    name as group name) and claim filing indicator."""
    group_name = "" if coverage.group_number else clean_text(
        coverage.plan_name, max_length=ctx.codes.text_lengths["group_name"]
    )
    ctx.out.add(
        "SBR",
        coverage.responsibility,
        relationship,
        coverage.group_number,
        group_name,
        "",
        "",
        "",
        "",
        coverage.payer.filing_indicator,
    )


def _write_patient(ctx: ClaimContext, *, parent: int) -> None:
    patient = ctx.claim.patient
    ctx.tx.open_level(parent=parent, level=PATIENT_LEVEL, has_children=False)
    ctx.out.add("PAT", ctx.claim.coverage.relationship)
    write_person_name(ctx.out, entity="QC", person=patient, codes=ctx.codes)
    write_address(ctx.out, address=patient.address, codes=ctx.codes)
    write_demographics(ctx.out, person=patient)
