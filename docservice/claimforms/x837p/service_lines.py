"""Loop 2400 (LX, SV1, DTP*472, REF*6R) with 2420A (a line's own rendering provider) and 2420E
(ordering provider, for equipment a physician ordered)."""
from __future__ import annotations

from docservice.claimforms.submission import Provider, ServiceLine
from docservice.claimforms.x837p.context import ClaimContext
from docservice.claimforms.x837p.names import write_provider_name, write_specialty
from docservice.claimforms.x837p.segments import clean_text, format_amount, format_date

UNITS = "UN"  # SV103: units (MJ, minutes, is for anaesthesia)
LINE_CONTROL_NUMBER = "6R"  # REF01: echoed back per line in the 835 (REF*6R), how payments are matched


def write_service_lines(ctx: ClaimContext) -> None:
    for line in ctx.claim.lines:
        write_service_line(ctx, line)


def write_service_line(ctx: ClaimContext, line: ServiceLine) -> None:
    out = ctx.out
    out.add("LX", str(line.number))
    out.add(
        "SV1",
        _procedure(ctx, line),
        format_amount(line.charge),
        UNITS,
        str(line.units),
        _line_place_of_service(ctx, line),
        "",
        tuple(str(pointer) for pointer in line.pointers),
    )
    out.add("DTP", "472", "D8", format_date(line.service_date))
    out.add("REF", LINE_CONTROL_NUMBER, line.control_number)
    if _has_own_rendering(ctx, line):
        write_provider_name(out, entity="82", provider=line.rendering, codes=ctx.codes)
        write_specialty(out, role="PE", provider=line.rendering)
    if ctx.claim.ordering_provider is not None:
        # The claim model holds one ordering provider for the claim (the DME order); X12 carries
        # it per line, so every line of such a claim names it.
        write_provider_name(out, entity="DK", provider=ctx.claim.ordering_provider, codes=ctx.codes)


def _procedure(ctx: ClaimContext, line: ServiceLine) -> tuple[str, ...]:
    """SV101: qualifier, code, up to four modifiers, and the description of an unlisted code in
    SV101-7 (empty modifier slots kept so the description lands in its own component)."""
    qualifier = ctx.codes.procedure_qualifiers[line.system]
    description = clean_text(line.description, max_length=ctx.codes.text_lengths["description"])
    if not description:
        return (qualifier, line.code, *line.modifiers)
    modifiers = (*line.modifiers, *([""] * (ctx.codes.limits["modifiers"] - len(line.modifiers))))
    return (qualifier, line.code, *modifiers, description)


def _line_place_of_service(ctx: ClaimContext, line: ServiceLine) -> str:
    """SV105 only when the line's place differs from the claim's (CLM05-1 applies otherwise)."""
    if line.place_of_service and line.place_of_service != ctx.claim.place_of_service:
        return line.place_of_service
    return ""


def _has_own_rendering(ctx: ClaimContext, line: ServiceLine) -> bool:
    """True when the line names a rendering provider other than the claim's (2310B, or the billing
    provider when 2310B is absent); providers are the same one when their NPIs are."""
    claim_rendering: Provider = ctx.claim.rendering_provider or ctx.claim.billing_provider
    return line.rendering is not None and line.rendering.npi != claim_rendering.npi
