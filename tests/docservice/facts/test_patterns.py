"""patterns.yaml is checked against the vocabulary when it loads; value parsing helpers."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from crosswalks.clinical.dates import parse_date
from crosswalks.clinical.teeth import teeth_in
from docservice.facts import values
from docservice.facts.patterns import PATTERNS_FILE, PatternFileError, load_patterns
from docservice.facts.vocabulary import VOCABULARY


def write_variant(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(PATTERNS_FILE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "patterns.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_shipped_patterns_cover_the_vocabulary():
    patterns = load_patterns()
    assert {rule.name for rule in patterns.rules} == set(VOCABULARY)
    assert all(rule.kind == VOCABULARY[rule.name] for rule in patterns.rules)


def test_shipped_patterns_reload_unchanged_from_a_copy(tmp_path):
    assert len(load_patterns(write_variant(tmp_path, lambda data: None)).rules) == len(load_patterns().rules)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["facts"].append({"name": "shoe_size", "kind": "number", "patterns": ["x"]}), "shoe_size"),
        (lambda d: d["facts"][0].update(kind="text"), "kind must be"),
        (lambda d: d["facts"][0].update(patterns=["(unclosed"]), "invalid regex"),
        (lambda d: d["facts"][0].update(patterns=["{nonsense}"]), "Unknown macro"),
        (lambda d: d["facts"].pop(), "No rule reads"),
        (lambda d: d["facts"][0].update(colour="red"), "unknown keys"),
        (lambda d: next(r for r in d["facts"] if r["name"] == "jaw")["terms"].update(skull=["skull"]), "not in the vocabulary"),
        (lambda d: d["facts"][0].update(patterns=[{"re": "x", "colour": "red"}]), "unknown keys"),
        (lambda d: d["facts"][0].update(kinds="sleep_study"), "kinds must be a list"),
        (lambda d: d["facts"][0].update(header="(unclosed"), "invalid regex"),
        (lambda d: next(r for r in d["facts"] if r["name"] == "injury_mechanism").update(outranks={"skiing": ["fall"]}),
         "outranks names"),
    ],
)
def test_broken_pattern_file_is_refused_with_the_rule_named(tmp_path, change, message):
    with pytest.raises(PatternFileError, match=message):
        load_patterns(write_variant(tmp_path, change))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03/14/2026", date(2026, 3, 14)),
        ("3-14-26", date(2026, 3, 14)),
        ("March 14, 2026", date(2026, 3, 14)),
        ("2026-03-14", date(2026, 3, 14)),
        ("14 Mar 2026", date(2026, 3, 14)),
        ("13/45/2026", None),
        ("02/30/2026", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_durations_and_since():
    assert values.duration_days("8", "months") == 240
    assert values.duration_days("two", "weeks") == 14
    assert values.duration_days("1.5", "years") == 548
    assert values.days_since("January", date(2026, 3, 1)) == 59
    assert values.days_since("November", date(2026, 3, 1)) == 120  # last November, not next
    assert values.days_since("January", None) is None


def test_teeth_lists_and_ranges():
    assert teeth_in("#8 and #9") == ["8", "9"]
    assert teeth_in("#7-#10") == ["7", "8", "9", "10"]
    assert teeth_in("E, F") == ["E", "F"]
    assert teeth_in("#40") == []


def test_person_name_drops_title_and_credentials():
    assert values.person_name("Dr. Test Sleepwell, MD") == "Test Sleepwell"
    assert values.person_name("Test A. Orderly, D.O.") == "Test A. Orderly"
