"""How values are spelled: envelope widths and numbers, text cleaning, amounts, determinism."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from docservice.claimforms.submission import Address
from docservice.claimforms.x837p import check_837p, validate_837p, write_837p


def test_same_input_gives_identical_text(batch, envelope):
    first = write_837p(batch, envelope=envelope)
    second = write_837p(list(batch), envelope=replace(envelope))
    assert first == second


def test_isa_is_fixed_width_with_padded_control_number(write_x12, make_claim):
    text = write_x12(make_claim())
    isa = text.split("\n", 1)[0]
    assert len(isa) == 106
    elements = isa[:-1].split("*")
    assert elements[6] == "SUBMIT01       " and elements[8] == "RECEIVER01     "
    assert elements[13] == "000000042"
    assert elements[15] == "T"
    assert isa.endswith("*:~")


def test_trailers_match_their_headers(write_x12, read_segments, batch):
    segments = read_segments(write_x12(batch))
    st = next(i for i, s in enumerate(segments) if s.startswith("ST*"))
    se = next(i for i, s in enumerate(segments) if s.startswith("SE*"))
    assert segments[se] == f"SE*{se - st + 1}*0001"
    assert segments[st] == "ST*837*0001*005010X222A1"
    assert "GS*HC*SUBMIT01*RECEIVER01*20260305*1430*7*X*005010X222A1" in segments
    assert segments[-2:] == ["GE*1*7", "IEA*1*000000042"]
    assert "BHT*0019*00*42*20260305*1430*CH" in segments


def test_batch_reference_goes_in_bht(make_claim, envelope, read_segments):
    text = write_837p([make_claim()], envelope=replace(envelope, batch_reference="BATCH-0007"))
    assert "BHT*0019*00*BATCH-0007*20260305*1430*CH" in read_segments(text)


def test_names_are_upper_case_ascii_without_delimiters(write_x12, read_segments, make_claim, coverage, subscriber):
    odd = replace(subscriber, last_name="Tést*per~son:^", first_name="Ålpha\tOne")
    claim = make_claim(coverage=replace(coverage, subscriber=odd), patient=odd)
    text = write_x12(claim)
    assert "NM1*IL*1*TEST PER SON*ALPHA ONE*QUINN***MI*XYZ123456789" in read_segments(text)
    assert validate_837p(text) == [] and check_837p(text) == []


def test_note_is_cleaned_and_cut_to_80_characters(write_x12, read_segments, make_claim):
    note = "Sleep study: AHI 22~ order*attached " + "x" * 100
    segments = read_segments(write_x12(make_claim(note=note)))
    [nte] = [segment for segment in segments if segment.startswith("NTE")]
    text = nte.removeprefix("NTE*ADD*")
    assert text.startswith("SLEEP STUDY AHI 22 ORDER ATTACHED X")
    assert len(text) == 80


def test_amounts_are_x12_decimals(write_x12, read_segments, make_claim, make_line):
    lines = (
        make_line(1, charge=Decimal("100.00")),
        make_line(2, charge=Decimal("0.50")),
        make_line(3, charge=Decimal("12.345")),
    )
    segments = read_segments(write_x12(make_claim(lines=lines)))
    charges = [segment.split("*")[2] for segment in segments if segment.startswith("SV1")]
    assert charges == ["100", "0.5", "12.35"]
    assert any(segment.startswith("CLM*ML0000042*112.85*") for segment in segments)


def test_line_place_of_service_only_when_it_differs(write_x12, read_segments, make_claim, make_line):
    lines = (make_line(1, place_of_service="11"), make_line(2, place_of_service="22"))
    sv1 = [s for s in read_segments(write_x12(make_claim(lines=lines))) if s.startswith("SV1")]
    assert sv1 == ["SV1*HC:E0486*1850*UN*1***1", "SV1*HC:E0486*1850*UN*1*22**1"]


def test_pay_to_address_gets_its_own_loop(write_x12, read_segments, make_claim):
    pay_to = Address(line1="PO Box 55", city="Sampletown", state="OH", zip="432150055")
    segments = read_segments(write_x12([make_claim("ML1", pay_to=pay_to), make_claim("ML2")]))
    assert segments.count("NM1*87*2") == 1
    assert "N3*PO BOX 55" in segments
    # Different pay-to addresses cannot share a 2000A.
    assert [s for s in segments if s.endswith("*20*1")] == ["HL*1**20*1", "HL*3**20*1"]


def test_subscriber_who_is_not_the_patient_has_no_address_or_dmg(write_x12, read_segments, dependent_claim):
    segments = read_segments(write_x12(dependent_claim))
    subscriber_at = segments.index("NM1*IL*1*TESTPERSON*ALPHA*QUINN***MI*XYZ123456789")
    assert segments[subscriber_at + 1].startswith("NM1*PR")
    assert "DMG*D8*19700102*F" not in segments  # the subscriber's; the patient's DMG is in 2010CA
    assert "DMG*D8*20120708*U" in segments
