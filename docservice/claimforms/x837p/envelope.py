"""The envelope of the interchange: ISA/GS/ST, BHT, submitter (1000A) and receiver (1000B), and
the trailers SE/GE/IEA whose counts must match what was written between them.

One interchange holds one functional group holding one transaction set; every claim of the
batch goes into that one transaction set, under the billing providers' HLs.
"""
from __future__ import annotations

from docservice.claimforms.submission import Envelope, Party
from docservice.claimforms.x837p.codes import X12Codes
from docservice.claimforms.x837p.segments import (
    COMPONENT_SEPARATOR,
    REPETITION_SEPARATOR,
    SegmentWriter,
    clean_text,
    format_date,
    format_time,
)

TRANSACTION_SET_CONTROL_NUMBER = "0001"  # ST02/SE02: the only transaction set of its group
_ID_QUALIFIER = "ZZ"  # ISA05/ISA07: mutually defined (the clearinghouse's submitter/receiver ids)
_ETIN_QUALIFIER = "46"  # NM108 of 1000A/1000B: electronic transmitter identification number


def write_interchange_header(out: SegmentWriter, *, envelope: Envelope, codes: X12Codes) -> None:
    """ISA (fixed widths) and GS."""
    created = envelope.created_at
    out.add_isa(
        "00",
        " " * 10,
        "00",
        " " * 10,
        _ID_QUALIFIER,
        envelope.submitter.id.ljust(15),
        _ID_QUALIFIER,
        envelope.receiver.id.ljust(15),
        created.strftime("%y%m%d"),
        format_time(created),
        REPETITION_SEPARATOR,
        "00501",
        f"{envelope.interchange_control_number:09d}",
        "0",  # ISA14: no TA1 requested; the clearinghouse answers with a 999 anyway
        envelope.usage,
        COMPONENT_SEPARATOR,
    )
    out.add(
        "GS",
        "HC",
        envelope.submitter.id,
        envelope.receiver.id,
        format_date(created.date()),
        format_time(created),
        str(envelope.group_control_number),
        "X",
        codes.implementation,
    )


def write_transaction_header(out: SegmentWriter, *, envelope: Envelope, codes: X12Codes) -> int:
    """ST, BHT, 1000A and 1000B; returns how many segments came before ST (for SE01)."""
    before = len(out)
    created = envelope.created_at
    out.add("ST", "837", TRANSACTION_SET_CONTROL_NUMBER, codes.implementation)
    reference = envelope.batch_reference or str(envelope.interchange_control_number)
    # BHT02 00 original, BHT06 CH chargeable: a claim submission, not an encounter report.
    out.add("BHT", "0019", "00", reference, format_date(created.date()), format_time(created), "CH")
    _write_party(out, entity="41", party=envelope.submitter, codes=codes)
    _write_contact(out, party=envelope.submitter, codes=codes)
    _write_party(out, entity="40", party=envelope.receiver, codes=codes)
    return before


def write_trailers(out: SegmentWriter, *, envelope: Envelope, segments_before_st: int) -> None:
    """SE (segments from ST to SE inclusive), GE (one transaction set), IEA (one group)."""
    transaction_segments = len(out) - segments_before_st + 1
    out.add("SE", str(transaction_segments), TRANSACTION_SET_CONTROL_NUMBER)
    out.add("GE", "1", str(envelope.group_control_number))
    out.add("IEA", "1", f"{envelope.interchange_control_number:09d}")


def _write_party(out: SegmentWriter, *, entity: str, party: Party, codes: X12Codes) -> None:
    name = clean_text(party.name, max_length=codes.text_lengths["last_name"])
    out.add("NM1", entity, "2", name, "", "", "", "", _ETIN_QUALIFIER, party.id)


def _write_contact(out: SegmentWriter, *, party: Party, codes: X12Codes) -> None:
    """PER*IC: whom the clearinghouse calls about the file (phone first, then e-mail)."""
    name = clean_text(party.contact_name or party.name, max_length=codes.text_lengths["contact_name"])
    numbers: list[str] = []
    if party.contact_phone:
        numbers += ["TE", party.contact_phone]
    if party.contact_email:
        numbers += ["EM", clean_text(party.contact_email, max_length=256, upper=False)]
    out.add("PER", "IC", name, *numbers)
