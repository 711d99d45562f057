"""Build the `ClaimSubmission` of a case: its saved claim with the practice's settings around it.

This is the only place that turns MedLane's records (case, claim, narrative, settings) into the
values a payer receives; the 837P, the CMS-1500 and the packet's cover sheet all read its result.
What cannot be built (no payer profile, a line without a charge...) is reported by
`docservice.exports.readiness` before this runs, so here a gap is a programming error.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from crosswalks.npi import is_valid_npi
from docservice.facts.values import stored_date
from docservice.claimforms.submission import (
    Accident,
    Address,
    Attachment,
    ClaimSubmission,
    Coverage,
    Payer,
    Person,
    Provider,
    ServiceLine,
)
from docservice.models import Case, Claim, InsurancePlan
from docservice.settings.schema import digits_only
from docservice.settings.store import payer_profile, rendering_provider

# InsurancePlan.relationship -> X12 individual relationship code (SBR02 / PAT01)
RELATIONSHIP_CODES = {"self": "18", "spouse": "01", "child": "19", "employee": "20", "life_partner": "53", "other": "G8"}
# The claim builder's accident kinds (claims/vocabulary.yaml accident_related) are already ours.
ACCIDENT_KINDS = ("auto", "employment", "other")


@dataclass(frozen=True)
class SubmissionNumbers:
    """The numbers an export gives a claim (docservice.exports.numbers)."""

    claim_control_number: str
    acn: str
    frequency_code: str = "1"
    payer_claim_number: str = ""


def build_submission(
    case: Case,
    claim: Claim,
    *,
    settings: Mapping,
    numbers: SubmissionNumbers,
    attachments: Sequence[tuple[str, str]] = (),
    note: str = "",
) -> ClaimSubmission:
    """The claim as the payer will receive it.

    Args:
        attachments: (PWK01 report type, label) of each kind of document in the packet, in
            packet order; each becomes one Attachment under the packet's ACN.
        note: the narrative's claim note; cut to the payer's narrative limit.
    """
    plan, other_plan = billed_plans(case, claim)
    profile = plan_profile(settings, plan, claim) or {}
    patient = patient_person(case)
    relationship = RELATIONSHIP_CODES.get(plan.patient_relationship or "self", "G8")
    coverage = _coverage(plan, claim, profile=profile, patient=patient, relationship=relationship,
                         responsibility="S" if other_plan else "P")
    billing = billing_provider(settings)
    rendering = _rendering(case, claim, settings)
    place = str(settings.get("place_of_service") or "11")
    limit = int(profile.get("narrative_limit") or 80)
    return ClaimSubmission(
        claim_control_number=numbers.claim_control_number,
        billing_provider=billing,
        coverage=coverage,
        patient=patient,
        place_of_service=place,
        diagnoses=tuple(item["code"] for item in claim.diagnoses or ()),
        lines=tuple(_lines(case, claim, numbers=numbers)),
        frequency_code=numbers.frequency_code,
        payer_claim_number=numbers.payer_claim_number,
        rendering_provider=rendering if rendering and rendering.npi != billing.npi else None,
        pay_to=_address(settings.get("pay_to")),
        referring_provider=_physician(_field(claim, "referring_provider")),
        ordering_provider=_physician(_field(claim, "ordering_provider")),
        other_coverage=_other_coverage(other_plan, claim, settings=settings, patient=patient),
        onset_date=stored_date(_field(claim, "onset_date")),
        initial_treatment_date=stored_date(_field(claim, "initial_treatment_date")),
        accident=_accident(_field(claim, "accident")),
        prior_authorization=str(_field(claim, "prior_authorization") or ""),
        referral_number=str(_field(claim, "referral_number") or ""),
        note=shorten_note(note or "", limit=limit),
        attachments=tuple(
            Attachment(report_type=report_type, control_number=numbers.acn, label=label)
            for report_type, label in attachments
        ),
    )


def shorten_note(note: str, *, limit: int) -> str:
    """The claim note within the payer's limit, cut at a word, never inside one."""
    if len(note) <= limit:
        return note
    cut = note[: limit + 1].rsplit(" ", 1)[0]
    return (cut if cut and len(cut) <= limit else note[:limit]).rstrip(" ;,")


def billed_plans(case: Case, claim: Claim) -> tuple[InsurancePlan, InsurancePlan | None]:
    """The medical plan billed and, on a secondary claim, the plan that paid first.

    A person makes a claim secondary by setting the claim field `payer_ordinal` to 2.
    """
    plans = sorted((p for p in case.insurance if p.kind == "medical"), key=lambda p: (p.ordinal, p.position))
    if not plans:
        raise ValueError("the case has no medical plan")  # readiness reports this first
    wanted = int(_field(claim, "payer_ordinal") or plans[0].ordinal)
    billed = next((p for p in plans if p.ordinal == wanted), plans[0])
    earlier = [p for p in plans if p.ordinal < billed.ordinal]
    return billed, (earlier[-1] if earlier else None)


def plan_profile(settings: Mapping, plan: InsurancePlan, claim: Claim | None = None) -> dict | None:
    """The settings' payer profile of a plan: by the carrier's payer id, else by its name (a person
    may name the payer on the claim)."""
    carrier = (_field(claim, "payer_name") if claim is not None else "") or plan.carrier
    return payer_profile(settings, carrier, payer_id=plan.payer_id)


def patient_person(case: Case) -> Person:
    last, first, middle = split_name(case.patient_name)
    return Person(
        last_name=last, first_name=first, middle_name=middle, birthdate=case.patient_birthdate,
        sex=sex_code(case.patient_gender), address=_address(case.patient_address), phone=digits_only(case.patient_phone),
    )


def billing_provider(settings: Mapping) -> Provider:
    billing = settings.get("billing_provider") or {}
    return Provider(
        name=billing.get("name", ""), npi=billing.get("npi", ""), taxonomy=billing.get("taxonomy", ""),
        tin=billing.get("tin", ""), address=_address(billing.get("address")), phone=billing.get("phone", ""),
    )


def split_name(name: str) -> tuple[str, str, str]:
    """("Last", "First", "M") from "Last, First M" (Open Dental's order) or "First M Last"."""
    text = " ".join(str(name or "").split())
    if "," in text:
        last, _, rest = text.partition(",")
        given = rest.split()
    else:
        words = text.split()
        last, given = (words[-1], words[:-1]) if words else ("", [])
    first = given[0] if given else ""
    middle = given[1][:1] if len(given) > 1 else ""
    return last.strip(), first, middle


def sex_code(gender: str) -> str:
    """M, F or U from Open Dental's gender (Male, Female, Unknown, or a letter)."""
    letter = str(gender or "").strip()[:1].upper()
    return letter if letter in ("M", "F") else "U"


def _coverage(plan: InsurancePlan, claim: Claim | None, *, profile: Mapping, patient: Person, relationship: str,
              responsibility: str, paid: Decimal | None = None) -> Coverage:
    subscriber = patient
    if relationship != "18":
        last, first, middle = split_name(plan.subscriber_name)
        subscriber = Person(last_name=last, first_name=first, middle_name=middle,
                            birthdate=plan.subscriber_birthdate, sex=sex_code(plan.subscriber_gender),
                            address=patient.address)
    payer = Payer(
        payer_id=str(profile.get("payer_id") or ""),
        name=str(profile.get("name") or plan.carrier),
        address=_address(profile.get("address")),
        filing_indicator=str(profile.get("filing_indicator") or "CI"),
    )
    member_id = (_field(claim, "member_id") if claim is not None else "") or plan.subscriber_id
    group = (_field(claim, "group_number") if claim is not None else "") or plan.group_number
    return Coverage(payer=payer, subscriber=subscriber, member_id=str(member_id), group_number=str(group or ""),
                    plan_name=plan.plan, responsibility=responsibility, relationship=relationship, paid_amount=paid)


def _other_coverage(plan: InsurancePlan | None, claim: Claim, *, settings: Mapping, patient: Person) -> Coverage | None:
    if plan is None:
        return None
    paid = _field(claim, "prior_payer_paid")
    return _coverage(plan, None, profile=plan_profile(settings, plan) or {}, patient=patient,
                     relationship=RELATIONSHIP_CODES.get(plan.patient_relationship or "self", "G8"), responsibility="P",
                     paid=Decimal(str(paid)).quantize(Decimal("0.01")) if paid not in (None, "") else Decimal("0.00"))


def _rendering(case: Case, claim: Claim, settings: Mapping) -> Provider | None:
    chosen = _field(claim, "rendering_provider") or {}
    configured = rendering_provider(settings, case.apt_provider) or {}
    npi = str(chosen.get("npi") or configured.get("npi") or "")
    if not npi:
        return None
    name = str(configured.get("name") or chosen.get("name") or case.apt_provider or "")
    if not name:
        return None
    last, first, _ = split_name(_without_titles(name))
    return Provider(name=name, npi=npi, last_name=last, first_name=first, taxonomy=configured.get("taxonomy", ""))


def _physician(value) -> Provider | None:
    # 2310A/2420E identify a physician by NPI; one documented without it is not sent (a DME
    # order without one is the checks' provider-missing).
    if not isinstance(value, Mapping) or not is_valid_npi(str(value.get("npi") or "")):
        return None
    name = str(value.get("name") or "")
    last, first, _ = split_name(_without_titles(name))
    if not first:
        # One word ("Hillside Sleep Center", "Okafor"): sent as an organisation name.
        return Provider(name=name, npi=str(value.get("npi") or ""))
    return Provider(name=name, npi=str(value.get("npi") or ""), last_name=last, first_name=first)


_TITLES = re.compile(r"\b(Dr|MD|DO|DDS|DMD|PhD|NP|PA|RN)\b\.?", re.IGNORECASE)


def _without_titles(name: str) -> str:
    """"Dr. Test Reader, MD" -> "Test Reader": titles are not names on a claim."""
    return " ".join(_TITLES.sub(" ", name).replace(",", " ").split())


def _lines(case: Case, claim: Claim, *, numbers: SubmissionNumbers) -> list[ServiceLine]:
    default_day = case.apt_start.date() if case.apt_start else None
    lines = []
    for number, line in enumerate(claim.lines, start=1):
        lines.append(ServiceLine(
            number=number,
            code=line.code,
            system=line.system,
            charge=Decimal(line.charge).quantize(Decimal("0.01")) if line.charge is not None else Decimal("0.00"),
            units=int(line.units or 1),
            pointers=tuple(int(p) for p in line.pointers or ()),
            service_date=line.service_date or default_day,
            control_number=line_control_number(numbers.claim_control_number, number),
            modifiers=tuple(line.modifiers or ()),
            description=line.description or "",
            tooth=line.tooth or "",
        ))
    return lines


def line_control_number(claim_control_number: str, number: int) -> str:
    """REF*6R: the claim's number and the line's, so an 835 line finds its way back."""
    return f"{claim_control_number}L{number}"


def _accident(value) -> Accident | None:
    if not isinstance(value, Mapping) or value.get("related") not in ACCIDENT_KINDS:
        return None
    return Accident(related=value["related"], date=stored_date(value.get("date")), state=str(value.get("state") or ""))


def _address(value) -> Address | None:
    if not isinstance(value, Mapping) or not value.get("line1"):
        return None
    return Address(line1=value["line1"], line2=value.get("line2", ""), city=value.get("city", ""),
                   state=value.get("state", ""), zip=digits_only(value.get("zip", "")))


def _field(claim: Claim | None, name: str):
    return (claim.fields or {}).get(name) if claim is not None else None
