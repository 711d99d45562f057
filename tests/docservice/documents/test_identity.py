"""Whose document is it: the name and birth date a document states, compared with the case's patient."""
from __future__ import annotations

from datetime import date

import pytest

from docservice.documents.identity import check_identity, names_match
from docservice.documents.patient_lines import read_stated_patient

ROE = {"patient_name": "Jane Roe", "patient_birthdate": date(1970, 1, 31)}


@pytest.mark.parametrize("text", [
    "Patient: Jane Roe   DOB: 01/31/1970   Study date: 03/02/2025",
    "PATIENT NAME: ROE, JANE M    D.O.B.: 1/31/70",
    "Re: Jane Roe, DOB January 31, 1970\n\nDear Dr. Testdentist:",
    "Pt: Roe, Jane  dob 1970-01-31",
    "Name: Ms. Jane Q. Roe\nDate of Birth: 31-JAN-1970",
    "PATIENT NAME        DOB          MRN\nROE, JANE           01/31/1970   123456",
    "+--------------------------------------+\n| Patient      Birth Date    Sex |\n+----+\n| Jane Roe     Jan 31, 1970  F   |",
    "Patient: Jane R0e   DOB: 01/31/1970",  # OCR read an o as a zero
    "Patient: Ja ne Roe\nDOB: O1/31/197O",  # OCR broke a word and read zeros as O
    "FAX COVER SHEET\nRe: Roe, Jane\f03/02/2025 10:14 FROM 5550100 P.2/3\nSLEEP STUDY\nD.O.B. 01-31-1970",
])
def test_the_case_patient_in_many_layouts_is_a_match(text):
    result = check_identity(text, **ROE)
    assert result.status == "match", result.detail
    assert result.detail["compared_to"] == {"name": "Jane Roe", "birthdate": "1970-01-31"}


def test_last_first_with_a_wrong_birth_date_is_a_mismatch_of_the_birth_date():
    result = check_identity("Patient: ROE, JANE\nDOB: 02/01/1970", **ROE)
    assert result.status == "mismatch"
    assert (result.detail["name"], result.detail["birthdate"]) == ("match", "mismatch")
    assert result.detail["read"] == {"names": ["ROE, JANE"], "birthdates": ["1970-02-01"]}
    assert result.mismatched == ["date of birth"]


def test_another_patient_is_a_mismatch_of_both():
    result = check_identity("Patient Name: Test Patient Beta\nDate of Birth: 05/06/1961", **ROE)
    assert result.status == "mismatch"
    assert result.mismatched == ["name", "date of birth"]


def test_a_name_one_short_letter_off_is_another_person():
    assert check_identity("Patient: Jane Doe", **ROE).status == "mismatch"


def test_a_document_naming_two_patients_is_a_mismatch():
    text = "Re: Jane Roe\n...\nPatient: Test Patient Gamma   DOB: 01/31/1970"
    assert check_identity(text, **ROE).status == "mismatch"


@pytest.mark.parametrize("text", [
    "Home sleep test results\nAHI 18 events per hour",
    "Name: Kevin Testdoctor, MD\nReferring physician",  # a provider block, not the patient
    "Re: Appeal of denied claim for an oral appliance",
    "RE: PRIOR AUTHORIZATION DETERMINATION\nService: E0486",  # a letter's topic, not a person
    "Re: Custom Mandibular Advancement Device",
    "Subscriber DOB: 02/02/1950\nMember ID: XJH448120093",  # the insured's birth date, not the patient's
    "Patient Information\nDear Dr. Testdentist,",
])
def test_nothing_stated_about_the_patient_is_unknown(text):
    result = check_identity(text, **ROE)
    assert result.status == "unknown", result.detail
    assert result.detail["read"] == {"names": [], "birthdates": []}


def test_a_garbled_birth_date_is_not_read_rather_than_misread():
    assert read_stated_patient("DOB: 01/31/19;70").birthdates == ()


def test_a_case_without_a_birth_date_compares_the_name_only():
    result = check_identity("Patient: Jane Roe  DOB 01/31/1970", patient_name="Jane Roe", patient_birthdate=None)
    assert result.status == "match"
    assert result.detail["birthdate"] == "not compared"


@pytest.mark.parametrize("stated, expected, same", [
    ("ROE, JANE M", "Jane Roe", True),
    ("Mr. Paul Testgreen Jr.", "Paul Testgreen", True),
    ("ALPHA, TEST PATIENT", "Test Patient Alpha", True),
    ("Janet Roe", "Jane Roe", True),  # one character over the whole name
    ("Janet Rowe", "Jane Roe", False),  # two
    ("Joanne Smithson", "Ann Smithson", False),
    ("Bob Testerly", "Robert Testerly", False),  # a nickname is for a person to confirm
])
def test_names_are_compared_forgivingly_but_not_blindly(stated, expected, same):
    assert names_match(stated, expected) is same


def test_names_in_other_scripts_are_compared_not_waved_through():
    assert not names_match("John Smith", "Иван Петров")
    assert names_match("Иван Петров", "Иван Петров")
    assert names_match("GARCIA, JOSE", "José García")
