"""ICD-10-CM helpers, answered from the simple_icd_10_cm tabular (real codes, nothing stubbed)."""
from __future__ import annotations

import pytest

from crosswalks import icd10


@pytest.mark.parametrize(
    ("raw", "norm"),
    [("g4733", "G47.33"), (" M26.601 ", "M26.601"), ("S025XXA", "S02.5XXA"), ("i10", "I10"), ("", "")],
)
def test_normalize(raw, norm):
    assert icd10.normalize(raw) == norm


@pytest.mark.parametrize(
    ("code", "valid", "billable"),
    [
        ("G47.33", True, True),
        ("G4733", True, True),
        ("M26.6", True, False),
        ("M26.60", True, False),
        ("S02.5XXA", True, True),
        ("S02.5", True, False),
        ("K13.79", True, True),
        ("XYZ", False, False),
        ("G47.339", False, False),
        ("", False, False),
        ("C00-C14", False, False),
    ],
)
def test_validity_and_billability(code, valid, billable):
    assert icd10.is_valid(code) is valid
    assert icd10.is_billable(code) is billable


def test_description():
    assert "obstructive sleep apnea" in icd10.description("G47.33").lower()
    assert icd10.description("XYZ") == ""


@pytest.mark.parametrize(
    ("code", "needs"),
    [("S02.5", True), ("S02.5X", True), ("S03.2", True), ("S02.5XXA", False), ("S03.2XXA", False),
     ("M26.6", False), ("G47.33", False), ("K13.79", False), ("XYZ", False)],
)
def test_needs_seventh_character(code, needs):
    assert icd10.needs_seventh_character(code) is needs


@pytest.mark.parametrize(
    ("code", "injury", "external"),
    [("S02.5XXA", True, False), ("T88.7XXA", True, False), ("W01.0XXA", False, True), ("Y92.009", False, True),
     ("V89.2XXA", False, True), ("K13.79", False, False), ("XYZ", False, False), ("U07.1", False, False)],
)
def test_injury_and_external_cause(code, injury, external):
    assert icd10.is_injury(code) is injury
    assert icd10.is_external_cause(code) is external


@pytest.mark.parametrize(
    ("code", "side"),
    [
        ("M26.601", "right"),
        ("M26.602", "left"),
        ("M26.603", "bilateral"),
        ("M26.609", "unspecified"),
        ("M26.621", "right"),
        ("M26.629", "unspecified"),
        ("S03.01XA", "right"),
        ("S03.00XA", "unspecified"),
        ("S02.5XXA", None),
        ("S02.5", None),
        ("K13.79", None),
        ("G47.33", None),
        ("M79.11", None),
        ("M26.69", None),
        ("M26.60", "unspecified"),  # the parent whose children carry the side
        ("M26.649", "unspecified"),  # "unspecified temporomandibular joint": siblings are right and left
        ("H66.90", "unspecified"),  # "unspecified ear"
        ("I50.9", None),  # a sibling is "Left ventricular failure": anatomy, not a side of this concept
        ("S02.670A", "unspecified"),
        ("S02.671A", "right"),
        ("XYZ", None),
    ],
)
def test_laterality(code, side):
    assert icd10.laterality(code) == side


@pytest.mark.parametrize(("code", "needs"), [
    ("S02.5XX", True), ("s02.5xx", True), ("S025XX", True),  # placeholders typed, the 7th missing
    ("S02.60", False),  # a 6th character is missing first (S02.609A), not only the 7th
    ("S02.5ZZ", False),  # not placeholders: no completion of it is a code
])
def test_needs_seventh_character_with_placeholders(code, needs):
    assert icd10.needs_seventh_character(code) is needs


def test_seventh_characters_come_from_the_category_in_the_code_set():
    assert list(icd10.seventh_characters("S02.5XX")) == ["A", "B", "D", "G", "K", "S"]  # skull and face fractures
    assert list(icd10.seventh_characters("s03.2")) == ["A", "D", "S"]  # dislocation of tooth
    assert icd10.seventh_characters("S02.5")["A"] == "initial encounter for closed fracture"
    assert icd10.seventh_characters("G47.33") == {} and icd10.seventh_characters("XYZ") == {}


@pytest.mark.parametrize(("typed", "shown"), [
    ("s02.5xx", "S02.5XX"), (" s025xxa ", "S02.5XXA"), ("g4733", "G47.33"), ("zz-1", "ZZ-1"), ("", "")])
def test_display_is_upper_case_and_dotted_when_code_shaped(typed, shown):
    assert icd10.display_code(typed) == shown
