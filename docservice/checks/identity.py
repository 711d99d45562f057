"""Who is billed, by whom, for whom: NPIs, ordering provider, member id, medical plan, prior authorization."""
from __future__ import annotations

from collections.abc import Iterator

from crosswalks.npi import is_valid_npi
from docservice.case_terms import medical_plan
from docservice.checks.context import CheckContext
from docservice.checks.evidence import crosswalk_evidence, fact_evidence, field_evidence, line_evidence
from docservice.checks.findings import Finding
from docservice.facts.vocabulary import VOCABULARY

PROVIDER_FIELDS = {
    "referring_provider": "referring provider",
    "ordering_provider": "ordering provider",
    "rendering_provider": "rendering provider",
    "billing_provider": "billing provider",
}


# Facts naming a physician with an NPI (the vocabulary's person kinds): a wrong number there ends up on
# the claim or the order.
NPI_FACTS = tuple(name for name, kind in VOCABULARY.items() if kind in ("person", "referral"))


def check_npis(ctx: CheckContext) -> Iterator[Finding]:
    """npi-invalid: every NPI on the claim, and on the documents' physicians, passes the check digit
    (Luhn over 80840 + NPI)."""
    reported = set()
    for field, label in PROVIDER_FIELDS.items():
        provider = ctx.fields.get(field)
        npi = str(provider.get("npi") or "").strip() if isinstance(provider, dict) else ""
        if npi and not is_valid_npi(npi):
            reported.add(npi)
            yield Finding("npi-invalid", "error",
                          f"The {label}'s NPI ({npi}) is not a valid NPI: its check digit does not match.",
                          f"Look the {label} up in the NPI registry (NPPES) and correct the number.",
                          evidence=[field_evidence(field, provider)])
    for name in NPI_FACTS:
        label = ctx.rules.label(name)
        for fact in ctx.present(name):
            npi = str(fact.value.get("npi") or "").strip() if isinstance(fact.value, dict) else ""
            if npi and npi not in reported and not is_valid_npi(npi):
                reported.add(npi)
                yield Finding("npi-invalid", "error",
                              f"The {label}'s NPI in the documents ({npi}) is not a valid NPI: its check digit "
                              "does not match.",
                              f"Ask the {label}'s office for the correct NPI (or look it up in NPPES); a corrected "
                              "document may be needed.", evidence=[fact_evidence(fact)])


def check_ordering_provider(ctx: CheckContext) -> Iterator[Finding]:
    """provider-missing: a durable-medical-equipment line needs the ordering physician (box 17, DK)."""
    provider = ctx.fields.get("ordering_provider")
    if isinstance(provider, dict) and provider.get("name") and provider.get("npi"):
        return
    for position, line in ctx.numbered_lines():
        medical = ctx.medical_code(line.code)
        if medical is not None and medical.dme:
            evidence = [line_evidence(line, position)] + [fact_evidence(f) for f in ctx.present("ordering_physician")[:1]]
            yield Finding("provider-missing", "error",
                          f"{ctx.describe_line(position, line).capitalize()}, is durable medical equipment: the claim "
                          "needs the ordering physician's name and NPI.",
                          "Enter the physician who ordered the device as ordering provider (box 17, qualifier DK).",
                          line=position, evidence=evidence)
            return


def check_member_id(ctx: CheckContext) -> Iterator[Finding]:
    """member-id-missing: the insured's id on the medical plan (box 1a)."""
    plan = medical_plan(ctx.case)
    if str(ctx.fields.get("member_id") or "").strip() or (plan is not None and plan.subscriber_id.strip()):
        return
    yield Finding("member-id-missing", "error", "The claim has no member ID for the medical plan.",
                  "Copy the member ID from the patient's medical insurance card.")


def check_medical_plan(ctx: CheckContext) -> Iterator[Finding]:
    """medical-plan-missing: no medical insurance on file for the patient."""
    if medical_plan(ctx.case) is None:
        yield Finding("medical-plan-missing", "error", "No medical insurance plan is on file for this patient.",
                      "Add the patient's medical plan in the practice software (carrier, plan, member ID).")


def check_prior_auth(ctx: CheckContext) -> Iterator[Finding]:
    """prior-auth-missing: the payer wants authorization for a billed code and none is recorded."""
    required = set(getattr(ctx.payer, "prior_auth", ()) or ())
    found = ctx.line_of(required) if required else None
    if found is None or str(ctx.fields.get("prior_authorization") or "").strip() or ctx.present("prior_authorization"):
        return
    position, line = found
    payer = ctx.payer.label or ctx.payer.id
    code = line.code if line.code in required else line.cdt
    if getattr(ctx.payer, "prior_auth_by_plan", False):
        severity, message = "warning", (f"Whether the {payer} needs prior authorization for {code} depends on "
                                        "the member's plan, and none is recorded.")
        fix = ("Check the member's plan; if it requires authorization, request it before the service and enter "
               "its number on the claim (box 23).")
    else:
        severity, message = "error", f"{payer} requires prior authorization for {code}, and none is recorded."
        fix = "Request authorization from the payer before the service and enter its number on the claim (box 23)."
    yield Finding("prior-auth-missing", severity, message, fix,
                  line=position, evidence=[line_evidence(line, position),
                                           crosswalk_evidence(ctx.payer, prior_auth=sorted(required))])


def check_lines(ctx: CheckContext) -> Iterator[Finding]:
    """claim-no-lines: nothing to bill."""
    if not ctx.lines:
        left = ctx.fields.get("left_off") or []
        yield Finding("claim-no-lines", "error", "The claim has no service lines.",
                      "Add the procedures to bill, or check why they were left off the medical claim.",
                      evidence=[field_evidence("left_off", left)] if left else [])


RULES = (check_lines, check_npis, check_ordering_provider, check_member_id, check_medical_plan, check_prior_auth)
