"""Loop 2320 (other subscriber: SBR, AMT*D, OI) with 2330A (other subscriber) and 2330B (other
payer), written on a secondary claim for the payer that already adjudicated it."""
from __future__ import annotations

from docservice.claimforms.x837p.context import ClaimContext
from docservice.claimforms.x837p.names import write_address, write_payer_name, write_person_name
from docservice.claimforms.x837p.segments import format_amount, format_date
from docservice.claimforms.x837p.subscriber import write_subscriber_info

PAYER_PAID = "D"  # AMT01


def write_other_payer(ctx: ClaimContext) -> None:
    """2320/2330A/2330B for `claim.other_coverage`, when there is one."""
    other = ctx.claim.other_coverage
    if other is None:
        return
    # SBR02 here is always sent: the patient's relationship to the other plan's subscriber.
    write_subscriber_info(ctx, coverage=other, relationship=other.relationship)
    if other.paid_amount is not None:
        ctx.out.add("AMT", PAYER_PAID, format_amount(other.paid_amount))
    claim = ctx.claim
    # OI03 benefits assigned, OI06 release of information: the same signatures as in CLM08/CLM09.
    ctx.out.add("OI", "", "", "Y" if claim.benefits_assigned else "N", "", "", claim.release_of_information)
    write_person_name(ctx.out, entity="IL", person=other.subscriber, codes=ctx.codes, member_id=other.member_id)
    if other.subscriber.address is not None:
        write_address(ctx.out, address=other.subscriber.address, codes=ctx.codes)
    write_payer_name(ctx.out, payer_name=other.payer.name, payer_id=other.payer.payer_id, codes=ctx.codes)
    if other.payer.address is not None:
        write_address(ctx.out, address=other.payer.address, codes=ctx.codes)
    if other.paid_date is not None:
        ctx.out.add("DTP", "573", "D8", format_date(other.paid_date))
