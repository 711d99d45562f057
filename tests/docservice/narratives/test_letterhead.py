"""The narrative PDF: the practice letterhead on page 1, a signature block never split, reproducible bytes."""
from __future__ import annotations

import io
from datetime import datetime, timezone

import pytest
from pypdf import PdfReader

from docservice.claimforms.submission import Address, Provider
from docservice.models import Narrative
from docservice.narratives.pdf import Letterhead, render_pdf

LETTERHEAD = Letterhead(name="Test Dental Practice", address="12 Test Street, Testville, TX 75001",
                        phone="(555) 010-0199", npi="1245319599")
SIGNED_AT = datetime(2026, 3, 3, 14, 5)


def signed(body: str) -> Narrative:
    return Narrative(body=body, status="signed", placeholders=[], signed_name="Testdentist, Beta, DDS",
                     signed_at=SIGNED_AT, body_sha256="ab" * 32)


@pytest.fixture
def page_texts():
    """The text of each page of a PDF, as pypdf extracts it."""
    return lambda data: [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_the_letterhead_heads_page_one_only(page_texts):
    body = "\n".join(f"Finding line {n} of a long letter with measured values." for n in range(120))
    pages = page_texts(render_pdf(signed(body), letterhead=LETTERHEAD))
    assert len(pages) > 1
    first = " ".join(pages[0].split())
    for value in ("Test Dental Practice", "12 Test Street, Testville, TX 75001", "Phone (555) 010-0199",
                  "NPI 1245319599"):
        assert value in first
    assert first.index("Test Dental Practice") < first.index("Finding line 0")
    assert all("Test Dental Practice" not in page for page in pages[1:])


def test_without_a_letterhead_none_is_printed(page_texts):
    pages = page_texts(render_pdf(signed("We request coverage of E0486.\n")))
    assert "Test Dental Practice" not in pages[0] and "NPI" not in pages[0]


def test_a_letterhead_is_made_from_the_billing_provider():
    provider = Provider(name="Test Dental Practice", npi="1245319599", phone="5550100199",
                        address=Address("12 Test Street", "Testville", "TX", "750011234", line2="Suite 4"))
    letterhead = Letterhead.from_provider(provider)
    assert letterhead == Letterhead(name="Test Dental Practice",
                                    address="12 Test Street, Suite 4, Testville, TX 75001-1234",
                                    phone="(555) 010-0199", npi="1245319599")


def test_the_signature_block_is_never_split_across_pages(page_texts):
    """Bodies growing by half a line: somewhere the block meets the page break; it must move whole."""
    moved_whole = False
    for half_lines in range(96, 160):
        body = "\n".join(f"Finding line {n} of a long letter with measured values." for n in range(half_lines // 2))
        body += "\n\nLast line of the body." if half_lines % 2 else "\nLast line of the body."
        pages = page_texts(render_pdf(signed(body), letterhead=LETTERHEAD))
        signer = [index for index, text in enumerate(pages) if "Signed electronically by" in text]
        digest = [index for index, text in enumerate(pages) if "SHA-256 of the signed text" in text]
        last_line = [index for index, text in enumerate(pages) if "Last line of the body." in text]
        assert signer == digest and len(signer) == 1, half_lines
        if signer[0] == last_line[0] + 1:
            moved_whole = True  # the body ended on one page, the whole block went to the next
            break
    assert moved_whole


def test_the_same_narrative_gives_the_same_bytes_dated_when_it_was_signed():
    narrative = signed("## Request\nWe request coverage of E0486 for Zoë.\n")
    first = render_pdf(narrative, letterhead=LETTERHEAD)
    assert first == render_pdf(narrative, letterhead=LETTERHEAD)
    assert PdfReader(io.BytesIO(first)).metadata.creation_date == SIGNED_AT.replace(tzinfo=timezone.utc)


def test_a_draft_is_dated_when_it_was_drafted():
    drafted = datetime(2026, 2, 27, 9, 30)
    draft = Narrative(body="Draft text.\n", status="draft", placeholders=[], drafted_at=drafted)
    data = render_pdf(draft)
    assert data == render_pdf(draft)
    assert PdfReader(io.BytesIO(data)).metadata.creation_date == drafted.replace(tzinfo=timezone.utc)


def test_the_attestation_stays_with_the_signature(page_texts):
    """The attestation lines of the letter (what is attested, signature, name, date) and the
    electronic signature under them form one block: wherever the page break falls, all on one page."""
    moved_whole = False
    attestation = ("## Attestation\nI attest that this letter is accurate.\n\n"
                   "Signature: signed electronically by Testdentist, Beta, DDS\n"
                   "Name and credentials: Testdentist, Beta, DDS\nDate signed: 2026-03-03")
    for lines in range(40, 80, 3):  # the block is taller than 3 lines: one step lands on the break
        body = "\n".join(f"Finding line {n} of a long letter with measured values." for n in range(lines))
        body += "\nLast line of the body.\n\n" + attestation
        pages = page_texts(render_pdf(signed(body), letterhead=LETTERHEAD))
        holding = {marker: [i for i, text in enumerate(pages) if marker in text]
                   for marker in ("Attestation", "I attest", "Name and credentials", "Date signed",
                                  "Signed electronically by", "SHA-256 of the signed text")}
        assert all(len(found) == 1 for found in holding.values()), lines
        assert len({found[0] for found in holding.values()}) == 1, (lines, holding)
        last = next(i for i, text in enumerate(pages) if "Last line of the body." in text)
        moved_whole = moved_whole or holding["Attestation"][0] == last + 1
    assert moved_whole
