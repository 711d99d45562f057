"""One medically specific source is enough: a current specific diagnosis, a medical code, a specific note.

And each flag says, in plain words, which source fired it.
"""
from __future__ import annotations

import pytest

from plugin.flagger import format_reasons

# (id, note, procedures, problems (name, icd10), category, what fired it)
PROBLEM_ALONE = [
    ("osa-before-consult", "", ["D9310"], [("Obstructive sleep apnea", "G47.33")], "sleep",
     "problem list: obstructive sleep apnea (G47.33)"),
    ("osa-periodic-exam-only", "", ["D0120"], [("Obstructive sleep apnea", "G47.33")], "sleep",
     "problem list: obstructive sleep apnea (G47.33)"),
    ("cyst-comprehensive-perio-eval", "", ["D0180"], [("Jaw cyst", "M27.40")], "pathology",
     "problem list: jaw cyst (M27.40)"),
    ("tmj-arthralgia-exam", "", ["D0140"], [("Arthralgia of left TMJ", "M26.622")], "tmd",
     "problem list: TMJ arthralgia (M26.622)"),
    ("tmj-ankylosis", "", ["D0150"], [("Ankylosis R TMJ", "M26.611")], "tmd",
     "problem list: TMJ adhesions / ankylosis (M26.611)"),
    ("jaw-cyst", "", ["D0140"], [("Cyst of jaw", "M27.40")], "pathology", "problem list: jaw cyst (M27.40)"),
    ("odontogenic-cyst-consult", "", ["D9310"], [("OKC L ramus", "K09.0")], "pathology",
     "problem list: oral developmental cyst (K09.0)"),
    ("ankyloglossia", "", ["D0150"], [("Ankyloglossia", "Q38.1")], "frenum", "problem list: ankyloglossia (Q38.1)"),
    ("jaw-fracture", "", ["D0140"], [("Fx mandible", "S02.609A")], "trauma",
     "problem list: mandible fracture (S02.609A)"),
    ("leukoplakia-no-procedures", "", [], [("Leukoplakia", "K13.21")], "pathology",
     "problem list: leukoplakia / oral epithelial change (K13.21)"),
    ("awaiting-transplant", "", [], [("Awaiting kidney tx", "Z76.82")], "clearance",
     "problem list: awaiting organ transplant (Z76.82)"),
    # offices often leave the code empty and type the name their own way
    ("uncoded-osa-caps", "", ["D9310"], [("OSA", "")], "sleep", "problem list: OSA"),
    ("uncoded-tongue-tie-caps", "", ["D0140"], [("TONGUE TIE", "")], "frenum", "problem list: TONGUE TIE"),
    ("uncoded-typo", "", ["D0140"], [("ankyloglosia", "")], "frenum", "problem list: ankyloglosia"),
    ("uncoded-tmj-arthralgia", "", ["D0150"], [("tmj arthralgia L", "")], "tmd", "problem list: tmj arthralgia L"),
    ("uncoded-cyst-shorthand", "", ["D0140"], [("cyst L mand", "")], "pathology", "problem list: cyst L mand"),
]


@pytest.mark.parametrize(
    ("note", "procs", "problems", "category", "fired"),
    [c[1:] for c in PROBLEM_ALONE],
    ids=[c[0] for c in PROBLEM_ALONE],
)
def test_a_specific_current_problem_alone_prompts(decide, categories_of, note, procs, problems, category, fired):
    decision = decide(note, procs, problems)
    assert categories_of(decision) == {category: "possible"}, decision
    assert decision.fired_by == (fired,)
    assert decision.primary.evidence[0].source in ("procedure", "problem")


# (id, note, procedures, problems): the problem list alone must stay quiet here
PROBLEM_ALONE_SILENT = [
    ("hypertension", "", ["D0150"], [("Hypertension", "I10")]),
    ("diabetes", "", ["D0140"], [("Diabetes type 2", "E11.9")]),
    ("osa-at-a-cleaning", "", ["D1110", "D0120"], [("OSA", "G47.33")]),
    ("osa-recall-note", "recall", ["D0150"], [("Obstructive sleep apnea", "G47.33")]),
    ("osa-recall-caps", "6 MO RECALL, BWX", ["D0140"], [("OSA", "")]),
    ("osa-on-cpap", "OSA - uses CPAP nightly, doing great", ["D0150"], [("OSA", "G47.33")]),
    ("tmj-unspecified", "", ["D0150"], [("TMJ disorder", "M26.609")]),
    ("tmj-vague-name", "", ["D0140"], [("TMJ", "")]),
    ("fracture-sequela", "", ["D0140"], [("Old mandible fracture", "S02.609S")]),
    ("bisphosphonate", "", ["D0150"], [("On bisphosphonate", "Z79.83")]),
    ("transplant-status", "", ["D0140"], [("Kidney transplant status", "Z94.0")]),
    ("impacted-teeth", "", ["D0140"], [("Impacted teeth", "K01.1")]),
    ("tooth-fracture-history", "", ["D0140"], [("Fractured tooth", "S02.5XXA")]),
    ("cancer-history", "", ["D0150"], [("Hx cancer lateral tongue", "C02.1")]),
    ("cyst-elsewhere", "", ["D0140"], [("ovarian cyst", "")]),
    ("cyst-at-a-filling", "", ["D2391"], [("Jaw cyst", "M27.40")]),
]


@pytest.mark.parametrize(
    ("note", "procs", "problems"), [c[1:] for c in PROBLEM_ALONE_SILENT], ids=[c[0] for c in PROBLEM_ALONE_SILENT]
)
def test_general_history_or_routine_problems_stay_quiet(decide, note, procs, problems):
    decision = decide(note, procs, problems)
    assert not decision.flagged, decision


def test_why_a_specific_problem_did_not_count_is_said(decide):
    at_cleaning = decide("", ["D1110"], [("OSA", "G47.33")])
    assert "procedures are about something else" in at_cleaning.suppressed[0].detail
    at_recall = decide("recall", ["D0150"], [("OSA", "G47.33")])
    assert "calls the visit routine" in at_recall.suppressed[0].detail
    chronic = decide("", ["D0150"], [("Hypertension", "I10"), ("On bisphosphonate", "Z79.83")])
    problems = [e for e in chronic.suppressed if e.source == "problem"]
    assert problems and all("problem list only, nothing at this visit" in e.detail for e in problems)


@pytest.mark.parametrize(
    ("note", "procs", "problems", "fired"),
    [
        ("", ["D7880"], [], ("procedure D7880",)),
        ("LOE: tongue tie, baby not latching", [], [], ('note: "tongue tie"',)),
        ("", ["D9944"], [("Myalgia of masticatory muscles", "M79.11")],
         ("procedure D9944", "problem list: masticatory muscle myalgia (M79.11)")),
        ("Guard for pt w/ R TMJ pain", ["D9944"], [], ("procedure D9944", 'note: "TMJ pain"')),
    ],
    ids=["code-alone", "note-alone", "code-and-problem", "code-and-note"],
)
def test_each_flag_says_what_fired_it(decide, note, procs, problems, fired):
    assert decide(note, procs, problems).fired_by == fired


def test_reasons_and_every_category_carry_their_sources(decide):
    decision = decide("also white patch L lat tongue", ["D7880"], [("Ankyloglossia", "Q38.1")])
    by_category = {c.category: c.fired_by for c in decision.categories}
    assert by_category["tmd"] == ("procedure D7880",)
    assert by_category["pathology"] == ('note: "white patch"',)
    assert "fired by: procedure D7880" in "\n".join(format_reasons(decision))


def test_films_and_tests_taken_at_an_exam_keep_the_visit_about_the_problem(decide, categories_of):
    """A limited exam with a periapical film and a photo is still an evaluation of what the list names."""
    decision = decide("", ["D0140", "D0220", "D0350"], [("Cellulitis of face", "L03.211")])
    assert categories_of(decision) == {"infection": "possible"}, decision
    assert not decide("", ["D0140", "D0220", "D2391"], [("Cellulitis of face", "L03.211")]).flagged
