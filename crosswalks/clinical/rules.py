"""The rules of clinical reading, loaded once from crosswalks/data/clinical_text.yaml."""
from __future__ import annotations

import functools
from importlib import resources

import yaml

from crosswalks.loader import CrosswalkError


@functools.cache
def load_clinical_rules() -> dict:
    """The parsed rules file; callers take their part (`dates`, `context`, `sections`, `layout`, `credentials`)."""
    text = resources.files("crosswalks").joinpath("data", "clinical_text.yaml").read_text(encoding="utf-8")
    rules = yaml.safe_load(text)
    missing = {"dates", "context", "sections", "layout", "credentials"} - set(rules)
    if missing:
        raise CrosswalkError(f"clinical_text.yaml lacks {', '.join(sorted(missing))}")
    return rules


def clinical_abbreviations() -> dict[str, str]:
    """Short forms offices write and the words they stand for (`abbreviations`; letters only)."""
    found = load_clinical_rules().get("abbreviations") or {}
    bad = [short for short in found if not str(short).isalpha() or not str(found[short]).strip()]
    if bad:
        raise CrosswalkError(f"clinical_text.yaml abbreviations: {', '.join(map(str, bad))} must be letters with a meaning")
    return {str(short).lower(): str(long) for short, long in found.items()}


def context_cue_phrases() -> tuple[str, ...]:
    """Every cue phrase our context rules name (not medspaCy's own), for readers that must leave
    these words as written (the flagger's typo tolerance)."""
    phrases = []
    for directions in load_clinical_rules()["context"]["rules"].values():
        for entries in directions.values():
            phrases.extend(entry if isinstance(entry, str) else entry["literal"] for entry in entries)
    return tuple(phrases)
