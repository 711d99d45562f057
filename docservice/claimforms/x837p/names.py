"""The name, address and specialty segments several loops share (NM1, N3, N4, DMG, PRV).

Each loop decides which entity code and which identifier it sends; how a provider, a person or
an address is spelled is decided once, here.
"""
from __future__ import annotations

from docservice.claimforms.submission import Address, Person, Provider
from docservice.claimforms.x837p.codes import X12Codes
from docservice.claimforms.x837p.segments import SegmentWriter, clean_text, format_date

PERSON = "1"  # NM102 entity type qualifier
ORGANISATION = "2"


def write_provider_name(out: SegmentWriter, *, entity: str, provider: Provider, codes: X12Codes) -> None:
    """NM1 for a provider identified by NPI (NM108 XX): a person by last and first name, otherwise
    an organisation by its name."""
    lengths = codes.text_lengths
    if provider.is_person:
        last = clean_text(provider.last_name, max_length=lengths["last_name"])
        first = clean_text(provider.first_name, max_length=lengths["first_name"])
        out.add("NM1", entity, PERSON, last, first, "", "", "", "XX", provider.npi)
    else:
        name = clean_text(provider.name, max_length=lengths["last_name"])
        out.add("NM1", entity, ORGANISATION, name, "", "", "", "", "XX", provider.npi)


def write_person_name(
    out: SegmentWriter, *, entity: str, person: Person, codes: X12Codes, member_id: str = ""
) -> None:
    """NM1 for a subscriber or patient; `member_id` goes in NM109 with qualifier MI when given."""
    lengths = codes.text_lengths
    out.add(
        "NM1",
        entity,
        PERSON,
        clean_text(person.last_name, max_length=lengths["last_name"]),
        clean_text(person.first_name, max_length=lengths["first_name"]),
        clean_text(person.middle_name, max_length=lengths["middle_name"]),
        "",
        "",
        "MI" if member_id else "",
        member_id,
    )


def write_payer_name(out: SegmentWriter, *, payer_name: str, payer_id: str, codes: X12Codes) -> None:
    """NM1*PR: the payer, identified by the clearinghouse's payer id (NM108 PI)."""
    name = clean_text(payer_name, max_length=codes.text_lengths["last_name"])
    out.add("NM1", "PR", ORGANISATION, name, "", "", "", "", "PI", payer_id)


def write_address(out: SegmentWriter, *, address: Address, codes: X12Codes) -> None:
    """N3 and N4 (street lines, then city, state and ZIP as given: 5 or 9 digits)."""
    street = codes.text_lengths["address"]
    out.add(
        "N3",
        clean_text(address.line1, max_length=street),
        clean_text(address.line2, max_length=street),
    )
    out.add("N4", clean_text(address.city, max_length=codes.text_lengths["city"]), address.state, address.zip)


def write_demographics(out: SegmentWriter, *, person: Person) -> None:
    """DMG: birth date (D8) and sex; callers write it only for a person whose birth date is known."""
    if person.birthdate is not None:
        out.add("DMG", "D8", format_date(person.birthdate), person.sex)


def write_specialty(out: SegmentWriter, *, role: str, provider: Provider) -> None:
    """PRV with the provider's taxonomy code (PXC), when it has one. `role`: BI billing, PE performing."""
    if provider.taxonomy:
        out.add("PRV", role, "PXC", provider.taxonomy)
