"""The claim builder's reading rules (`vocabulary.yaml`): which fact answers each condition of a
code candidate, and the claim-form mappings (laterality modifiers, accident relation, onset facts,
states). The words of a procedure's description that settle a condition are crosswalk data
(`crosswalks/data/wording.yaml`), shared with the checks. Loaded once; a malformed file fails loudly.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

VOCABULARY_FILE = Path(__file__).resolve().parent / "vocabulary.yaml"


@dataclass(frozen=True)
class ConditionSource:
    name: str
    fact: str  # the fact that answers it; "" when only the procedure or payer can
    label: str  # how a person names it in a why
    words_first: bool  # the procedure's description outranks the documents


@dataclass(frozen=True)
class Vocabulary:
    conditions: dict[str, ConditionSource]
    laceration_small_max_cm: float
    surfaces: dict[str, dict[str, str]]
    laterality_modifiers: dict[str, str]
    accident_related: dict[str, str]
    accident_related_default: str
    onset_facts: tuple[str, ...]
    injury_categories: frozenset[str]
    states: frozenset[str]


@functools.cache
def load_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    conditions = {
        name: ConditionSource(
            name=name,
            fact=str(item.get("fact") or ""),
            label=str(item["label"]),
            words_first=bool(item.get("words_first", True)),
        )
        for name, item in raw["conditions"].items()
    }
    return Vocabulary(
        conditions=conditions,
        laceration_small_max_cm=float(raw["laceration_small_max_cm"]),
        surfaces={str(key).upper(): dict(value) for key, value in raw["surfaces"].items()},
        laterality_modifiers={str(k): str(v) for k, v in raw["laterality_modifiers"].items()},
        accident_related={str(k): str(v) for k, v in raw["accident_related"].items()},
        accident_related_default=str(raw["accident_related_default"]),
        onset_facts=tuple(raw["onset_facts"]),
        injury_categories=frozenset(raw["injury_categories"]),
        states=frozenset(str(state).upper() for state in raw["states"]),
    )

