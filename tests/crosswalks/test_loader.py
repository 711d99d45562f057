"""The crosswalk loader: the shipped data is valid, and bad data fails loudly and precisely."""
from __future__ import annotations


import pytest

from crosswalks import CrosswalkError, load_crosswalk
from crosswalks.loader import expand_pattern, icd10_items


@pytest.fixture(scope="module")
def cw():
    return load_crosswalk()


# ------------------------------------------------------------------------------------ shipped data


def test_shipped_data_loads(cw):
    assert {"sleep", "tmd", "trauma", "pathology", "impacted", "infection", "bone_graft", "frenum",
            "clearance", "imaging", "maxillofacial"} <= set(cw.category_ids)
    assert cw.procedures and cw.problems and cw.note_terms and cw.note_exclusions
    assert load_crosswalk() is cw  # cached


def test_every_category_has_needs_and_is_used(cw):
    used = {r.category for r in cw.procedures} | {t.category for t in cw.note_terms}
    for category in cw.categories:
        assert category.needs and category.need_labels[0]
        assert category.id in used, f"{category.id} has no procedure or note rule"


def test_cdt_ranges_expand_in_numeric_order(cw):
    rule = next(r for r in cw.procedures if r.id == "pathology-cdt-excision")
    assert rule.codes[:6] == ("D7410", "D7411", "D7412", "D7413", "D7414", "D7415")
    assert rule.codes[-1] == "D7465"
    trauma = next(r for r in cw.procedures if r.id == "trauma-cdt-restorative")
    assert len(trauma.codes) == 1000 and trauma.codes[0] == "D2000" and trauma.codes[-1] == "D2999"


def test_requires_are_parsed(cw):
    rule = next(r for r in cw.procedures if r.id == "imaging-cdt-pano")
    assert "note:tmd" in [str(r) for r in rule.requires]
    assert "clearance" in [str(r) for r in rule.requires]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_icd10_items_are_valid_icd10cm():
    """Every code, prefix and range endpoint is a valid ICD-10-CM item (April 2026 tabular)."""
    import simple_icd_10_cm as icd

    cw = load_crosswalk()
    bad = [(r.id, item) for r in cw.problems for item in icd10_items(r.icd10) if not icd.is_valid_item(item)]
    assert bad == []


def test_problem_rule_matching(cw):
    rule = next(r for r in cw.problems if r.id == "tmd-icd-m266")
    assert rule.match_length("M26.621") == 4 and rule.match_length("m26.60") == 4
    assert rule.match_length("M26.5") == 0
    cancer = next(r for r in cw.problems if r.id == "pathology-icd-oral-cancer")
    assert cancer.match_length("C02.1") == 3 and cancer.match_length("C07") == 0


def test_labels_are_short_and_ids_prefixed(cw):
    rows = [*cw.procedures, *cw.problems, *cw.note_terms, *cw.note_exclusions]
    for row in rows:
        assert row.id.startswith(row.category + "-")
        assert len(row.label) <= 80
        assert row.source and row.confidence in "HML"
    assert len({r.id for r in rows}) == len(rows)
    assert cw.category_of_rule("bone_graft-icd-k082") == "bone_graft"


def test_expand_pattern():
    assert expand_pattern("jaw {pain,ache}") == ["jaw pain", "jaw ache"]
    assert expand_pattern("pain in {the ,}jaw") == ["pain in the jaw", "pain in jaw"]
    assert expand_pattern("=MAD") == ["=MAD"]
    assert expand_pattern("tongue-tie") == ["tongue tie"]
    for bad in ("jaw {pain", "jaw pain}", "{a,{b}}"):
        with pytest.raises(ValueError):
            expand_pattern(bad)


# ------------------------------------------------------------------------------------ bad data


def test_copied_data_loads(data_copy):
    assert load_crosswalk(data_copy).category_ids


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("tmd-cdt-x1,D9999,tmdd,strong,,x,src,H", "category", "unknown category 'tmdd'"),
        ("tmd-cdt-x1,D9999,tmd,strongish,,x,src,H", "strength", "'strongish' is not one of"),
        ("tmd-cdt-x1,D9999,tmd,strong,,x,src,Q", "confidence", "'Q' is not one of H, M, L"),
        ("tmd-cdt-x1,D999,tmd,strong,,x,src,H", "cdt", "not a CDT code"),
        ("tmd-cdt-x1,D7415-D7410,tmd,strong,,x,src,H", "cdt", "does not go up"),
        ("tmd-cdt-x1,7410-D7415,tmd,strong,,x,src,H", "cdt", "not a CDT range"),
        ("tmd-cdt-x1,D9999,tmd,strong,,x,,H", "source", "missing"),
        ("tmd-cdt-x1,D9999,tmd,possible,note:tmdd,x,src,H", "requires", "unknown category 'tmdd'"),
        ("tmd-cdt-x1,D9999,tmd,possible,chart:tmd,x,src,H", "requires", "source must be"),
        ("sleep-cdt-x1,D9999,tmd,strong,,x,src,H", "id", "must start with its category"),
        ("tmd-cdt-d7880,D9999,tmd,strong,,x,src,H", "id", "already used"),
        ("tmd-cdt-x1,D7880,tmd,strong,,x,src,H", "cdt", "D7880 is already mapped to tmd"),
        ("tmd-cdt-x1,D9999,tmd,strong,,,src,H", "label", "missing"),
    ],
)
def test_bad_procedure_row(datafiles, load_problems, data_copy, row, column, words):
    path = data_copy / "flag_procedures.csv"
    datafiles.append(path, row + "\n")
    found = load_problems(data_copy)
    line = datafiles.line_count(path)
    assert any(
        p.startswith(f"flag_procedures.csv line {line}, column '{column}'") and words in p for p in found
    ), found


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("tmd-icd-x1,M26.6X9Z9,tmd,strong,x,src,H", "icd10", "not an ICD-10-CM code"),
        ("tmd-icd-x1,C00-D06,tmd,strong,x,src,H", "icd10", "same length and letter"),
        ("tmd-icd-x1,C06-C00,tmd,strong,x,src,H", "icd10", "does not go up"),
        ("tmd-icd-x1,R68.84,tmd,maybe,x,src,H", "strength", "'maybe' is not one of"),
        ("tmd-icd-x1,R68.84,jaw,strong,x,src,H", "category", "unknown category 'jaw'"),
        ("tmd-icd-x1,R68.84,tmd,strong,x,src,", "confidence", "is not one of H, M, L"),
    ],
)
def test_bad_problem_row(datafiles, load_problems, data_copy, row, column, words):
    path = data_copy / "flag_problems.csv"
    datafiles.append(path, row + "\n")
    found = load_problems(data_copy)
    line = datafiles.line_count(path)
    assert any(p.startswith(f"flag_problems.csv line {line}, column '{column}'") and words in p for p in found), found


def test_wrong_cell_count_and_header(datafiles, load_problems, data_copy):
    datafiles.append(data_copy / "flag_problems.csv", "tmd-icd-x1,R68.84,tmd\n")
    datafiles.replace(data_copy / "flag_procedures.csv", "id,cdt,category", "id,code,category")
    found = load_problems(data_copy)
    assert any("flag_problems.csv" in p and "has 3 cells" in p for p in found)
    assert any("flag_procedures.csv line" in p and "header lacks column(s) cdt" in p for p in found)


def test_all_errors_reported_at_once(datafiles, load_problems, data_copy):
    datafiles.append(data_copy / "flag_procedures.csv", "tmd-cdt-x1,D999,tmd,strong,,x,src,H\ntmd-cdt-x2,D9998,tmd,wrong,,x,src,H\n")
    found = load_problems(data_copy)
    assert len(found) >= 2
    assert "2 problem(s)" in str(CrosswalkError(found[:2]))


def test_bad_category_yaml(datafiles, load_problems, data_copy):
    datafiles.replace(data_copy / "categories.yaml", "confidence: H\n    needs:", "confidence: X\n    needs:")
    datafiles.replace(data_copy / "categories.yaml", "kind: order, pwk: [B3, DB]", "kind: letter, pwk: [B3, DB]")
    found = load_problems(data_copy)
    assert any(p.startswith("categories.yaml line") and "column 'confidence'" in p for p in found), found
    assert any("column 'kind'" in p and "'letter'" in p for p in found), found


@pytest.mark.parametrize(
    ("old", "new", "column", "words"),
    [
        ("        level: specific\n        label: oral appliance", "        level: specificish\n        label: oral appliance", "level", "'specificish'"),
        ('          - "=OAT"\n', '          - "{OAT"\n', "patterns", "unclosed"),
        ("        source: \"billing-ref §1.2 workflow\"\n", "", "source", "missing"),
        ("        scope: clause\n        patterns:\n          - \"{uses", "        scope: paragraph\n        patterns:\n          - \"{uses", "scope", "'paragraph'"),
        ("        terms: [tmd-note-trismus, tmd-note-jaw]\n", "        terms: [tmd-note-nope]\n", "terms", "'tmd-note-nope' is not a term id"),
        ("  orthognathic:\n    terms:", "  orthodontic:\n    terms:", "category", "unknown category 'orthodontic'"),
        ("        in_problem: strong\n        label: sleep apnea", "        in_problem: maybe\n        label: sleep apnea", "in_problem", "'maybe'"),
    ],
)
def test_bad_note_terms(datafiles, load_problems, data_copy, old, new, column, words):
    datafiles.replace(data_copy / "flag_note_terms.yaml", old, new)
    found = load_problems(data_copy)
    assert any(
        p.startswith("flag_note_terms.yaml line") and f"column '{column}'" in p and words in p for p in found
    ), found


def test_invalid_yaml_names_the_line(datafiles, load_problems, data_copy):
    datafiles.append(data_copy / "flag_note_terms.yaml", "  broken: [unclosed\n")
    found = load_problems(data_copy)
    assert found[0].startswith("flag_note_terms.yaml line") and "not valid YAML" in found[0]


def test_missing_file(load_problems, data_copy):
    (data_copy / "flag_problems.csv").unlink()
    assert any(p.startswith("flag_problems.csv") and "file is missing" in p for p in load_problems(data_copy))


def test_missing_directory(tmp_path):
    with pytest.raises(CrosswalkError):
        load_crosswalk(tmp_path / "nope")
