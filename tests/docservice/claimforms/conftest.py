"""Fixtures for the claim-format tests: one family of claim data shared by the 837P and the
CMS-1500 tests, then each format's own tools (writing and reading an 837P, reading a PDF).

Every person and organisation here is synthetic ("Testperson, Alpha"); NPIs have valid check
digits but belong to no one we know of; the TIN is 123456789.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

import pytest

from docservice.claimforms.submission import (
    Accident,
    Address,
    Attachment,
    ClaimSubmission,
    Coverage,
    Envelope,
    Party,
    Payer,
    Person,
    Provider,
    ServiceLine,
)

# The claim control number of `make_claim()` (CLM01, box 26); its lines are "ML0000042-L1", ...
CLAIM_NUMBER = "ML0000042"

# ------------------------------------------------------------------------------ claim data


@pytest.fixture
def billing_provider() -> Provider:
    return Provider(
        name="Testclinic Dental Group",
        npi="1245319599",
        taxonomy="1223S0112X",
        tin="123456789",
        address=Address(line1="100 Example Street", line2="Suite 4", city="Sampletown", state="OH", zip="432150001"),
        phone="6145550100",
    )


@pytest.fixture
def subscriber() -> Person:
    """The subscriber, who is also the patient unless a claim says otherwise."""
    return Person(
        last_name="Testperson",
        first_name="Alpha",
        middle_name="Quinn",
        birthdate=date(1970, 1, 2),
        sex="F",
        address=Address(line1="1 Synthetic Road", city="Sampletown", state="OH", zip="43215"),
        phone="6145550199",
    )


@pytest.fixture
def payer() -> Payer:
    return Payer(payer_id="EXMPL1", name="Example Health Plan", filing_indicator="CI",
                 address=Address(line1="PO Box 1000", city="Claimsville", state="OH", zip="43216"))


@pytest.fixture
def coverage(payer, subscriber) -> Coverage:
    """The subscriber's primary plan, covering herself. (The 837P sends the plan name only when
    there is no group number; the CMS-1500 prints it in box 11c.)"""
    return Coverage(payer=payer, subscriber=subscriber, member_id="XYZ123456789", group_number="GRP001",
                    plan_name="Example Gold PPO")


@pytest.fixture
def make_line() -> Callable[..., ServiceLine]:
    """A service line factory: line `number` of claim `claim` (an E0486 oral appliance line
    controlled as "<claim>-L<number>"), overridable field by field."""

    def make(number: int = 1, *, claim: str = CLAIM_NUMBER, **fields) -> ServiceLine:
        base = ServiceLine(
            number=number,
            code="E0486",
            system="HCPCS",
            charge=Decimal("1850.00"),
            units=1,
            pointers=(1,),
            service_date=date(2026, 3, 2),
            control_number=f"{claim}-L{number}",
        )
        return replace(base, **fields)

    return make


@pytest.fixture
def make_claim(billing_provider, subscriber, coverage, make_line) -> Callable[..., ClaimSubmission]:
    """A claim factory: an original claim numbered `number` of one E0486 line for the subscriber
    herself, with any field overridden. The default line is controlled under `number`."""

    def make(number: str = CLAIM_NUMBER, **fields) -> ClaimSubmission:
        base = ClaimSubmission(
            claim_control_number=number,
            billing_provider=billing_provider,
            coverage=coverage,
            patient=subscriber,
            place_of_service="11",
            diagnoses=("G47.33",),
            lines=(make_line(1, claim=number),),
        )
        return replace(base, **fields)

    return make


# ------------------------------------------------------------------------------ claim scenarios


@pytest.fixture
def simple_claim(make_claim, make_line) -> ClaimSubmission:
    """An oral appliance (E0486 with KX and NU) with several diagnoses."""
    return make_claim(
        "ML-SIMPLE-1",
        diagnoses=("G47.33", "E66.9", "I10", "R06.83"),
        lines=(make_line(1, claim="ML-SIMPLE-1", modifiers=("KX", "NU"), pointers=(1, 2, 3, 4)),),
        rendering_provider=Provider(name="Doctor, Testa", last_name="Doctor", first_name="Testa", npi="1234567893",
                                    taxonomy="1223S0112X"),
        ordering_provider=Provider(name="Physician, Sample", last_name="Physician", first_name="Sample",
                                   npi="1245319599"),
        onset_date=date(2025, 11, 1),
        note="AHI 22 on home sleep test 2026-01-10; order and study attached.",
    )


@pytest.fixture
def full_claim(make_claim, make_line) -> ClaimSubmission:
    """Most CMS-1500 boxes in use: modifiers, four pointers, attachments, a note, a referring
    physician, a service facility, a tooth and an unlisted code's description."""
    acn = "ML-42-9F3A0C11D2"
    return make_claim(
        diagnoses=("G47.33", "E66.9", "I10", "R06.83", "M26.601"),
        lines=(
            make_line(1, modifiers=("KX", "NU"), pointers=(1, 2, 3, 4)),
            make_line(2, code="D7899", system="CDT", charge=Decimal("85.10"), pointers=(5,), tooth="3",
                      description="Splint adjustment", service_date=date(2026, 3, 9)),
        ),
        referring_provider=Provider(name="Physician, Sample", last_name="Physician", first_name="Sample",
                                    npi="1234567893"),
        service_facility=Provider(name="Testclinic North Office", npi="1234567893",
                                  address=Address(line1="200 Example Avenue", city="Sampletown", state="OH",
                                                  zip="43215")),
        onset_date=date(2025, 11, 1),
        initial_treatment_date=date(2025, 12, 3),
        prior_authorization="PA998877",
        note="Sleep study and order attached",
        attachments=(
            Attachment(report_type="DG", control_number=acn, label="sleep study"),
            Attachment(report_type="B3", control_number=acn, label="physician order"),
        ),
    )


@pytest.fixture
def attachment_claim(make_claim) -> ClaimSubmission:
    """Three documents of one packet: sleep study, physician order, narrative, one ACN."""
    acn = "MLACN20260305A1"
    return make_claim(
        "ML-PWK-1",
        attachments=(
            Attachment(report_type="DG", control_number=acn, label="sleep study"),
            Attachment(report_type="B3", control_number=acn, label="physician order"),
            Attachment(report_type="OZ", control_number=acn, transmission="FX", label="narrative"),
        ),
        prior_authorization="PA998877",
        referral_number="RF12345",
    )


@pytest.fixture
def secondary_claim(make_claim, coverage) -> ClaimSubmission:
    """Billed to the secondary plan (no group number, plan "Example Silver") after the primary
    plan, held by Beta Testperson, paid $1200.00 of it."""
    primary = Coverage(
        payer=Payer(payer_id="PRIME1", name="Primary Example Plan", filing_indicator="BL"),
        subscriber=Person(last_name="Testperson", first_name="Beta", birthdate=date(1968, 5, 6), sex="M"),
        member_id="PRM55501",
        group_number="PGRP9",
        responsibility="P",
        relationship="01",
        paid_amount=Decimal("1200.00"),
        paid_date=date(2026, 4, 1),
    )
    secondary = replace(coverage, group_number="", plan_name="Example Silver", responsibility="S")
    return make_claim("ML-SEC-1", coverage=secondary, other_coverage=primary)


@pytest.fixture
def accident_claim(make_claim, make_line) -> ClaimSubmission:
    """Tooth fracture repair after a car accident in Ohio (onset the accident's day, first
    treated the day after)."""
    return make_claim(
        "ML-ACC-1",
        diagnoses=("S02.5XXA", "V43.52XA"),
        lines=(make_line(1, claim="ML-ACC-1", code="21210", system="CPT", charge=Decimal("940.25"), pointers=(1, 2)),),
        accident=Accident(related="auto", date=date(2026, 2, 14), state="OH"),
        onset_date=date(2026, 2, 14),
        initial_treatment_date=date(2026, 2, 15),
    )


@pytest.fixture
def dependent_claim(make_claim, coverage) -> ClaimSubmission:
    """The patient is the subscriber's child (837P 2000C; CMS-1500 box 6 "child"), on a coverage
    without group number or plan name."""
    child = Person(
        last_name="Testperson",
        first_name="Gamma",
        middle_name="Q",
        birthdate=date(2012, 7, 8),
        sex="U",
        address=Address(line1="1 Synthetic Road", line2="Unit 2", city="Sampletown", state="OH", zip="43215"),
    )
    return make_claim("ML-DEP-1", coverage=replace(coverage, group_number="", plan_name="", relationship="19"),
                      patient=child)


@pytest.fixture
def replacement_claim(make_claim) -> ClaimSubmission:
    return make_claim("ML-REP-1", frequency_code="7", payer_claim_number="PAYERCLM0001")


@pytest.fixture
def cdt_claim(make_claim, make_line) -> ClaimSubmission:
    """Two CDT-coded lines (a payer that takes D-codes), one unlisted with its description."""
    return make_claim(
        "ML-CDT-1",
        diagnoses=("M26.601", "M26.622"),
        lines=(
            make_line(1, claim="ML-CDT-1", code="D7880", system="CDT", charge=Decimal("1200"), pointers=(1, 2)),
            make_line(2, claim="ML-CDT-1", code="D7899", system="CDT", charge=Decimal("85.10"), pointers=(2,),
                      description="Unlisted TMD therapy: splint adjustment", place_of_service="22",
                      rendering=Provider(name="Doctor, Testa", last_name="Doctor", first_name="Testa",
                                         npi="1234567893")),
        ),
    )


@pytest.fixture
def nine_line_claim(make_claim, make_line) -> ClaimSubmission:
    """Nine lines of $100.00 to $108.00: two CMS-1500 pages, $936.00 in all."""
    lines = tuple(make_line(number, code=f"7035{number % 10}", system="CPT", charge=Decimal(99 + number))
                  for number in range(1, 10))
    return make_claim(lines=lines)


@pytest.fixture
def batch(simple_claim, attachment_claim, dependent_claim, make_claim, billing_provider):
    """Four claims: three from the practice's billing provider, one from a second billing entity."""
    other_billing = replace(billing_provider, name="Second Example Practice", npi="1234567893", tin="123456789")
    return [simple_claim, attachment_claim, make_claim("ML-OTHER-1", billing_provider=other_billing),
            dependent_claim]


# ------------------------------------------------------------------------------ 837P tools


@pytest.fixture
def envelope() -> Envelope:
    return Envelope(
        submitter=Party(
            name="Testclinic Dental",
            id="SUBMIT01",
            contact_name="Billing Desk",
            contact_phone="6145550100",
            contact_email="billing@example.test",
        ),
        receiver=Party(name="Example Clearinghouse", id="RECEIVER01"),
        interchange_control_number=42,
        group_control_number=7,
        created_at=datetime(2026, 3, 5, 14, 30),
        usage="T",
    )


@pytest.fixture
def write_x12(envelope) -> Callable[..., str]:
    """Write claims (a claim or a list) as an 837P with the standard test envelope."""
    from docservice.claimforms.x837p import write_837p

    def write(claims) -> str:
        return write_837p(claims if isinstance(claims, list) else [claims], envelope=envelope)

    return write


@pytest.fixture
def read_segments() -> Callable[[str], list[str]]:
    """The segments of an interchange as pyx12's reader sees them ("NM1*85*2*..."), terminators
    removed: an independent reading of what the writer produced."""
    import io

    import pyx12.x12file

    def read(text: str) -> list[str]:
        reader = pyx12.x12file.X12Reader(io.StringIO(text))
        return [segment.format(seg_term="") for segment in reader]

    return read


# ------------------------------------------------------------------------------ CMS-1500 tools


@pytest.fixture
def pdf_file(tmp_path) -> Callable:
    """Write PDF bytes to a fresh file for the command-line tools."""
    counter = iter(range(1_000_000))

    def write(pdf: bytes):
        path = tmp_path / f"cms1500-{next(counter)}.pdf"
        path.write_bytes(pdf)
        return path

    return write


@pytest.fixture
def pdf_pages_text(pdf_file) -> Callable[..., list[str]]:
    """The text of each page as poppler's pdftotext reads it (-layout keeps the grid's columns)."""
    import subprocess

    def read(pdf: bytes) -> list[str]:
        path = pdf_file(pdf)
        out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True)
        return out.stdout.split("\f")[:-1]

    return read


@pytest.fixture
def pdf_words(pdf_file) -> Callable[..., list[dict]]:
    """Every word with its page and box in points from the page's top-left, from `pdftotext -bbox`."""
    import subprocess
    import xml.etree.ElementTree as ET

    def read(pdf: bytes) -> list[dict]:
        path = pdf_file(pdf)
        out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True)
        root = ET.fromstring(out.stdout.replace('xmlns="http://www.w3.org/1999/xhtml"', ""))
        words = []
        for page_number, page in enumerate(root.iter("page"), start=1):
            for word in page.iter("word"):
                words.append({"page": page_number, "text": word.text or "",
                              **{key: float(word.get(key)) for key in ("xMin", "yMin", "xMax", "yMax")}})
        return words

    return read


@pytest.fixture
def pdf_cells(pdf_words) -> Callable[..., dict]:
    """{(page, line, column): word} read back from the PDF's word boxes on the 10 cpi / 6 lpi grid
    (column c starts at (c - 1) * 7.2 pt, line l is the band (l - 1) * 12 .. l * 12 pt)."""
    import math

    def read(pdf: bytes) -> dict:
        return {(word["page"], math.floor((word["yMin"] + word["yMax"]) / 2 / 12) + 1,
                 round(word["xMin"] / 7.2) + 1): word["text"] for word in pdf_words(pdf)}

    return read


@pytest.fixture
def form_layout():
    """The CMS-1500 layout the renderer reads, so tests name boxes instead of repeating coordinates."""
    from docservice.claimforms.cms1500.layout import load_layout

    return load_layout()
