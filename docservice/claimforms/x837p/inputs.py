"""Refusing input the 837P cannot carry, before a single segment is written.

The writer's loop modules may then trust their input: every limit, required identifier and code
here is one the 5010 guide (or pyx12's map of it) makes a hard rule, so a claim that passes would
not be rejected for its shape. Each failure is one `ClaimFormatError` sentence naming the claim
by MedLane's claim number and the field by its name in `submission.py`, never a patient's data.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from typing import NoReturn

from crosswalks import icd10
from crosswalks.billing import PWK_837P
from crosswalks.npi import is_valid_npi
from docservice.claimforms.submission import (
    Accident,
    Address,
    Attachment,
    ClaimSubmission,
    Coverage,
    Envelope,
    Party,
    Person,
    Provider,
    ServiceLine,
)
from docservice.claimforms.x837p.codes import X12Codes
from docservice.claimforms.x837p.errors import ClaimFormatError
from docservice.claimforms.x837p.segments import clean_text, is_carried
from docservice.claims.vocabulary import load_vocabulary

_DIGITS = re.compile(r"^\d+$")
_STATE = re.compile(r"^[A-Z]{2}$")
_MODIFIER = re.compile(r"^[0-9A-Z]{2}$")
_PLACE_OF_SERVICE = re.compile(r"^\d{2}$")
_PROCEDURE_CODE = re.compile(r"^[0-9A-Z]{5}$")
_TAXONOMY = re.compile(r"^[0-9A-Z]{9}X$")
_PO_BOX = re.compile(r"^\s*P\.?\s*O\.?\s*BOX\b", re.IGNORECASE)
_ICD10_BARE = re.compile(r"^[A-Z][0-9][0-9A-Z]{1,5}$")  # shape only; validity is the claim checks' job
_MAX_CONTROL_NUMBER = 999_999_999  # ISA13 / GS06 are at most nine digits


def check_envelope(envelope: Envelope, *, codes: X12Codes) -> None:
    """Raise `ClaimFormatError` when the interchange's parties or numbers cannot be written."""
    for role, party in (("submitter", envelope.submitter), ("receiver", envelope.receiver)):
        _check_party(party, role=role, codes=codes)
    if not (envelope.submitter.contact_phone or envelope.submitter.contact_email):
        _fail("The envelope's submitter needs a contact phone or e-mail (1000A PER).")
    for field in ("interchange_control_number", "group_control_number"):
        number = getattr(envelope, field)
        if not 1 <= number <= _MAX_CONTROL_NUMBER:
            _fail(f"The envelope's {field} must be between 1 and {_MAX_CONTROL_NUMBER}.")
    if envelope.usage not in codes.usage_codes:
        _fail(f"The envelope's usage must be one of {_listed(codes.usage_codes)} (production or test).")
    if envelope.batch_reference and not _is_id(envelope.batch_reference, 1, 50):
        _fail("The envelope's batch_reference must be 1 to 50 characters X12 can carry.")


def check_claims(claims: Sequence[ClaimSubmission], *, codes: X12Codes) -> None:
    """Raise `ClaimFormatError` for the first claim the 837P cannot carry, or for numbers two
    claims of the interchange share (claim and line control numbers match the 835 back)."""
    if not claims:
        _fail("An 837P interchange needs at least one claim.")
    for claim in claims:
        _ClaimCheck(claim, codes).run()
    _check_unique((claim.claim_control_number for claim in claims), what="claim_control_number")
    _check_unique(
        (line.control_number for claim in claims for line in claim.lines), what="line control_number"
    )


class _ClaimCheck:
    """The checks of one claim; `fail` prefixes MedLane's claim number to every message."""

    def __init__(self, claim: ClaimSubmission, codes: X12Codes) -> None:
        self.claim = claim
        self.codes = codes
        number = claim.claim_control_number
        self.name = f"Claim {number}" if number and is_carried(number) else "A claim"

    def fail(self, sentence: str) -> NoReturn:
        _fail(f"{self.name}: {sentence}")

    def run(self) -> None:
        self.check_identity()
        self.check_billing_provider(self.claim.billing_provider)
        self.check_coverage(self.claim.coverage, field="coverage")
        self.check_patient()
        self.check_diagnoses()
        self.check_lines()
        self.check_providers()
        self.check_other_coverage()
        self.check_accident(self.claim.accident)
        self.check_attachments(self.claim.attachments)
        self.check_references()

    # ---------------------------------------------------------------------------- claim level

    def check_identity(self) -> None:
        self.require_id(self.claim.claim_control_number, "claim_control_number", kind="claim_control_number")
        if not _PLACE_OF_SERVICE.match(self.claim.place_of_service):
            self.fail("place_of_service must be a two-digit place of service code.")
        if self.claim.frequency_code not in self.codes.frequency_codes:
            self.fail(f"frequency_code must be one of {_listed(self.codes.frequency_codes)}.")
        if self.claim.release_of_information not in self.codes.release_codes:
            self.fail(f"release_of_information must be one of {_listed(self.codes.release_codes)}.")

    def check_references(self) -> None:
        for field in ("prior_authorization", "referral_number", "payer_claim_number"):
            value = getattr(self.claim, field)
            if value:
                self.require_id(value, field, kind="reference")
        if self.claim.frequency_code in self.codes.frequency_codes_needing_payer_claim_number:
            if not self.claim.payer_claim_number:
                self.fail("a replacement or void claim needs payer_claim_number (REF*F8).")

    def check_diagnoses(self) -> None:
        diagnoses = self.claim.diagnoses
        limit = self.codes.limits["diagnoses"]
        if not diagnoses:
            self.fail("diagnoses is empty; an 837P needs at least the principal diagnosis (HI).")
        if len(diagnoses) > limit:
            self.fail(f"diagnoses has {len(diagnoses)} codes; an 837P carries {limit} at most.")
        bare = [icd10.bare(code) for code in diagnoses]
        for position, code in enumerate(bare, 1):
            if not _ICD10_BARE.match(code):
                self.fail(f"diagnosis {position} is not shaped like an ICD-10-CM code.")
        first_seen: dict[str, int] = {}
        for position, code in enumerate(bare, 1):
            if code in first_seen:
                self.fail(f"diagnoses {first_seen[code]} and {position} are the same code.")
            first_seen[code] = position

    def check_lines(self) -> None:
        lines = self.claim.lines
        limit = self.codes.limits["lines"]
        if not lines:
            self.fail("lines is empty; an 837P claim needs at least one service line.")
        if len(lines) > limit:
            self.fail(f"lines has {len(lines)} service lines; an 837P claim carries {limit} at most.")
        for expected, line in enumerate(lines, 1):
            if line.number != expected:
                self.fail(f"line {expected} is numbered {line.number}; lines are numbered 1, 2, 3... in order (LX01).")
            self.check_line(line)

    def check_line(self, line: ServiceLine) -> None:
        where = f"line {line.number}"
        if line.system not in self.codes.procedure_qualifiers:
            systems = _listed(self.codes.procedure_qualifiers)
            self.fail(f"{where} has system {line.system!r}; expected one of {systems}.")
        if not _PROCEDURE_CODE.match(line.code):
            self.fail(f"{where} code must be a five-character CPT, HCPCS or CDT code.")
        modifiers_max = self.codes.limits["modifiers"]
        if len(line.modifiers) > modifiers_max:
            self.fail(f"{where} has {len(line.modifiers)} modifiers; an 837P line carries {modifiers_max} at most.")
        if not all(_MODIFIER.match(modifier) for modifier in line.modifiers):
            self.fail(f"{where} has a modifier that is not two letters or digits.")
        self.check_pointers(line, where=where)
        if line.charge < Decimal("0"):
            self.fail(f"{where} charge is negative.")
        if line.units < 1:
            self.fail(f"{where} units must be at least 1.")
        if line.place_of_service and not _PLACE_OF_SERVICE.match(line.place_of_service):
            self.fail(f"{where} place_of_service must be a two-digit place of service code.")
        self.require_id(line.control_number, f"{where} control_number", kind="line_control_number")
        if line.rendering is not None:
            self.check_provider(line.rendering, field=f"{where} rendering")

    def check_pointers(self, line: ServiceLine, *, where: str) -> None:
        pointers_max = self.codes.limits["pointers"]
        if not line.pointers:
            self.fail(f"{where} has no diagnosis pointer (SV107).")
        if len(line.pointers) > pointers_max:
            self.fail(
                f"{where} has {len(line.pointers)} diagnosis pointers; an 837P line carries {pointers_max} at most."
            )
        for pointer in line.pointers:
            if not 1 <= pointer <= len(self.claim.diagnoses):
                self.fail(
                    f"{where} points at diagnosis {pointer}, but the claim lists {len(self.claim.diagnoses)} diagnoses."
                )
        if len(set(line.pointers)) != len(line.pointers):
            self.fail(f"{where} lists the same diagnosis pointer twice.")

    def check_accident(self, accident: Accident | None) -> None:
        if accident is None:
            return
        if accident.related not in self.codes.related_causes:
            self.fail(f"accident.related must be one of {_listed(self.codes.related_causes)}.")
        if accident.related in self.codes.related_causes_needing_state:
            if accident.state not in load_vocabulary().states:
                self.fail("an auto accident needs accident.state, the two-letter state where it happened (CLM11-4).")
        elif accident.state and not _STATE.match(accident.state):
            self.fail("accident.state must be a two-letter state code.")

    def check_attachments(self, attachments: Sequence[Attachment]) -> None:
        limit = self.codes.limits["attachments"]
        if len(attachments) > limit:
            self.fail(f"attachments has {len(attachments)} entries; an 837P claim carries {limit} PWK at most.")
        for position, attachment in enumerate(attachments, 1):
            where = f"attachment {position}"
            if attachment.report_type not in PWK_837P:
                self.fail(f"{where} report_type is not a PWK01 code valid on an 837P.")
            if attachment.transmission not in self.codes.pwk_transmission_codes:
                self.fail(f"{where} transmission must be one of {_listed(self.codes.pwk_transmission_codes)}.")
            self.require_id(attachment.control_number, f"{where} control_number", kind="attachment_control_number")

    # ---------------------------------------------------------------------------- people

    def check_billing_provider(self, provider: Provider) -> None:
        self.check_provider(provider, field="billing_provider")
        if not _DIGITS.match(provider.tin) or len(provider.tin) != 9:
            self.fail("billing_provider.tin must be the 9-digit EIN or SSN (REF*EI).")
        if provider.address is None:
            self.fail("billing_provider.address is missing; loop 2010AA requires it.")
        self.check_address(provider.address, field="billing_provider.address")
        if len(provider.address.zip) != 9:
            self.fail("billing_provider.address.zip needs all 9 digits (ZIP+4) in loop 2010AA.")
        if _PO_BOX.match(provider.address.line1):
            self.fail("billing_provider.address must be a street address; a PO box goes in pay_to.")
        if provider.phone and not _is_phone(provider.phone):
            self.fail("billing_provider.phone must be 10 digits.")
        if self.claim.pay_to is not None:
            self.check_address(self.claim.pay_to, field="pay_to")

    def check_providers(self) -> None:
        claim = self.claim
        if claim.rendering_provider is not None:
            self.check_provider(claim.rendering_provider, field="rendering_provider")
        for field in ("referring_provider", "ordering_provider"):
            provider = getattr(claim, field)
            if provider is None:
                continue
            self.check_provider(provider, field=field)
            if not provider.is_person:
                self.fail(f"{field} must be a person (last_name and first_name); X12 allows no organisation here.")

    def check_provider(self, provider: Provider, *, field: str) -> None:
        if not _has_text(provider.last_name if provider.is_person else provider.name):
            self.fail(f"{field} has no name X12 can carry.")
        if not provider.npi:
            self.fail(f"{field}.npi is empty.")
        if not is_valid_npi(provider.npi):
            self.fail(f"{field}.npi is not a valid NPI (10 digits with a correct check digit).")
        if provider.taxonomy and not _TAXONOMY.match(provider.taxonomy):
            self.fail(f"{field}.taxonomy must be a 10-character taxonomy code ending in X.")

    def check_coverage(self, coverage: Coverage, *, field: str) -> None:
        self.require_id(coverage.member_id, f"{field}.member_id", kind="member_id")
        self.require_id(coverage.payer.payer_id, f"{field}.payer.payer_id", kind="payer_id")
        if not _has_text(coverage.payer.name):
            self.fail(f"{field}.payer.name has no characters X12 can carry.")
        if coverage.group_number:
            self.require_id(coverage.group_number, f"{field}.group_number", kind="group_number")
        if coverage.responsibility not in self.codes.responsibility_codes:
            self.fail(f"{field}.responsibility must be an SBR01 code such as P, S or T.")
        if coverage.payer.filing_indicator not in self.codes.filing_indicators:
            self.fail(f"{field}.payer.filing_indicator is not an SBR09 claim filing indicator code.")
        relationships = self.codes.dependent_relationship_codes | {self.codes.self_relationship_code}
        if coverage.relationship not in relationships:
            self.fail(f"{field}.relationship is not an X12 individual relationship code.")
        self.check_person(coverage.subscriber, field=f"{field}.subscriber")
        if coverage.payer.address is not None:
            self.check_address(coverage.payer.address, field=f"{field}.payer.address")
        if coverage.paid_amount is not None and coverage.paid_amount < Decimal("0"):
            self.fail(f"{field}.paid_amount is negative.")

    def check_patient(self) -> None:
        """The guide requires address and birth date of the patient, in 2010BA when the patient is
        the subscriber and in 2010CA otherwise."""
        coverage = self.claim.coverage
        is_subscriber = coverage.relationship == self.codes.self_relationship_code
        if is_subscriber:
            person, field = coverage.subscriber, "coverage.subscriber"
        else:
            person, field = self.claim.patient, "patient"
            self.check_person(person, field=field)
        if person.address is None:
            self.fail(f"{field}.address is missing; the patient's address is required.")
        if person.birthdate is None:
            self.fail(f"{field}.birthdate is missing; the patient's birth date is required (DMG).")

    def check_person(self, person: Person, *, field: str) -> None:
        if not _has_text(person.last_name):
            self.fail(f"{field}.last_name has no characters X12 can carry.")
        if person.sex not in self.codes.sex_codes:
            self.fail(f"{field}.sex must be one of {_listed(self.codes.sex_codes)}.")
        if person.address is not None:
            self.check_address(person.address, field=f"{field}.address")

    def check_other_coverage(self) -> None:
        other = self.claim.other_coverage
        if other is None:
            return
        self.check_coverage(other, field="other_coverage")
        if other.responsibility == self.claim.coverage.responsibility:
            self.fail("other_coverage.responsibility must differ from coverage.responsibility.")

    def check_address(self, address: Address, *, field: str) -> None:
        if not _has_text(address.line1) or not _has_text(address.city):
            self.fail(f"{field} needs a street line and a city.")
        if not _STATE.match(address.state):
            self.fail(f"{field}.state must be a two-letter state code.")
        if not _DIGITS.match(address.zip) or len(address.zip) not in (5, 9):
            self.fail(f"{field}.zip must be 5 or 9 digits.")

    # ---------------------------------------------------------------------------- identifiers

    def require_id(self, value: str, field: str, *, kind: str) -> None:
        shortest, longest = self.codes.id_lengths[kind]
        if not value:
            self.fail(f"{field} is empty.")
        if not _is_id(value, shortest, longest):
            self.fail(f"{field} must be {shortest} to {longest} characters X12 can carry, without delimiters.")


def _check_party(party: Party, *, role: str, codes: X12Codes) -> None:
    shortest, longest = codes.id_lengths["party_id"]
    if not _has_text(party.name):
        _fail(f"The envelope's {role} has no name X12 can carry.")
    if not party.id:
        _fail(f"The envelope's {role}.id is empty.")
    if not _is_id(party.id, shortest, longest):
        _fail(f"The envelope's {role}.id must be {shortest} to {longest} characters X12 can carry.")
    if party.contact_phone and not _is_phone(party.contact_phone):
        _fail(f"The envelope's {role}.contact_phone must be 10 digits.")


def _check_unique(values, *, what: str) -> None:
    repeated = [value for value, count in Counter(values).items() if count > 1]
    if repeated:
        _fail(f"The interchange repeats a {what} ({len(repeated)} repeated); each must be unique.")


def _is_id(value: str, shortest: int, longest: int) -> bool:
    return shortest <= len(value) <= longest and value == value.strip() and is_carried(value)


def _has_text(value: str) -> bool:
    """True when something of `value` survives the cleaning every free-text element gets."""
    return bool(clean_text(value, max_length=80))


def _is_phone(value: str) -> bool:
    return bool(_DIGITS.match(value)) and len(value) == 10


def _listed(values) -> str:
    return ", ".join(sorted(values))


def _fail(sentence: str) -> NoReturn:
    raise ClaimFormatError(sentence)
