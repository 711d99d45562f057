"""Loop 2000A (billing provider HL, PRV*BI), 2010AA (name, NPI, address, TIN, contact) and
2010AB (pay-to address), once per billing provider of the batch."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docservice.claimforms.submission import Address, ClaimSubmission, Provider
from docservice.claimforms.x837p.context import TransactionContext
from docservice.claimforms.x837p.names import ORGANISATION, write_address, write_provider_name, write_specialty

BILLING_PROVIDER_LEVEL = "20"  # HL03


@dataclass(frozen=True)
class BillingGroup:
    """Claims that share one 2000A: same billing provider and same pay-to address."""

    provider: Provider
    pay_to: Address | None
    claims: tuple[ClaimSubmission, ...]


def group_by_billing_provider(claims: Sequence[ClaimSubmission]) -> list[BillingGroup]:
    """Claims grouped under their billing provider (and pay-to, which 2010AB holds per 2000A), in
    the order each provider first appears, claims in input order: the same batch always gives the
    same file."""
    groups: dict[tuple[Provider, Address | None], list[ClaimSubmission]] = {}
    for claim in claims:
        groups.setdefault((claim.billing_provider, claim.pay_to), []).append(claim)
    return [BillingGroup(provider=key[0], pay_to=key[1], claims=tuple(members)) for key, members in groups.items()]


def write_billing_provider(tx: TransactionContext, group: BillingGroup) -> int:
    """Write 2000A/2010AA/2010AB for `group`; returns the HL number its subscribers hang from."""
    out, codes, provider = tx.out, tx.codes, group.provider
    level = tx.open_level(parent=None, level=BILLING_PROVIDER_LEVEL, has_children=True)
    write_specialty(out, role="BI", provider=provider)
    write_provider_name(out, entity="85", provider=provider, codes=codes)
    write_address(out, address=provider.address, codes=codes)
    out.add("REF", "EI", provider.tin)
    if provider.phone:
        out.add("PER", "IC", "", "TE", provider.phone)
    if group.pay_to is not None:
        out.add("NM1", "87", ORGANISATION)
        write_address(out, address=group.pay_to, codes=codes)
    return level
