"""Written 837Ps pass pyx12 (structure, code lists) and our meaning checks, scenario by scenario,
and carry the segments each scenario is about (read back with pyx12's own reader)."""
from __future__ import annotations

import pytest

from docservice.claimforms.x837p import check_837p, validate_837p

SCENARIOS = [
    "simple_claim",
    "attachment_claim",
    "secondary_claim",
    "accident_claim",
    "dependent_claim",
    "replacement_claim",
    "cdt_claim",
    "batch",
]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_pyx12_finds_no_error(request, write_x12, scenario):
    text = write_x12(request.getfixturevalue(scenario))
    assert validate_837p(text) == []


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_meaning_checks_find_nothing(request, write_x12, scenario):
    text = write_x12(request.getfixturevalue(scenario))
    assert check_837p(text) == []


def test_simple_claim_segments(write_x12, read_segments, simple_claim):
    segments = read_segments(write_x12(simple_claim))
    assert "SV1*HC:E0486:KX:NU*1850*UN*1***1:2:3:4" in segments
    assert "HI*ABK:G4733*ABF:E669*ABF:I10*ABF:R0683" in segments
    assert "CLM*ML-SIMPLE-1*1850***11:B:1*Y*A*Y*Y" in segments
    assert "DTP*431*D8*20251101" in segments
    assert "REF*6R*ML-SIMPLE-1-L1" in segments
    assert "NM1*82*1*DOCTOR*TESTA****XX*1234567893" in segments
    assert "PRV*PE*PXC*1223S0112X" in segments
    assert "NM1*DK*1*PHYSICIAN*SAMPLE****XX*1245319599" in segments
    assert "NTE*ADD*AHI 22 ON HOME SLEEP TEST 2026-01-10; ORDER AND STUDY ATTACHED." in segments


def test_billing_provider_loop(write_x12, read_segments, simple_claim):
    segments = read_segments(write_x12(simple_claim))
    start = segments.index("HL*1**20*1")
    assert segments[start : start + 7] == [
        "HL*1**20*1",
        "PRV*BI*PXC*1223S0112X",
        "NM1*85*2*TESTCLINIC DENTAL GROUP*****XX*1245319599",
        "N3*100 EXAMPLE STREET*SUITE 4",
        "N4*SAMPLETOWN*OH*432150001",
        "REF*EI*123456789",
        "PER*IC**TE*6145550100",
    ]
    assert "SBR*P*18*GRP001******CI" in segments
    assert "DMG*D8*19700102*F" in segments


def test_attachments_share_one_control_number(write_x12, read_segments, attachment_claim):
    segments = read_segments(write_x12(attachment_claim))
    pwks = [segment for segment in segments if segment.startswith("PWK")]
    assert pwks == [
        "PWK*DG*EL***AC*MLACN20260305A1",
        "PWK*B3*EL***AC*MLACN20260305A1",
        "PWK*OZ*FX***AC*MLACN20260305A1",
    ]
    assert segments.index("REF*9F*RF12345") < segments.index("REF*G1*PA998877") < segments.index("HI*ABK:G4733")


def test_secondary_claim_reports_the_primary_payment(write_x12, read_segments, secondary_claim):
    segments = read_segments(write_x12(secondary_claim))
    assert "SBR*S*18**EXAMPLE SILVER*****CI" in segments
    start = segments.index("SBR*P*01*PGRP9******BL")
    assert segments[start : start + 6] == [
        "SBR*P*01*PGRP9******BL",
        "AMT*D*1200",
        "OI***Y***Y",
        "NM1*IL*1*TESTPERSON*BETA****MI*PRM55501",
        "NM1*PR*2*PRIMARY EXAMPLE PLAN*****PI*PRIME1",
        "DTP*573*D8*20260401",
    ]
    assert start < segments.index("LX*1")


def test_accident_claim_names_cause_state_and_date(write_x12, read_segments, accident_claim):
    segments = read_segments(write_x12(accident_claim))
    assert "CLM*ML-ACC-1*940.25***11:B:1*Y*A*Y*Y**AA:::OH" in segments
    dates = [segment for segment in segments if segment.startswith("DTP*4")]
    assert dates == ["DTP*431*D8*20260214", "DTP*454*D8*20260215", "DTP*439*D8*20260214", "DTP*472*D8*20260302"]


def test_dependent_gets_a_patient_level(write_x12, read_segments, dependent_claim):
    segments = read_segments(write_x12(dependent_claim))
    start = segments.index("HL*3*2*23*0")
    assert segments[start : start + 6] == [
        "HL*3*2*23*0",
        "PAT*19",
        "NM1*QC*1*TESTPERSON*GAMMA*Q",
        "N3*1 SYNTHETIC ROAD*UNIT 2",
        "N4*SAMPLETOWN*OH*43215",
        "DMG*D8*20120708*U",
    ]
    assert "HL*2*1*22*1" in segments
    assert "SBR*P**GRP001******CI" not in segments  # no group number on this coverage
    assert any(segment.startswith("SBR*P*") and not segment.startswith("SBR*P*18") for segment in segments)


def test_replacement_claim_names_the_claim_it_replaces(write_x12, read_segments, replacement_claim):
    segments = read_segments(write_x12(replacement_claim))
    assert "CLM*ML-REP-1*1850***11:B:7*Y*A*Y*Y" in segments
    assert "REF*F8*PAYERCLM0001" in segments


def test_original_claim_has_no_payer_claim_number(write_x12, make_claim):
    text = write_x12(make_claim(payer_claim_number="PAYERCLM0001"))
    assert "REF*F8" not in text


def test_cdt_lines_use_hc_with_description_and_own_rendering(write_x12, read_segments, cdt_claim):
    segments = read_segments(write_x12(cdt_claim))
    assert "SV1*HC:D7880*1200*UN*1***1:2" in segments
    assert "SV1*HC:D7899:::::UNLISTED TMD THERAPY SPLINT ADJUSTMENT*85.1*UN*1*22**2" in segments
    line_two = segments.index("LX*2")
    assert segments[line_two + 4] == "NM1*82*1*DOCTOR*TESTA****XX*1234567893"
    assert "CLM*ML-CDT-1*1285.1***11:B:1*Y*A*Y*Y" in segments


def test_batch_groups_claims_under_their_billing_provider(write_x12, read_segments, batch):
    segments = read_segments(write_x12(batch))
    billing_levels = [segment for segment in segments if segment.startswith("HL") and segment.endswith("*20*1")]
    assert len(billing_levels) == 2
    claims = [segment.split("*")[1] for segment in segments if segment.startswith("CLM")]
    assert claims == ["ML-SIMPLE-1", "ML-PWK-1", "ML-DEP-1", "ML-OTHER-1"]
    hl_numbers = [int(segment.split("*")[1]) for segment in segments if segment.startswith("HL")]
    assert hl_numbers == list(range(1, len(hl_numbers) + 1))
