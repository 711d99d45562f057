"""Dates relative to the day a text was written, and the date a document states for itself."""
from __future__ import annotations

from datetime import date

import pytest

from docservice.facts.extract import extract_text_facts
from docservice.facts.store import document_date

VISIT = date(2026, 3, 2)


def dated(text: str, name: str, reference: date | None = VISIT) -> list:
    return [f.value for f in extract_text_facts(text, reference_date=reference) if f.name == name and f.present]


@pytest.mark.parametrize(("text", "expected"), [
    ("Pt fell off a skateboard last night, UL incisor mobile.", "2026-03-01"),
    ("Struck in the mouth by a softball 45 min ago.", "2026-03-02"),
    ("Yesterday evening she tripped over the dog and hit her chin.", "2026-03-01"),
    ("MVA 3 days ago; lower lip laceration.", "2026-02-27"),
    ("Date of injury: 11-Feb-26", "2026-02-11"),
    # 2026-03-02 is a Monday: a weekday is the latest one before the day written
    ("Took an elbow to the face at the game on Saturday.", "2026-02-28"),
    ("Bicycle crash this past Sunday; handlebar hit the chin.", "2026-03-01"),
    ("He was assaulted two nights ago outside a club.", "2026-02-28"),
    ("Pt collided with a teammate 3 nights ago.", "2026-02-27"),
])
def test_injury_dates_in_every_form(text, expected):
    assert dated(text, "injury_date") == [expected]


def test_relative_words_without_the_day_written_are_no_date():
    assert dated("Pt fell last night.", "injury_date", reference=None) == []


def test_a_delivery_the_note_records_as_today():
    assert dated("Custom oral appliance delivered today; retention good.", "delivery_date") == ["2026-03-02"]
    assert dated("Appliance will be delivered today if the lab sends it.", "delivery_date") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("03/02/2026 - OAT insert\nSeated the appliance.", date(2026, 3, 2)),  # unlabelled, first in the head
    ("Progress note\nDOB 01/01/1970   Date: 03/02/2026", date(2026, 3, 2)),
    ("Test Clinic\nPatient DOB: 01/01/1970\nInjury 02/27/2026 seen 03/02/2026", date(2026, 3, 2)),
    ("Test Clinic\nTest, Pat   03/04/1962\n03/02/2026 progress note", date(2026, 3, 2)),  # an unlabelled birth date
    ("Date: 03/02/2026\nSubjective: ...", date(2026, 3, 2)),
    ("DOS 14-Mar-26  Provider: Test", date(2026, 3, 14)),
    ("Encounter date: March 2, 2026", date(2026, 3, 2)),
    ("A note that states no date of its own", None),
])
def test_the_date_a_document_states(text, expected):
    assert document_date(text) == expected


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Date dispensed: 02/10/2026", "delivery_date", "2026-02-10"),
    ("Dispense date 10-Feb-26", "delivery_date", "2026-02-10"),
    ("Delivered: 2/10/26", "delivery_date", "2026-02-10"),
    ("Time of injury: 01/13/2026 19:40", "injury_date", "2026-01-13"),
    ("Injury date/time: Jan 13, 2026 7pm", "injury_date", "2026-01-13"),
])
def test_dates_under_the_labels_of_a_record(text, name, expected):
    assert dated(text, name) == [expected]
