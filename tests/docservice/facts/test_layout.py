"""Facts read through the layout: dot leaders, table columns, numbers in words, values on the next row."""
from __future__ import annotations

import pytest

from docservice.facts.extract import extract_text_facts


def present(text: str, name: str) -> list:
    return [fact.value for fact in extract_text_facts(text) if fact.name == name and fact.present]


def test_a_table_row_gives_the_total_column():
    text = ("Polysomnography results\n"
            "                 Supine   Lateral   Total\n"
            "AHI              44.0     6.2       19.8\n")
    assert present(text, "ahi") == [19.8]


def test_dot_leaders_join_label_and_value():
    assert present("Apnea-Hypopnea Index ............ 23.5", "ahi") == [23.5]


@pytest.mark.parametrize(("text", "name", "value"), [
    ("The apnea-hypopnea index was twenty-six point four per hour.", "ahi", 26.4),
    ("Maximum opening measured thirty-one millimeters.", "max_opening_mm", 31),
])
def test_numbers_written_in_words(text, name, value):
    assert present(text, name) == [value]


def test_offsets_point_at_the_words_written():
    text = "Summary: AHI ....... twelve point five events per hour"
    fact = next(fact for fact in extract_text_facts(text) if fact.name == "ahi")
    assert fact.value == 12.5
    assert text[fact.start:fact.end].startswith("AHI")
    assert text[fact.start:fact.end].endswith("five")


def test_a_number_on_the_next_row_is_not_the_labels():
    text = "AHI\n" "Oxygen saturation nadir 88\n"
    assert present(text, "ahi") == []


def test_context_and_section_are_kept_on_each_fact():
    text = "FAMILY HISTORY:\nHypertension (father)\nPAST MEDICAL HISTORY:\nDiabetes type 2\n"
    facts = {fact.value: fact for fact in extract_text_facts(text) if fact.name == "comorbidity"}
    assert facts["hypertension"].context == "family" and not facts["hypertension"].present
    assert facts["diabetes"].present and facts["diabetes"].section == "past_medical_history"


def test_a_sleep_studys_ordering_physician_ordered_the_test_not_the_appliance():
    text = "Ordering physician: Test Internist Echo, MD  NPI 1234567893\nAHI 22.0"
    assert [f for f in extract_text_facts(text, kind="sleep_study") if f.name == "ordering_physician"] == []
    order = [f.value["name"] for f in extract_text_facts(text, kind="physician_order") if f.name == "ordering_physician"]
    assert order == ["Test Internist Echo"]


@pytest.mark.parametrize(("text", "teeth"), [
    ("Fell off a scooter, #8 and #9 fractured. Claim #24-77812.", ["8", "9"]),
    ("Ref #12-0417: avulsed tooth #9 after a fall", ["9"]),
    ("Struck by a ball at practice; bed 19, #7 luxated", ["7"]),
])
def test_reference_numbers_are_not_teeth(text, teeth):
    assert present(text, "teeth_involved") == [teeth]


def test_an_event_count_row_gives_its_total_column():
    text = ("                      Supine   Non-supine   Total\n"
            "Respiratory events    61       17           78\n"
            "Apnea-hypopnea index  39.0     6.1          19.5\n")
    assert present(text, "respiratory_events") == [78]
    assert present(text, "ahi") == [19.5]
