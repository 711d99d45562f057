"""Context of a finding in clinical text: each class, cues before and after, sections, pseudo-cues."""
from __future__ import annotations

import pytest

from crosswalks.clinical.context import CONTEXTS, read_contexts


def context_of(text: str, words: str) -> tuple[str, str]:
    start = text.index(words)
    found = read_contexts(text, [(start, start + len(words))])[0]
    return found.context, found.section


@pytest.mark.parametrize(("text", "words", "expected"), [
    # present
    ("Pt reports loud snoring nightly.", "snoring", "present"),
    ("Bed partner reports loud snoring.", "snoring", "present"),
    ("Wife notes witnessed apneas.", "witnessed apneas", "present"),
    # negated: cue before, cue after, all caps, a list
    ("Patient denies daytime sleepiness.", "daytime sleepiness", "negated"),
    ("NO COMPLAINT OF JAW PAIN, CLICKING ONLY", "JAW PAIN", "negated"),
    ("Hinge mechanism is NOT required for this device.", "Hinge", "negated"),
    ("Joint crepitus: absent.", "crepitus", "negated"),
    ("Negative for fever, chills or trismus.", "trismus", "negated"),
    ("TMJ exam: no clicking.", "clicking", "negated"),
    # narrowed: the denial names a grade or a site, so only that narrower finding is denied
    ("EXTRA-ORAL: no swelling noted", "swelling", "narrowed"),
    ("Denies submandibular tenderness.", "tenderness", "narrowed"),
    ("Study not consistent with moderate or severe OSA.", "OSA", "narrowed"),
    ("No buccal swelling; lymph nodes not palpable.", "buccal swelling", "narrowed"),
    ("Denies jaw pain at rest, worse with chewing.", "jaw pain", "narrowed"),
    ("NO COMPLAINT OF JAW PAIN TODAY", "JAW PAIN", "narrowed"),
    ("No other suspicious lesions noted.", "lesions", "narrowed"),
    # family
    ("Family history: hypertension in father.", "hypertension", "family"),
    ("FHx: mother with diabetes", "diabetes", "family"),
    # historical
    ("History of hypertension.", "hypertension", "historical"),
    # resolved
    ("History of fractured incisor, healed.", "fractured", "resolved"),
    ("Jaw pain has since resolved.", "Jaw pain", "resolved"),
    # hypothetical: planned, conditional, asked about
    ("If the swelling spreads, return to the ER.", "swelling", "hypothetical"),
    ("Pt asks about a snoring device for her husband.", "snoring", "hypothetical"),
    # suspected: a work-up, not an established finding
    ("Rule out obstructive sleep apnea.", "obstructive sleep apnea", "suspected"),
    ("Radiolucency distal #17, probable dentigerous cyst.", "dentigerous cyst", "suspected"),
    ("Crack in the root suspected.", "Crack", "suspected"),
    # post-operative
    ("Post-op: opening 44 mm.", "opening", "postoperative"),
])
def test_each_context_class(text, words, expected):
    assert expected in CONTEXTS
    assert context_of(text, words)[0] == expected


def test_a_new_clause_ends_a_negation():
    text = "Denies fever, reports facial swelling."
    assert context_of(text, "fever")[0] == "negated"
    assert context_of(text, "swelling")[0] == "present"


def test_a_duration_is_not_a_past_history():
    assert context_of("Three-month history of a white patch on the tongue.", "white patch")[0] == "present"


@pytest.mark.parametrize("text", [
    "Pt unable to tolerate CPAP.",
    "No improvement with splint therapy.",
    "Ulcer not healing after 3 weeks.",
])
def test_pseudo_cues_leave_the_finding_present(text):
    words = {"CPAP": "CPAP", "splint": "splint", "Ulcer": "Ulcer"}
    word = next(w for w in words if w in text)
    assert context_of(text, word)[0] == "present"


def test_a_heading_alone_heads_the_lines_below_it():
    text = "PAST MEDICAL HISTORY:\nHypertension\nStroke\nFAMILY HISTORY:\nDiabetes\n\nIMPRESSION\nModerate OSA"
    assert context_of(text, "Stroke") == ("historical", "past_medical_history")
    assert context_of(text, "Diabetes") == ("family", "family_history")
    assert context_of(text, "Moderate OSA") == ("present", "impression")


def test_a_heading_with_its_content_heads_only_its_line():
    text = "PMH: HTN. Reports daytime sleepiness.\nEpworth score 15"
    assert context_of(text, "HTN")[0] == "historical"
    assert context_of(text, "daytime sleepiness") == ("present", "")
    assert context_of(text, "Epworth") == ("present", "")


def test_own_cue_beats_the_section():
    assert context_of("FAMILY HISTORY:\nDenies diabetes.", "diabetes")[0] == "negated"


def test_spans_are_answered_in_order_and_empty_ones_are_present():
    text = "Denies pain. Reports clicking."
    found = read_contexts(text, [(text.index("clicking"), text.index("clicking") + 8), (0, 0), (7, 11)])
    assert [f.context for f in found] == ["present", "present", "negated"]
    assert read_contexts(text, []) == []


@pytest.mark.parametrize(("text", "words", "expected"), [
    ("Discussed excisional biopsy of the papilloma, pt declined.", "biopsy", "negated"),
    ("Mother refused frenotomy for the baby.", "frenotomy", "negated"),
    ("Dental clearance prior to kidney transplant.", "kidney transplant", "present"),
    ("Prior fracture of #9, restored.", "fracture", "historical"),
])
def test_turned_down_is_not_done_and_prior_to_looks_ahead(text, words, expected):
    assert context_of(text, words)[0] == expected
