"""How a note is read before its words are matched: capitals, shorthand and typing slips."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from plugin.flagger.reading import speller_for


@pytest.fixture(scope="module")
def speller(flagger_crosswalk):
    return speller_for(flagger_crosswalk)


@pytest.mark.parametrize(
    ("note", "category"),
    [
        ("pt wants an apnia appliance, cant tolerate cpap", "sleep"),
        ("PT C/O TMJ CLICING AND JAW PAIN", "tmd"),
        ("fracured jaw in MVA last wk", "trauma"),
        ("absess w/ facial sweling, temp 101", "infection"),
        ("white leukoplakai patch L lat tongue", "pathology"),
        ("ankyloglosia, poor latch per lactation consultant", "frenum"),
        ("clearence exam before kidney transplnt", "clearance"),
        ("f/u OSA, HST done, AHI 18", "sleep"),
        ("c/o jaw pain, s/p MVA 3 days ago", "trauma"),
        ("NP C/O TMJ PAIN, MIO 28MM", "tmd"),
    ],
)
def test_shorthand_caps_and_typos_still_fire(decide, categories_of, note, category):
    assert category in categories_of(decide(note, ["D0140"])), note


@pytest.mark.parametrize(
    ("written", "meant"),
    [("apnia", "apnea"), ("fracured", "fractured"), ("ankyloglosia", "ankyloglossia"), ("clicing", "clicking"),
     ("absess", "abscess"), ("abcess", "abscess"), ("lesoin", "lesion"), ("swolen", "swollen"),
     ("rechek", "recheck"), ("obturater", "obturator"), ("flouride", "fluoride")],
)
def test_one_slip_is_undone(speller, written, meant):
    assert speller.word(written) == meant


@pytest.mark.parametrize(
    "word",
    ["selling", "feeling", "hearing", "injected", "insured", "attached", "interval", "lesson", "threat",
     "writing", "started", "delayed", "marital", "scoring", "spelling", "shipping", "stuck", "tooth", "teeth"],
)
def test_real_words_are_left_as_written(speller, word):
    assert speller.word(word) == word


def test_what_was_written_is_what_the_reviewer_sees(decide):
    decision = decide("wants an APNIA APPLIANCE", [])
    assert decision.fired_by == ('note: "APNIA APPLIANCE"',)
    assert "read as 'apnea appliance'" in decision.primary.evidence[0].detail.lower()


def test_a_shouted_note_cannot_fire_an_exact_case_abbreviation(decide, categories_of):
    assert "sleep" not in categories_of(decide("PT WAS MAD ABOUT THE WAIT TODAY", ["D0120"]))
    assert "sleep" in categories_of(decide("delivered MAD, 3mm advancement", []))
    assert "tmd" in categories_of(decide("PT C/O JAW PAIN AND CLICKING ON OPENING", ["D0140"]))


# Words of tesseract's English dictionary that are themselves misspellings of a term word: these
# the typo tolerance may correct. Every other real word must be left alone (or only lose an ending).
KNOWN_MISSPELLINGS = set(
    """apenas assualt beacuse becasue becuase broek carck chiar completley dosent feild gaint gaurd hemlet lteter
    oredr reveiw sheild thier thrid toatl visti abcess artifical assesment becuse begining candidat carrer checkin
    complet completly continu craked evaluat extrem finshed followin follwing folowing machin missin mornin movment
    playin poping poppin practic refered replacment severly shoppin standin startin stiches stoped symtoms syndrom
    transplan trating treatin waitin wating wearin arround beacause beeing beggin behing dential didnot doesent
    doesnot equipement equiptment haematology leukaemia mouvement painfull persion persone proceedure suport teenth
    terial torial totaal upcomming useing clearence persistant speach symdrome sistem moniter amoxycillin
    hospitalised fener injurv katate defekt lazer noize doktor nasil ranqe recht ficial merical sentation chosing
    fallin implantes creck""".split()
)


def _only_an_ending(word: str, meant: str) -> bool:
    for longer, shorter in ((word, meant), (meant, word)):
        if any(longer == shorter + end for end in ("s", "es", "d", "ed", "r", "er", "ing", "y", "ly", "n")):
            return True
    return False


@pytest.fixture(scope="module")
def english_words(tmp_path_factory) -> list[str]:
    if not (shutil.which("combine_tessdata") and shutil.which("dawg2wordlist")):
        pytest.skip("tesseract's tools are not installed")
    data = next(iter(Path("/usr/share/tesseract-ocr").glob("*/tessdata/eng.traineddata")), None)
    if data is None:
        pytest.skip("tesseract's English data is not installed")
    work = tmp_path_factory.mktemp("eng")
    subprocess.run(["combine_tessdata", "-u", str(data), str(work / "eng.")], check=True, capture_output=True)
    out = work / "words.txt"
    subprocess.run(
        ["dawg2wordlist", str(work / "eng.lstm-unicharset"), str(work / "eng.lstm-word-dawg"), str(out)],
        check=True, capture_output=True,
    )
    return [w for w in out.read_text().split() if w.isascii() and w.isalpha() and w.islower()]


@pytest.mark.slow
def test_no_english_word_is_turned_into_a_term_word(speller, english_words):
    changed = {w: speller.word(w) for w in english_words if speller.word(w) != w and w not in speller.abbreviations}
    wrong = sorted(f"{w}>{m}" for w, m in changed.items() if w not in KNOWN_MISSPELLINGS and not _only_an_ending(w, m))
    assert wrong == [], "add these real words to spelling.keep in flag_note_terms.yaml"


@pytest.mark.parametrize(("written", "meant"), [("clr", "clearance"), ("CLRNC", "clearance"), ("hnc", "head and neck cancer")])
def test_a_short_form_the_rules_do_not_use_is_read_as_its_words(speller, written, meant):
    assert speller.read(f"pt needs {written} today").text.lower() == f"pt needs {meant} today"


def test_a_short_form_the_rules_use_is_left_as_written(speller):
    # "ext" and "fx" stand in the patterns themselves: spelling them out would hide those patterns
    assert speller.read("ext #19, fx cusp").text == "ext #19, fx cusp"


@pytest.mark.parametrize(
    ("note", "category"),
    [
        ("needs dental clr ahead of HNC radiation", "clearance"),
        ("Consulta por dolor en la mandibula y chasquido al abrir", "tmd"),
    ],
)
def test_short_forms_and_spanish_wording_fire(decide, categories_of, note, category):
    assert category in categories_of(decide(note, ["D0140"])), note
