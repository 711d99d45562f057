"""Layout: dot leaders become a colon without losing offsets; table rows know their columns."""
from __future__ import annotations

from crosswalks.clinical.layout import preferred_cell, row_values, tidy_leaders

TABLE = (
    "RESPIRATORY SUMMARY\n"
    "                    Supine    Non-supine    REM     Total\n"
    "AHI (/h)            31.0      9.5           22.0    17.4\n"
    "Apneas              40        12            18      70\n"
    "Oxygen nadir 84%\n"
)


def test_dot_leaders_become_a_colon():
    text = "Study date ........ 01/09/2026\nAHI.............18.2\n..........\nName ____ Test"
    tidied = tidy_leaders(text)
    assert tidied.text.splitlines()[:2] == ["Study date: 01/09/2026", "AHI: 18.2"]
    assert tidied.text.splitlines()[2] == ".........."  # a rule across the page stays
    at = tidied.text.index("18.2")
    assert text[tidied.index[at]:tidied.index[at + 3] + 1] == "18.2"


def test_a_row_takes_the_whole_study_column():
    offset = TABLE.index("31.0")
    assert [cell.text for cell in row_values(TABLE, offset)] == ["31.0", "9.5", "22.0", "17.4"]
    assert preferred_cell(TABLE, offset).text == "17.4"
    assert preferred_cell(TABLE, TABLE.index("40")).text == "70"


def test_lines_that_are_no_table_row_have_no_column():
    assert row_values(TABLE, TABLE.index("84%")) is None
    assert preferred_cell("AHI 18.2 on the night of 1/9", 4) is None


def test_a_header_without_a_total_column_chooses_nothing():
    text = "          Night 1    Night 2\nAHI       12.0       14.5\n"
    assert preferred_cell(text, text.index("12.0")) is None
