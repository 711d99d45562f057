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


def context_cue_phrases() -> tuple[str, ...]:
    """Every cue phrase our context rules name (not medspaCy's own), for readers that must leave
    these words as written (the flagger's typo tolerance)."""
    phrases = []
    for directions in load_clinical_rules()["context"]["rules"].values():
        for entries in directions.values():
            phrases.extend(entry if isinstance(entry, str) else entry["literal"] for entry in entries)
    return tuple(phrases)
