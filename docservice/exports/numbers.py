"""The numbers of an export: ACN, claim control number, frequency code, X12 control numbers.

- The claim control number (CLM01, box 26) is the case's and stays with it, so every answer
  the payer sends about the claim (835 CLP01, a replacement) comes back to the same case.
- The ACN (PWK06, cover sheet, every stamp) is made from the attachments' digest: an unchanged
  packet keeps its ACN, a changed one gets a new one, with no state to keep in step.
- A claim that changed after the biller marked it submitted goes out as a replacement
  (frequency 7) carrying the payer's claim number when the biller entered it.
- Interchange and group control numbers come from counters that never repeat.
"""
from __future__ import annotations

import hashlib
import json

from sqlalchemy import update
from sqlalchemy.orm import Session

from docservice.claimforms.build import SubmissionNumbers
from docservice.models import Case, Claim, ControlNumber, Export

X12_CONTROL_MAX = 999_999_999


def claim_control_number(case: Case, *, prefix: str) -> str:
    """At most 20 characters (the CLM01 length many payers keep), e.g. ML0000042."""
    return f"{prefix}{case.id:07d}"[:20]


def attachment_control_number(case: Case, *, prefix: str, attachments_digest: str) -> str:
    """2-50 characters of [A-Z0-9-], unique per case and attachment set, e.g. ML-42-9F3A0C11D2."""
    return f"{prefix}-{case.id}-{attachments_digest[:10].upper()}"


def claim_digest(claim: Claim) -> str:
    """What the payer is asked to pay, for telling whether the claim changed since it was sent."""
    shape = {
        "diagnoses": [item.get("code") for item in claim.diagnoses or ()],
        "fields": {key: value for key, value in (claim.fields or {}).items() if key != "left_off"},
        "lines": [
            [line.code, line.system, list(line.modifiers or ()), line.units, str(line.charge),
             list(line.pointers or ()), str(line.service_date or ""), line.description or ""]
            for line in claim.lines
        ],
    }
    return hashlib.sha256(json.dumps(shape, sort_keys=True, default=str).encode()).hexdigest()


def choose_numbers(case: Case, *, prefix: str, attachments: str, claim_now: str) -> SubmissionNumbers:
    """The numbers of this export, from the case's earlier exports (case.exports, oldest first)."""
    submitted = next((export for export in reversed(case.exports) if export.submitted_at is not None), None)
    frequency = "1"
    if submitted is not None:
        # Unchanged since it was sent: the same claim again; changed: it replaces what the payer has.
        frequency = submitted.frequency_code if submitted.claim_digest == claim_now else "7"
    payer_number = ""
    if frequency == "7":
        payer_number = str((case.claim.fields or {}).get("payer_claim_number") or submitted.payer_claim_number or "")
    return SubmissionNumbers(
        claim_control_number=claim_control_number(case, prefix=prefix),
        acn=attachment_control_number(case, prefix=prefix, attachments_digest=attachments),
        frequency_code=frequency,
        payer_claim_number=payer_number,
    )


def next_control_number(session: Session, name: str) -> int:
    """The next value of counter `name`, 1 after 999999999 (X12 control numbers have 9 digits).

    The increment is one UPDATE in the caller's transaction, so two exports at once never get the
    same number (the row lock serialises them) and a rolled-back export gives its number back.
    """
    counter = session.get(ControlNumber, name, with_for_update=True)
    if counter is None:
        counter = ControlNumber(name=name, value=0)
        session.add(counter)
        session.flush()
    session.execute(update(ControlNumber).where(ControlNumber.name == name).values(value=ControlNumber.value + 1))
    session.refresh(counter)
    if counter.value > X12_CONTROL_MAX:
        counter.value = 1
        session.flush()
    return counter.value


def mark_submitted(case: Case, *, when) -> Export | None:
    """The biller says the payer has the claim: its newest export counts as submitted from now on."""
    if not case.exports:
        return None
    latest = case.exports[-1]
    if latest.submitted_at is None:
        latest.submitted_at = when
    return latest
