"""Licensing: CDT/CPT codes ship with our own short labels only; practices may load licensed descriptors."""
from __future__ import annotations

import csv

import pytest

from crosswalks import CrosswalkError, clear_cache, load_crosswalk
from crosswalks.billing import DESCRIPTORS_ENV
from crosswalks.reading import LABEL_MAX

# AMA/ADA descriptors are long sentences; ours are a few words. A label this long was pasted.
MAX_WORDS = 10


@pytest.fixture(scope="module")
def b():
    return load_crosswalk().billing


def test_every_cdt_and_cpt_code_has_our_own_short_label(b):
    for code in b.medical_codes:
        assert code.label, code.code
        assert len(code.label) <= LABEL_MAX, code.code
        if code.system in ("CDT", "CPT"):
            assert len(code.label.split()) <= MAX_WORDS, f"{code.code}: {code.label!r} looks like a descriptor"


def test_every_mapped_cdt_and_claim_code_has_a_label(b):
    codes = {c.cdt for c in b.claim_codes} | {c.code for c in b.claim_codes}
    assert all(b.code(c) and b.code(c).label for c in codes)


def test_no_shipped_label_is_a_long_descriptor(b):
    labels = [h.label for h in b.diagnosis_hints] + [m.label for m in b.medical_codes]
    labels += [r.label for r in (*b.support_rules, *b.attachment_rules, *b.element_rules)]
    assert labels and max(len(label) for label in labels) <= LABEL_MAX


def test_loader_rejects_a_pasted_descriptor(load_problems, data_copy):
    path = data_copy / "medical_codes.csv"
    text = path.read_text(encoding="utf-8")
    pasted = "Biopsy of the vestibule of the mouth performed by a qualified provider with closure of the site"
    assert len(pasted) > LABEL_MAX
    path.write_text(text.replace("biopsy of mouth vestibule", pasted, 1), encoding="utf-8")
    assert any("medical_codes.csv" in p and "column 'label'" in p for p in load_problems(data_copy))


def _write_descriptors(path, rows):
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["code", "system", "descriptor"])
        writer.writerows(rows)
    return path


LICENSED = "Licensed descriptor text for test purposes, long enough to exceed our own label cap of eighty chars"


def test_descriptor_file_replaces_our_label(tmp_path, b):
    path = _write_descriptors(tmp_path / "licensed.csv", [("21299", "CPT", LICENSED), ("D7880", "CDT", "Licensed D")])
    licensed = load_crosswalk(descriptors=path).billing
    assert licensed.label("21299") == LICENSED
    assert licensed.label("d7880") == "Licensed D"
    assert licensed.label("E0486") == b.label("E0486") == b.code("E0486").label  # not in the file: ours
    assert b.label("21299") == b.code("21299").label != LICENSED  # the shipped crosswalk is unchanged
    assert b.label("99999") == ""


def test_descriptor_file_from_environment(tmp_path, monkeypatch):
    path = _write_descriptors(tmp_path / "env.csv", [("41899", "CPT", LICENSED)])
    monkeypatch.setenv(DESCRIPTORS_ENV, str(path))
    clear_cache()
    try:
        assert load_crosswalk().billing.label("41899") == LICENSED
    finally:
        monkeypatch.delenv(DESCRIPTORS_ENV)
        clear_cache()
    assert load_crosswalk().billing.label("41899") != LICENSED


@pytest.mark.parametrize(
    ("rows", "words"),
    [
        ([("21299", "AMA", "x")], "column 'system'"),
        ([("2129", "CPT", "x")], "not shaped like a CPT"),
        ([("21299", "CPT", "")], "column 'descriptor'"),
        ([("21299", "CPT", "a"), ("21299", "CPT", "b")], "listed twice"),
    ],
)
def test_bad_descriptor_file(tmp_path, rows, words):
    path = _write_descriptors(tmp_path / "bad.csv", rows)
    with pytest.raises(CrosswalkError) as info:
        load_crosswalk(descriptors=path)
    assert any(p.startswith("bad.csv line") and words in p for p in info.value.problems)


def test_missing_descriptor_file(tmp_path):
    with pytest.raises(CrosswalkError) as info:
        load_crosswalk(descriptors=tmp_path / "absent.csv")
    assert any("file is missing" in p for p in info.value.problems)
