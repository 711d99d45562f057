"""The narrative vocabulary (`vocabulary.yaml` beside the templates): labels, units and sentences per fact.

Wording is data a practice may change with its templates; this module only reads it and turns
a fact's stored value into words.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from docservice.narratives.values import format_date, format_number, is_blank, parse_date

VOCABULARY_FILE = "vocabulary.yaml"


@dataclass(frozen=True)
class FactWording:
    """How one fact reads: its label, unit, and sentences for a denied or past finding."""

    name: str
    label: str
    unit: str = ""
    negated: str = ""
    historical: str = ""
    note: str = ""


@dataclass(frozen=True)
class Vocabulary:
    facts: dict[str, FactWording]
    generic_negated: str
    generic_historical: str
    values: dict[str, str] = field(default_factory=dict)
    # category -> (short name of the condition, facts to quote most important first)
    claim_note: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    documents: dict[str, dict[str, str]] = field(default_factory=dict)
    manual: dict[str, str] = field(default_factory=dict)

    def wording(self, name: str) -> FactWording:
        """The wording of a fact; an unknown fact name reads as itself."""
        return self.facts.get(name) or FactWording(name=name, label=name.replace("_", " "))

    def value_words(self, value: str) -> str:
        return self.values.get(value, value.replace("_", " "))

    def document_label(self, kind: str | None) -> str:
        return self.documents.get(kind or "other", self.documents.get("other", {})).get("label", "Supporting record")

    def document_short(self, kind: str | None) -> str:
        return self.documents.get(kind or "other", self.documents.get("other", {})).get("short", "records")

    def format_value(self, name: str, value: Any) -> str:
        """A fact's stored value in words ("32 mm", "March 2, 2026", "Dr. A (NPI 123...)"), "" when blank."""
        if is_blank(value) or value is True:
            return ""
        unit = self.wording(name).unit
        if isinstance(value, bool):
            return "no"
        if isinstance(value, (int, float)):
            return f"{format_number(value)} {unit}".strip()
        if isinstance(value, dict):
            return self._format_mapping(value)
        if isinstance(value, (list, tuple)):
            items = [self.format_value(name, item) for item in value if not is_blank(item)]
            if name == "teeth_involved":
                items = [f"#{item}" for item in items]
            return ", ".join(items)
        text = str(value).strip()
        parsed = parse_date(text) if name.endswith("_date") else None
        if parsed:
            return format_date(parsed)
        return self.value_words(text)

    def _format_mapping(self, value: dict) -> str:
        if "sound" in value:
            side = value.get("side")
            sound = self.value_words(str(value["sound"]))
            return f"{sound} ({side})" if side else sound
        name = value.get("name") or value.get("by") or ""
        parts = [str(name)] if name else []
        if value.get("specialty"):
            parts.append(str(value["specialty"]))
        if value.get("npi"):
            parts.append(f"NPI {value['npi']}")
        return ", ".join(parts)


@functools.lru_cache(maxsize=8)
def load_vocabulary(path: Path) -> Vocabulary:
    """Read and cache a vocabulary file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    facts = {
        name: FactWording(name=name, **{key: str(text) for key, text in (entry or {}).items()})
        for name, entry in (data.get("facts") or {}).items()
    }
    generic = data.get("generic") or {}
    return Vocabulary(
        facts=facts,
        generic_negated=generic.get("negated", "The records document the absence of {{ label }}."),
        generic_historical=generic.get("historical", "History of {{ label }}."),
        values={str(k): str(v) for k, v in (data.get("values") or {}).items()},
        claim_note={
            k: (str((v or {}).get("label") or ""), tuple((v or {}).get("facts") or ()))
            for k, v in (data.get("claim_note") or {}).items()
        },
        documents={str(k): dict(v) for k, v in (data.get("documents") or {}).items()},
        manual={str(k): str(v) for k, v in (data.get("manual") or {}).items()},
    )
