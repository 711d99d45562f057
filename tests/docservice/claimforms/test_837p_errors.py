"""Impossible input is refused with one `ClaimFormatError` sentence that names the field and
carries no patient data."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from docservice.claimforms.submission import Accident, Attachment, Provider
from docservice.claimforms.x837p import ClaimFormatError, write_837p
from docservice.errors import DocServiceError

PATIENT_DATA = ("TESTPERSON", "Testperson", "Alpha", "ALPHA", "Quinn", "QUINN", "XYZ123456789", "1970", "Synthetic",
                "5550199")


@pytest.fixture
def refusal(make_claim, envelope):
    """Write one claim built with `fields`; return the refusal's message (the test fails if the
    writer accepts it)."""

    def refuse(**fields) -> str:
        with pytest.raises(ClaimFormatError) as caught:
            write_837p([make_claim(**fields)], envelope=envelope)
        return str(caught.value)

    return refuse


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda f: {"lines": ()}, "lines is empty"),
        (lambda f: {"lines": tuple(f(n) for n in range(1, 52))}, "lines has 51 service lines; an 837P claim carries 50 at most"),
        (lambda f: {"diagnoses": tuple(f"M26.6{n:02d}" for n in range(13))}, "diagnoses has 13 codes"),
        (lambda f: {"diagnoses": ()}, "diagnoses is empty"),
        (lambda f: {"lines": (f(1, pointers=(2,)),)},
         "line 1 points at diagnosis 2, but the claim lists 1 diagnoses"),
        (lambda f: {"diagnoses": ("G47.33", "E66.9", "I10", "R06.83", "R53.83"),
                    "lines": (f(1, pointers=(1, 2, 3, 4, 5)),)}, "line 1 has 5 diagnosis pointers"),
        (lambda f: {"lines": (f(1, modifiers=("KX", "NU", "RT", "59", "GA")),)}, "line 1 has 5 modifiers"),
        (lambda f: {"attachments": tuple(Attachment(report_type="OZ", control_number="ACN01") for _ in range(11))},
         "attachments has 11 entries"),
        (lambda f: {"attachments": (Attachment(report_type="P6", control_number="ACN01"),)},
         "attachment 1 report_type is not a PWK01 code valid on an 837P"),
        (lambda f: {"lines": (f(1, control_number=""),)}, "line 1 control_number is empty"),
        (lambda f: {"lines": (f(2),)}, "line 1 is numbered 2"),
        (lambda f: {"frequency_code": "7"}, "needs payer_claim_number (REF*F8)"),
        (lambda f: {"accident": Accident(related="auto", date=date(2026, 2, 1))}, "needs accident.state"),
        (lambda f: {"accident": Accident(related="fall")}, "accident.related must be one of"),
        (lambda f: {"referring_provider": Provider(name="Example Referral Clinic", npi="1234567893")},
         "referring_provider must be a person"),
        (lambda f: {"rendering_provider": Provider(name="Doctor, Testa", last_name="Doctor", first_name="Testa")},
         "rendering_provider.npi is empty"),
        (lambda f: {"rendering_provider": Provider(name="Doctor, Testa", last_name="Doctor", first_name="Testa",
                                                   npi="1234567890")}, "rendering_provider.npi is not a valid NPI"),
        (lambda f: {"lines": (f(1, charge=Decimal("-5")),)}, "line 1 charge is negative"),
        (lambda f: {"place_of_service": "O1"}, "place_of_service must be a two-digit"),
    ],
)
def test_impossible_claims_are_refused(refusal, make_line, build, expected):
    message = refusal(**build(make_line))
    assert message.startswith("Claim ML0000042: ")
    assert expected in message
    assert "\n" not in message
    assert not any(value in message for value in PATIENT_DATA)


def test_empty_member_id_is_refused(refusal, coverage):
    coverage = replace(coverage, member_id="")
    assert refusal(coverage=coverage) == "Claim ML0000042: coverage.member_id is empty."


def test_member_id_with_a_delimiter_is_refused_not_altered(refusal, coverage):
    coverage = replace(coverage, member_id="XYZ*123")
    message = refusal(coverage=coverage)
    assert "coverage.member_id must be 2 to 80 characters X12 can carry" in message
    assert "XYZ" not in message


def test_billing_provider_needs_zip_plus_four(refusal, billing_provider):
    provider = replace(billing_provider, address=replace(billing_provider.address, zip="43215"))
    assert "billing_provider.address.zip needs all 9 digits" in refusal(billing_provider=provider)


def test_dependent_without_birth_date_is_refused(refusal, dependent_claim):
    patient = replace(dependent_claim.patient, birthdate=None)
    message = refusal(coverage=dependent_claim.coverage, patient=patient)
    assert message == "Claim ML0000042: patient.birthdate is missing; the patient's birth date is required (DMG)."


def test_duplicate_claim_numbers_in_a_batch_are_refused(make_claim, make_line, envelope):
    first = make_claim("ML-DUP")
    second = make_claim("ML-DUP", lines=(make_line(1, claim="ML-DUP-B"),))
    with pytest.raises(ClaimFormatError, match="repeats a claim_control_number"):
        write_837p([first, second], envelope=envelope)


def test_duplicate_line_control_numbers_in_a_batch_are_refused(make_claim, make_line, envelope):
    first = make_claim("ML-A", lines=(make_line(1, claim="SAME"),))
    second = make_claim("ML-B", lines=(make_line(1, claim="SAME"),))
    with pytest.raises(ClaimFormatError, match="repeats a line control_number"):
        write_837p([first, second], envelope=envelope)


def test_empty_batch_is_refused(envelope):
    with pytest.raises(ClaimFormatError, match="at least one claim"):
        write_837p([], envelope=envelope)


def test_submitter_without_contact_is_refused(make_claim, envelope):
    submitter = replace(envelope.submitter, contact_phone="", contact_email="")
    with pytest.raises(ClaimFormatError, match="submitter needs a contact phone or e-mail"):
        write_837p([make_claim()], envelope=replace(envelope, submitter=submitter))


def test_interchange_number_beyond_nine_digits_is_refused(make_claim, envelope):
    with pytest.raises(ClaimFormatError, match="interchange_control_number must be between 1 and 999999999"):
        write_837p([make_claim()], envelope=replace(envelope, interchange_control_number=1_000_000_000))


def test_claim_format_error_is_a_service_error():
    # The CLI and API report DocServiceError as one line; the writer's refusals must be among them.
    assert issubclass(ClaimFormatError, DocServiceError)
