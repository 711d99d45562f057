"""What a payer is sent for one claim: the case's claim with the practice's settings around it.

`ClaimSubmission` is the one input of every claim format and of the packet's cover sheet: the
837P writer, the CMS-1500 renderer and the cover sheet each read it and nothing else, so the
three cannot disagree about a code, a pointer or the attachment control number. It is built by
`docservice.claimforms.build.build_submission` from the settings, the case, its claim and the
export's numbers; every value is final (no "maybe" left for a writer to decide).

Conventions: strings are already trimmed; absent optional values are "" or None; money is
`Decimal` with two places; ICD-10-CM codes keep their decimal point here (each format strips
it); dates are `datetime.date`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True)
class Address:
    line1: str
    city: str
    state: str  # two letters
    zip: str  # 5 or 9 digits, no dash
    line2: str = ""


@dataclass(frozen=True)
class Provider:
    """A billing, pay-to, rendering, referring or ordering provider.

    `last_name` set and `first_name` set: a person (NM102 = 1); otherwise an organisation named
    `name` (NM102 = 2).
    """

    name: str  # organisation name, or "Last, First" for a person
    npi: str = ""
    last_name: str = ""
    first_name: str = ""
    taxonomy: str = ""  # 10 characters, e.g. 1223S0112X
    tin: str = ""  # 9 digits (EIN or SSN), no dash
    address: Address | None = None
    phone: str = ""  # 10 digits

    @property
    def is_person(self) -> bool:
        return bool(self.last_name)


@dataclass(frozen=True)
class Person:
    """The subscriber or the patient."""

    last_name: str
    first_name: str
    middle_name: str = ""
    birthdate: date | None = None
    sex: str = "U"  # M, F or U
    address: Address | None = None
    phone: str = ""


@dataclass(frozen=True)
class Payer:
    payer_id: str  # the clearinghouse's payer id (NM109 with PI)
    name: str
    address: Address | None = None
    # 837P SBR09 claim filing indicator: CI commercial, MB Medicare B, MC Medicaid, BL BCBS, HM HMO, 16 MA...
    filing_indicator: str = "CI"


@dataclass(frozen=True)
class Coverage:
    """One plan covering the patient: who holds it, with which payer, in which order."""

    payer: Payer
    subscriber: Person
    member_id: str
    group_number: str = ""
    plan_name: str = ""
    responsibility: str = "P"  # SBR01: P primary, S secondary, T tertiary
    # Patient's relationship to the subscriber, X12 individual relationship code:
    # 18 self, 01 spouse, 19 child, 20 employee, 21 unknown, 39 organ donor, 53 life partner, G8 other.
    relationship: str = "18"
    # What this payer already paid on the claim (only for an other-payer coverage on a secondary claim).
    paid_amount: Decimal | None = None
    paid_date: date | None = None


@dataclass(frozen=True)
class Attachment:
    """One kind of supporting document sent with the claim (837P PWK, CMS-1500 box 19)."""

    report_type: str  # PWK01, e.g. DG sleep study, B3 physician order, P4 pathology, OZ narrative
    control_number: str  # PWK06, the attachment control number (ACN), same for every part of one packet
    transmission: str = "EL"  # PWK02: EL electronically only (portal or 275)
    label: str = ""  # what it is, for a person (cover sheet, box 19)


@dataclass(frozen=True)
class Accident:
    related: str  # "auto", "employment" or "other" (CLM11 AA / EM / OA; box 10a-c)
    date: date | None = None
    state: str = ""  # two letters; required for auto


@dataclass(frozen=True)
class ServiceLine:
    """One service line (837P loop 2400, CMS-1500 box 24)."""

    number: int  # 1-based, LX01
    code: str  # CPT, HCPCS or CDT
    system: str  # CPT | HCPCS | CDT (SV101-1 qualifier HC for CPT/HCPCS, AD for CDT)
    charge: Decimal
    units: int
    pointers: tuple[int, ...]  # 1-based positions in ClaimSubmission.diagnoses, 1 to 4 of them
    service_date: date
    control_number: str  # REF*6R, unique per line across submissions, for matching an 835 back
    modifiers: tuple[str, ...] = ()
    place_of_service: str = ""  # only when it differs from the claim's
    description: str = ""  # unlisted codes (SV101-7, box 24 shaded area)
    tooth: str = ""
    rendering: Provider | None = None  # only when it differs from the claim's rendering provider


@dataclass(frozen=True)
class ClaimSubmission:
    """One claim as the payer will receive it."""

    claim_control_number: str  # CLM01 / box 26: MedLane's number the 835 echoes back (CLP01)
    billing_provider: Provider  # 2010AA / box 33; has npi, tin, taxonomy, address, phone
    coverage: Coverage  # the payer billed (2000B / 2010BA / 2010BB; boxes 1a, 4, 7, 11)
    patient: Person  # same person as coverage.subscriber when relationship is 18
    place_of_service: str  # CLM05-1 / box 24B, e.g. "11"
    diagnoses: tuple[str, ...]  # principal first, 1 to 12 (HI ABK then ABF; box 21 A-L)
    lines: tuple[ServiceLine, ...]
    frequency_code: str = "1"  # CLM05-3: 1 original, 7 replacement, 8 void (box 22)
    payer_claim_number: str = ""  # REF*F8 / box 22 original ref. no., for frequency 7 or 8
    rendering_provider: Provider | None = None  # 2310B / box 24J; None when it is the billing provider
    pay_to: Address | None = None  # 2010AB; None when it is the billing provider's address
    # 2310C / box 32 (name, address, NPI): where the services were rendered; None when unknown.
    service_facility: Provider | None = None
    referring_provider: Provider | None = None  # 2310A NM1*DN / box 17 DN
    ordering_provider: Provider | None = None  # 2420E NM1*DK on DME lines / box 17 DK
    other_coverage: Coverage | None = None  # loop 2320/2330 on a secondary claim; box 9, 11d
    onset_date: date | None = None  # DTP*431 / box 14 qualifier 431
    initial_treatment_date: date | None = None  # DTP*454 / box 15 qualifier 454
    accident: Accident | None = None  # CLM11, DTP*439 / boxes 10a-c, 14 (qualifier 431), 15 (439)
    prior_authorization: str = ""  # REF*G1 / box 23
    referral_number: str = ""  # REF*9F
    note: str = ""  # NTE*ADD, 80 characters at most / box 19
    attachments: tuple[Attachment, ...] = ()  # PWK, 10 at most
    # Signatures and assignment (CLM06-09 / boxes 12, 13, 27, 31): offices keep them on file.
    provider_signature_on_file: bool = True
    accept_assignment: bool = True
    benefits_assigned: bool = True
    release_of_information: str = "Y"  # Y, or I (informed consent only)
    patient_signature_on_file: bool = True

    @property
    def total_charge(self) -> Decimal:
        return sum((line.charge for line in self.lines), Decimal("0.00"))

    @property
    def first_service_date(self) -> date:
        return min(line.service_date for line in self.lines)

    @property
    def last_service_date(self) -> date:
        return max(line.service_date for line in self.lines)

    @property
    def attachment_control_number(self) -> str:
        """The packet's ACN (every attachment of one claim shares it); "" without attachments."""
        return self.attachments[0].control_number if self.attachments else ""


@dataclass(frozen=True)
class Party:
    """The submitter (1000A) or receiver (1000B) of an interchange."""

    name: str
    id: str  # ETIN / clearinghouse id; also ISA06/ISA08 and GS02/GS03
    contact_name: str = ""
    contact_phone: str = ""  # 10 digits
    contact_email: str = ""


@dataclass(frozen=True)
class Envelope:
    """The numbers and parties of one 837P interchange (ISA/GS/ST). Control numbers never repeat."""

    submitter: Party
    receiver: Party
    interchange_control_number: int  # ISA13, 1..999999999
    group_control_number: int  # GS06
    created_at: datetime  # ISA09/10, GS04/05, BHT04/05
    usage: str = "P"  # ISA15: P production, T test
    batch_reference: str = ""  # BHT03; defaults to the interchange control number

