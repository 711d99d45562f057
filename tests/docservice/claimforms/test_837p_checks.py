"""The checks can fail: corrupted interchanges are reported by `check_837p` and, where pyx12
looks at the corrupted thing at all, by `validate_837p`."""
from __future__ import annotations

import re

import pytest

from docservice.claimforms.x837p import check_837p, validate_837p


@pytest.fixture
def corrupt():
    """Apply one regular-expression edit to an interchange, failing the test if it matched nothing
    (a corruption that silently did not happen would make the test pass for the wrong reason)."""

    def corrupt(text: str, pattern: str, replacement: str, *, count: int = 1) -> str:
        changed, made = re.subn(pattern, replacement, text, count=count, flags=re.MULTILINE)
        assert made, f"the corruption {pattern!r} matched nothing"
        return changed

    return corrupt


@pytest.fixture
def simple_text(write_x12, simple_claim) -> str:
    """A valid interchange with one claim of four diagnoses and one line pointing at all four."""
    return write_x12(simple_claim)


def test_valid_text_is_the_baseline(simple_text):
    assert check_837p(simple_text) == [] and validate_837p(simple_text) == []


def test_icd9_principal_qualifier_is_reported(simple_text, corrupt):
    text = corrupt(simple_text, r"HI\*ABK:", "HI*BK:")
    assert check_837p(text) == [
        "Claim ML-SIMPLE-1: diagnosis 1 uses qualifier BK; ICD-10-CM needs ABK."
    ]
    assert validate_837p(text) == []  # pyx12 accepts BK: exactly why our own check exists


def test_icd9_other_qualifier_is_reported(simple_text, corrupt):
    text = corrupt(simple_text, r"\*ABF:E669", "*BF:E669")
    assert check_837p(text) == ["Claim ML-SIMPLE-1: diagnosis 2 uses qualifier BF; ICD-10-CM needs ABF."]


def test_pointer_past_the_diagnoses_is_reported(simple_text, corrupt):
    text = corrupt(simple_text, r"\*1:2:3:4~", "*1:2:5~")
    assert check_837p(text) == ["Claim ML-SIMPLE-1, line 1: SV107 points at diagnosis 5, but HI lists 4."]


def test_wrong_se_count_is_reported_by_both(simple_text, corrupt):
    text = corrupt(simple_text, r"^SE\*(\d+)\*", "SE*99*")
    assert any("SE01 says 99" in finding for finding in check_837p(text))
    assert any("SE count of 99" in finding for finding in validate_837p(text))


def test_wrong_ge_and_iea_counts_are_reported(simple_text, corrupt):
    text = corrupt(corrupt(simple_text, r"^GE\*1\*", "GE*2*"), r"^IEA\*1\*", "IEA*3*")
    findings = check_837p(text)
    assert "GE01 says 2, but the group has 1 transaction sets." in findings
    assert "IEA01 says 3, but the interchange has 1 groups." in findings
    assert validate_837p(text) != []


def test_missing_line_control_number_is_reported(simple_text, corrupt):
    text = corrupt(simple_text, r"^REF\*6R\*[^~]*~\n", "")
    text = corrupt(text, r"^SE\*(\d+)", lambda m: f"SE*{int(m.group(1)) - 1}")  # keep the count right
    assert check_837p(text) == ["Claim ML-SIMPLE-1, line 1: there is no REF*6R line control number."]
    assert validate_837p(text) == []  # REF*6R is situational for pyx12


def test_repeated_line_control_number_is_reported(write_x12, make_claim, make_line, corrupt):
    text = write_x12(make_claim(lines=(make_line(1), make_line(2))))
    text = corrupt(text, r"REF\*6R\*ML0000042-L2", "REF*6R*ML0000042-L1")
    assert check_837p(text) == ["The line control number ML0000042-L1 (REF*6R) appears 2 times; each line needs its own."]


def test_total_that_does_not_add_up_is_reported(simple_text, corrupt):
    text = corrupt(simple_text, r"^CLM\*ML-SIMPLE-1\*1850\*", "CLM*ML-SIMPLE-1*1900*")
    assert check_837p(text) == ["Claim ML-SIMPLE-1: CLM02 is 1900, but its lines add up to 1850."]
    assert validate_837p(text) == []  # pyx12 does not balance amounts


def test_pwk_without_ac_or_with_short_control_number_is_reported(write_x12, attachment_claim, corrupt):
    text = write_x12(attachment_claim)
    text = corrupt(text, r"^PWK\*DG\*EL\*\*\*AC\*", "PWK*DG*EL****")
    text = corrupt(text, r"^PWK\*B3\*EL\*\*\*AC\*MLACN20260305A1", "PWK*B3*EL***AC*M")
    assert check_837p(text) == [
        "Claim ML-PWK-1: a PWK lacks PWK05 AC before its attachment control number.",
        "Claim ML-PWK-1: a PWK's attachment control number (PWK06) must be 2 to 80 characters.",
    ]
    findings = validate_837p(text)
    assert any("PWK" in finding for finding in findings)  # P0506 and PWK06's minimum length


def test_pyx12_catches_a_code_outside_its_lists(simple_text, corrupt):
    text = corrupt(simple_text, r"SV1\*HC:", "SV1*AD:")
    findings = validate_837p(text)
    assert any("SV1" in finding for finding in findings)


def test_validation_sentences_hide_patient_values(simple_text, corrupt):
    text = corrupt(simple_text, r"DMG\*D8\*19700102", "DMG*D8*19701302")
    findings = validate_837p(text)
    assert findings and not any("19701302" in finding for finding in findings)
    assert any("DMG02" in finding for finding in findings)


def test_text_that_is_not_x12_is_one_sentence():
    assert check_837p("hello") == validate_837p("hello") == [
        "The text is not an X12 interchange (it must start with a complete ISA segment)."
    ]
