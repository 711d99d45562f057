"""Loop 2300 (CLM, dates, PWK, REF, NTE, HI) and its providers 2310A (referring) and 2310B
(rendering), in the segment order of pyx12's 005010X222A1 map."""
from __future__ import annotations

from datetime import date

from crosswalks import icd10
from docservice.claimforms.x837p.context import ClaimContext
from docservice.claimforms.x837p.names import write_provider_name, write_specialty
from docservice.claimforms.x837p.segments import Element, clean_text, format_amount, format_date

_FACILITY_CODE_QUALIFIER = "B"  # CLM05-2: place of service codes (professional claims)


def write_claim(ctx: ClaimContext) -> None:
    """2300 with 2310A/2310B; other payers (2320) and lines (2400) follow from their own modules."""
    _write_clm(ctx)
    _write_dates(ctx)
    _write_attachments(ctx)
    _write_references(ctx)
    _write_note(ctx)
    _write_diagnoses(ctx)
    _write_claim_providers(ctx)


def _write_clm(ctx: ClaimContext) -> None:
    claim = ctx.claim
    ctx.out.add(
        "CLM",
        claim.claim_control_number,
        format_amount(claim.total_charge),
        "",
        "",
        (claim.place_of_service, _FACILITY_CODE_QUALIFIER, claim.frequency_code),
        _yes_no(claim.provider_signature_on_file),
        "A" if claim.accept_assignment else "C",  # CLM07: A assigned, C not assigned
        _yes_no(claim.benefits_assigned),
        claim.release_of_information,
        "",  # CLM10 patient signature source: only for a signature the provider made for the patient
        _related_causes(ctx),
    )


def _related_causes(ctx: ClaimContext) -> Element:
    """CLM11: AA/EM/OA, with the state (CLM11-4) where an auto accident happened."""
    accident = ctx.claim.accident
    if accident is None:
        return ""
    code = ctx.codes.related_causes[accident.related]
    state = accident.state if accident.related in ctx.codes.related_causes_needing_state else ""
    return (code, "", "", state)


def _write_dates(ctx: ClaimContext) -> None:
    # Onset (431), initial treatment (454), accident (439): the map's order within position 1350.
    accident_date = ctx.claim.accident.date if ctx.claim.accident else None
    for qualifier, value in (
        ("431", ctx.claim.onset_date),
        ("454", ctx.claim.initial_treatment_date),
        ("439", accident_date),
    ):
        _write_date(ctx, qualifier=qualifier, value=value)


def _write_date(ctx: ClaimContext, *, qualifier: str, value: date | None) -> None:
    if value is not None:
        ctx.out.add("DTP", qualifier, "D8", format_date(value))


def _write_attachments(ctx: ClaimContext) -> None:
    """PWK per attachment kind; PWK05 AC says PWK06 is the attachment control number."""
    for attachment in ctx.claim.attachments:
        ctx.out.add("PWK", attachment.report_type, attachment.transmission, "", "", "AC", attachment.control_number)


def _write_references(ctx: ClaimContext) -> None:
    # Referral (9F), prior authorisation (G1), payer claim number (F8): the map's REF order.
    claim = ctx.claim
    if claim.referral_number:
        ctx.out.add("REF", "9F", claim.referral_number)
    if claim.prior_authorization:
        ctx.out.add("REF", "G1", claim.prior_authorization)
    if claim.frequency_code in ctx.codes.frequency_codes_needing_payer_claim_number:
        ctx.out.add("REF", "F8", claim.payer_claim_number)


def _write_note(ctx: ClaimContext) -> None:
    note = clean_text(ctx.claim.note, max_length=ctx.codes.text_lengths["note"])
    if note:
        ctx.out.add("NTE", "ADD", note)


def _write_diagnoses(ctx: ClaimContext) -> None:
    """HI: ABK for the principal ICD-10-CM code, ABF for the others, codes without their point."""
    codes = [icd10.bare(code) for code in ctx.claim.diagnoses]
    elements = [("ABK" if position == 0 else "ABF", code) for position, code in enumerate(codes)]
    ctx.out.add("HI", *elements)


def _write_claim_providers(ctx: ClaimContext) -> None:
    claim = ctx.claim
    if claim.referring_provider is not None:
        write_provider_name(ctx.out, entity="DN", provider=claim.referring_provider, codes=ctx.codes)
    if claim.rendering_provider is not None:
        write_provider_name(ctx.out, entity="82", provider=claim.rendering_provider, codes=ctx.codes)
        write_specialty(ctx.out, role="PE", provider=claim.rendering_provider)


def _yes_no(flag: bool) -> str:
    return "Y" if flag else "N"
