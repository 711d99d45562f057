"""`write_837p`: a batch of claims as one 837P 5010 (005010X222A1) interchange.

The input is checked first (`inputs.py`), so a claim X12 cannot carry fails with one clear
`ClaimFormatError` before anything is written; then each loop module writes its part in the
guide's order. The same claims and envelope always give the same text, byte for byte.
"""
from __future__ import annotations

from collections.abc import Sequence

from docservice.claimforms.submission import ClaimSubmission, Envelope
from docservice.claimforms.x837p.billing_provider import group_by_billing_provider, write_billing_provider
from docservice.claimforms.x837p.claim import write_claim
from docservice.claimforms.x837p.codes import load_codes
from docservice.claimforms.x837p.context import ClaimContext, TransactionContext
from docservice.claimforms.x837p.envelope import (
    write_interchange_header,
    write_trailers,
    write_transaction_header,
)
from docservice.claimforms.x837p.inputs import check_claims, check_envelope
from docservice.claimforms.x837p.other_payer import write_other_payer
from docservice.claimforms.x837p.segments import SegmentWriter
from docservice.claimforms.x837p.service_lines import write_service_lines
from docservice.claimforms.x837p.subscriber import write_subscriber


def check_writable(claim: ClaimSubmission) -> None:
    """Raise `ClaimFormatError` now if `claim` could not be written, before anything else is made
    of it (an export checks each claim so one bad claim cannot stop a batch)."""
    check_claims([claim], codes=load_codes())


def write_837p(claims: Sequence[ClaimSubmission], *, envelope: Envelope) -> str:
    """The interchange text (segments end with "~" and a newline). Raises `ClaimFormatError` for
    input an 837P cannot carry (no lines, too many diagnoses, a pointer past the diagnoses...)."""
    codes = load_codes()
    check_envelope(envelope, codes=codes)
    check_claims(claims, codes=codes)

    out = SegmentWriter()
    write_interchange_header(out, envelope=envelope, codes=codes)
    segments_before_st = write_transaction_header(out, envelope=envelope, codes=codes)
    tx = TransactionContext(out=out, codes=codes)
    for group in group_by_billing_provider(claims):
        billing_level = write_billing_provider(tx, group)
        for claim in group.claims:
            ctx = ClaimContext(tx=tx, claim=claim, billing_level=billing_level)
            write_subscriber(ctx)
            write_claim(ctx)
            write_other_payer(ctx)
            write_service_lines(ctx)
    write_trailers(out, envelope=envelope, segments_before_st=segments_before_st)
    return out.text()
