"""The flag data for single sources and joins: which problems flag alone, join windows, follow-up codes."""
from __future__ import annotations

import pytest

from crosswalks import load_crosswalk


def test_only_current_specific_diagnoses_flag_alone(flagger_crosswalk):
    alone = {r.id for r in flagger_crosswalk.problems if r.alone}
    assert {"sleep-icd-g4733", "tmd-icd-m2662", "tmd-icd-m2661", "pathology-icd-m274", "frenum-icd-q381",
            "trauma-icd-s026"} <= alone
    assert all(r.strength == "strong" for r in flagger_crosswalk.problems if r.alone)
    for rule in flagger_crosswalk.problems:
        if any(rule.icd10.startswith(prefix) for prefix in ("Z94", "Z79", "Z92", "Z85", "C0", "K01", "K08", "R06")):
            assert not rule.alone, rule.id


def test_every_category_has_a_join_window_and_follow_up_codes_are_consistent(flagger_crosswalk):
    days = {c.id: c.join_days for c in flagger_crosswalk.categories}
    assert days["trauma"] == 30 and days["pathology"] == 60 and days["sleep"] == 120
    assert all(d > 0 for d in days.values())
    assert flagger_crosswalk.followup.terms and set(flagger_crosswalk.followup.self_evident) <= set(flagger_crosswalk.followup.codes)
    assert "D0171" in flagger_crosswalk.followup.self_evident
    assert {"D0120", "D0140", "D0150", "D9310"} <= set(flagger_crosswalk.exam_codes) and "D1110" not in flagger_crosswalk.exam_codes


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("ankyloglossia,billing-ref §1.1 FREN-02; §1.7,H,yes", "ankyloglossia,billing-ref §1.1 FREN-02; §1.7,H,maybe",
         "column 'alone': 'maybe' is not yes or no"),
        ("snoring (insufficient alone),billing-ref §1.1 OSA-01,H,no",
         "snoring (insufficient alone),billing-ref §1.1 OSA-01,H,yes",
         "column 'alone': only a strong diagnosis may flag alone"),
    ],
)
def test_bad_alone_cell(data_copy, load_problems, old, new, words):
    _edit(data_copy / "flag_problems.csv", old, new)
    assert any(p.startswith("flag_problems.csv line") and words in p for p in load_problems(data_copy))


def test_a_problems_file_without_the_alone_column_still_loads(data_copy):
    path = data_copy / "flag_problems.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    stripped = [line if line.startswith("#") else line.rsplit(",", 1)[0] for line in lines]
    path.write_text("\n".join(stripped) + "\n", encoding="utf-8")
    assert not any(r.alone for r in load_crosswalk(data_copy).problems)


@pytest.mark.parametrize(
    ("file", "old", "new", "words"),
    [
        ("categories.yaml", "    join_days: 30\n    source: \"dental-medical-billing.md §1.1 TRA",
         "    join_days: -3\n    source: \"dental-medical-billing.md §1.1 TRA", "column 'join_days'"),
        ("categories.yaml", 'followup_alone: "D0171"', 'followup_alone: "D9999"', "must also be in followup"),
        ("categories.yaml", 'followup: "D0140|', 'followup: "X0140|', "column 'followup'"),
        ("categories.yaml", 'exams: "D0120|', 'exams: "D012|', "column 'exams'"),
        ("flag_note_terms.yaml", "      - id: frenum-note-tie\n        level: specific\n        alone: true",
         "      - id: frenum-note-tie\n        level: specific\n        alone: sometimes", "column 'alone'"),
        ("flag_note_terms.yaml", "    - id: followup-note-visit", "    - id: visit-note-fu",
         "must start with its category"),
    ],
    ids=["join-days", "followup-alone", "followup", "exams", "term-alone", "followup-id"],
)
def test_bad_flag_data_is_named(data_copy, load_problems, file, old, new, words):
    _edit(data_copy / file, old, new)
    found = load_problems(data_copy)
    assert any(p.startswith(file) and words in p for p in found), found
