"""How a case's evidence is resolved and judged, as data: `evidence.yaml` and `criteria.yaml`.

- `evidence.yaml`: per fact, the document kinds that speak for it with authority and whether a case
  has one value of it or many; per category, the values that drive a claim (what staff confirm);
  how a diagnosis shows in a document (its code, or its words in an impression/diagnosis section),
  and the findings a diagnosis rests on.
- `criteria.yaml`: payer criteria (the oral-appliance criteria behind KX) and the DME date sequence.

Read and validated like the other tables (`_Problems`: every bad entry named by file, line and
field). Reached as `load_crosswalk().evidence`; `load_evidence_rules()` reads just these files.
Formats: `crosswalks/data/README.md`.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from crosswalks import icd10
from crosswalks.billing import DOCUMENT_KINDS, FACT_NAMES
from crosswalks.categories import load_categories
from crosswalks.reading import DATA_DIR, _check_label, _Problems, _read_yaml, _where

FILES = {"evidence": "evidence.yaml", "criteria": "criteria.yaml"}


@dataclass(frozen=True)
class FactRule:
    """How one fact is resolved: authoritative document kinds (most authoritative first), one value or many."""

    name: str
    authority: tuple[str, ...] = ()
    many: bool = False
    label: str = ""


@dataclass(frozen=True)
class DiagnosisWords:
    """How documents name the diagnoses under `icd_prefixes`, and the findings those diagnoses rest on."""

    id: str
    icd_prefixes: tuple[str, ...]
    words: tuple[str, ...]
    findings: tuple[str, ...] = ()
    source: str = ""
    confidence: str = "M"
    # Document kinds that establish the diagnosis (a sleep study for OSA): when one of them states it,
    # a denial in another kind of document (a questionnaire before the test) is out of date, not a dispute.
    authority: tuple[str, ...] = ()

    def covers(self, code: str) -> bool:
        return icd10.starts_with_any(code, self.icd_prefixes)


@dataclass(frozen=True)
class DateStep:
    """Two dates that must fall in this order (the first on or before the second)."""

    id: str
    first: str
    then: str
    first_label: str
    then_label: str
    message: str
    service_date: bool = False  # the date of service stands in for `then` when it is not documented
    source: str = ""
    confidence: str = "M"


@dataclass(frozen=True)
class CriteriaRule:
    """What a payer's coverage criteria ask of the documents; the thresholds are the payer's (payers.yaml)."""

    id: str
    label: str
    codes: tuple[str, ...]
    severity_facts: tuple[str, ...]
    events_fact: str
    support_facts: tuple[str, ...]
    requires: tuple[str, ...]
    date_order: tuple[str, ...]  # DateStep ids
    source: str = ""
    confidence: str = "M"


@dataclass(frozen=True, eq=False)
class EvidenceRules:
    facts: Mapping[str, FactRule] = field(default_factory=dict)
    confirm: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # category -> fact names
    diagnosis_sections: tuple[str, ...] = ()  # section categories (clinical_text.yaml) that state diagnoses
    diagnoses: tuple[DiagnosisWords, ...] = ()
    criteria: tuple[CriteriaRule, ...] = ()
    date_sequence: tuple[DateStep, ...] = ()
    # fact -> procedure codes: the date of the visit that carries one of them is a reading of the fact
    # (a DME item's date of service is the day it is delivered)
    visit_dates: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # document kind -> fact: a document of that kind that states no such date dates it by its own date
    document_dates: Mapping[str, str] = field(default_factory=dict)

    def fact(self, name: str) -> FactRule:
        return self.facts.get(name) or FactRule(name=name)

    def label(self, name: str) -> str:
        return self.fact(name).label or name.replace("_", " ")

    def confirm_list(self, categories: Iterable[str]) -> tuple[str, ...]:
        """The values that drive a claim for these categories, each once, in category then list order."""
        return tuple(dict.fromkeys(name for category in categories for name in self.confirm.get(category, ())))

    def criteria_by_id(self, rule_id: str) -> CriteriaRule | None:
        return next((rule for rule in self.criteria if rule.id == rule_id), None)

    def criteria_for(self, code: str) -> CriteriaRule | None:
        key = str(code or "").strip().upper()
        return next((rule for rule in self.criteria if key in rule.codes), None)

    def step(self, step_id: str) -> DateStep | None:
        return next((step for step in self.date_sequence if step.id == step_id), None)

    def diagnosis_words_for(self, code: str) -> tuple[DiagnosisWords, ...]:
        return tuple(rule for rule in self.diagnoses if rule.covers(code))


# ------------------------------------------------------------------------------------ loading


def load_evidence(data_dir: Path, *, categories: set[str], facts: frozenset[str], document_kinds: frozenset[str],
                  ids: dict[str, str], problems: _Problems) -> EvidenceRules:
    """Read and validate evidence.yaml and criteria.yaml in `data_dir`; findings go to `problems`."""
    evidence = _mapping(data_dir, "evidence", problems,
                        {"version", "facts", "confirm", "diagnosis_sections", "diagnoses", "visit_dates",
                         "document_dates"})
    criteria = _mapping(data_dir, "criteria", problems, {"version", "criteria", "date_sequence"})
    checker = _Checker(problems, categories, facts, document_kinds, ids)
    steps = checker.steps(criteria.get("date_sequence"))
    return EvidenceRules(
        facts=checker.facts(evidence.get("facts")),
        confirm=checker.confirm(evidence.get("confirm")),
        diagnosis_sections=checker.words("evidence", "diagnosis_sections", evidence.get("diagnosis_sections")),
        diagnoses=checker.diagnoses(evidence.get("diagnoses")),
        criteria=checker.criteria(criteria.get("criteria"), {step.id for step in steps}),
        date_sequence=steps,
        visit_dates=checker.visit_dates(evidence.get("visit_dates")),
        document_dates=checker.document_dates(evidence.get("document_dates")),
    )


def check_criteria_names(rules: EvidenceRules, modifier_rules: Iterable[Any], problems: _Problems) -> None:
    """Every `medicare_criteria` modifier rule names criteria that exist (modifiers.yaml -> criteria.yaml)."""
    for rule in modifier_rules:
        if rule.kind == "medicare_criteria" and rule.criteria and rules.criteria_by_id(rule.criteria) is None:
            problems.add("modifiers.yaml", f"({rule.id})", "criteria",
                         f"{rule.criteria!r} is not a criteria id of {FILES['criteria']}")


@functools.lru_cache(maxsize=4)
def _load_alone(path: str) -> EvidenceRules:
    problems = _Problems()
    categories = {category.id for category in load_categories(Path(path), problems)}
    rules = load_evidence(Path(path), categories=categories, facts=FACT_NAMES, document_kinds=DOCUMENT_KINDS,
                          ids={}, problems=problems)
    problems.raise_if_any()
    return rules


def load_evidence_rules(data_dir: Path | str | None = None) -> EvidenceRules:
    """Just evidence.yaml and criteria.yaml (validated), without the rest of the crosswalk."""
    return _load_alone(str(Path(data_dir).resolve() if data_dir is not None else DATA_DIR))


def _mapping(data_dir: Path, key: str, problems: _Problems, known: set[str]) -> Mapping:
    file = FILES[key]
    doc = _read_yaml(data_dir / file, problems)
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        problems.add(file, "", None, "must be a mapping")
        return {}
    for extra in set(doc) - known:
        problems.add(file, _where(doc, extra), extra, "unknown top-level field")
    return doc


class _Checker:
    """Validation of the entries of both files, sharing what is known (categories, facts, ids)."""

    def __init__(self, problems: _Problems, categories: set[str], facts: frozenset[str],
                 document_kinds: frozenset[str], ids: dict[str, str]) -> None:
        self.problems, self.categories, self.fact_names = problems, categories, facts
        self.document_kinds, self.ids = document_kinds, ids

    def add(self, key: str, where: str, column: str | None, message: str) -> None:
        self.problems.add(FILES[key], where, column, message)

    def names(self, key: str, where: str, column: str, value: Any, *, required: bool = True) -> tuple[str, ...]:
        """A list of fact names of the contract."""
        items = self.words(key, column, value, where=where, required=required)
        bad = [name for name in items if name not in self.fact_names]
        if bad:
            self.add(key, where, column, f"unknown fact name(s) {', '.join(bad)} (see contract §2)")
            return ()
        return items

    def words(self, key: str, column: str, value: Any, *, where: str = "", required: bool = True) -> tuple[str, ...]:
        if value is None or value == []:
            if required:
                self.add(key, where or column, column, "must be a non-empty list")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) and str(v).strip() for v in value):
            self.add(key, where or column, column, "must be a list of non-empty strings")
            return ()
        return tuple(str(v).strip() for v in value)

    def rule_id(self, key: str, where: str, entry: Mapping) -> bool:
        """Ids are unique across every crosswalk file and start with a category and '-'."""
        rid = str(entry.get("id") or "").strip()
        if not any(rid.startswith(category + "-") for category in self.categories):
            self.add(key, where, "id", f"{rid!r} must start with a category id and '-'" if rid else "missing")
            return False
        if rid in self.ids:
            self.add(key, where, "id", f"{rid!r} is already used ({self.ids[rid]})")
            return False
        self.ids[rid] = f"{FILES[key]} {where}"
        ok = bool(str(entry.get("source") or "").strip())
        if not ok:
            self.add(key, where, "source", "missing (say where the row comes from)")
        if entry.get("confidence") not in ("H", "M", "L"):
            self.add(key, where, "confidence", f"{entry.get('confidence')!r} is not one of H, M, L")
            ok = False
        return ok

    def entries(self, key: str, section: str, value: Any, known: set[str]) -> list[tuple[str, Mapping]]:
        if not isinstance(value, list):
            self.add(key, section, section, "must be a list")
            return []
        out = []
        for i, entry in enumerate(value):
            where = _where(entry, f"{section}[{i}]")
            if not isinstance(entry, dict):
                self.add(key, where, None, "must be a mapping")
                continue
            for extra in set(entry) - known:
                self.add(key, where, extra, "unknown field")
            out.append((where, entry))
        return out

    # ------------------------------------------------------------------------------- evidence.yaml

    def facts(self, value: Any) -> Mapping[str, FactRule]:
        if not isinstance(value, dict):
            self.add("evidence", "facts", "facts", "must be a mapping of fact name -> {authority, many, label}")
            return {}
        out: dict[str, FactRule] = {}
        for name, entry in value.items():
            where = _where(entry, f"facts.{name}")
            if name not in self.fact_names:
                self.add("evidence", where, None, f"{name!r} is not a fact name (see contract §2)")
                continue
            if not isinstance(entry, dict) or set(entry) - {"authority", "many", "label"}:
                self.add("evidence", where, None, "must be a mapping with authority, many and label only")
                continue
            kinds = self.words("evidence", "authority", entry.get("authority"), where=where, required=False)
            bad = [kind for kind in kinds if kind not in self.document_kinds]
            if bad:
                self.add("evidence", where, "authority", f"{', '.join(bad)} not a document kind "
                                                         f"({', '.join(sorted(self.document_kinds))})")
                continue
            if not isinstance(entry.get("many", False), bool):
                self.add("evidence", where, "many", "must be true or false")
                continue
            label = str(entry.get("label") or "")
            if label and not _check_label(self.problems, FILES["evidence"], where, label):
                continue
            out[name] = FactRule(name=name, authority=kinds, many=entry.get("many", False), label=label)
        return out

    def confirm(self, value: Any) -> Mapping[str, tuple[str, ...]]:
        if not isinstance(value, dict):
            self.add("evidence", "confirm", "confirm", "must be a mapping of category -> fact names")
            return {}
        out: dict[str, tuple[str, ...]] = {}
        for category, names in value.items():
            where = f"confirm.{category}"
            if category not in self.categories:
                self.add("evidence", where, None, f"unknown category {category!r}")
                continue
            out[category] = self.names("evidence", where, "confirm", names)
        return out

    def visit_dates(self, value: Any) -> Mapping[str, tuple[str, ...]]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.add("evidence", "visit_dates", "visit_dates", "must be a mapping of fact name -> procedure codes")
            return {}
        out: dict[str, tuple[str, ...]] = {}
        for name, codes in value.items():
            where = f"visit_dates.{name}"
            if name not in self.fact_names:
                self.add("evidence", where, None, f"{name!r} is not a fact name")
                continue
            out[name] = tuple(code.upper() for code in self.words("evidence", "visit_dates", codes, where=where))
        return out

    def document_dates(self, value: Any) -> Mapping[str, str]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.add("evidence", "document_dates", "document_dates", "must be a mapping of document kind -> fact name")
            return {}
        out: dict[str, str] = {}
        for kind, name in value.items():
            where = f"document_dates.{kind}"
            if kind not in self.document_kinds:
                self.add("evidence", where, None, f"{kind!r} is not a document kind")
            elif name not in self.fact_names:
                self.add("evidence", where, None, f"{name!r} is not a fact name")
            else:
                out[kind] = name
        return out

    def diagnoses(self, value: Any) -> tuple[DiagnosisWords, ...]:
        out: list[DiagnosisWords] = []
        known = {"id", "icd_prefixes", "words", "findings", "authority", "source", "confidence"}
        for where, entry in self.entries("evidence", "diagnoses", value, known):
            ok = self.rule_id("evidence", where, entry)
            prefixes = self.words("evidence", "icd_prefixes", entry.get("icd_prefixes"), where=where)
            bad = [prefix for prefix in prefixes if not icd10.is_valid(prefix)]
            if bad:
                self.add("evidence", where, "icd_prefixes", f"{', '.join(bad)} not a valid ICD-10-CM category or code")
                ok = False
            words = self.words("evidence", "words", entry.get("words"), where=where)
            findings = self.names("evidence", where, "findings", entry.get("findings"), required=False)
            authority = self.words("evidence", "authority", entry.get("authority"), where=where, required=False)
            unknown = [kind for kind in authority if kind not in self.document_kinds]
            if unknown:
                self.add("evidence", where, "authority", f"{', '.join(unknown)} not a document kind")
                ok = False
            if ok and prefixes and words:
                out.append(DiagnosisWords(id=entry["id"], icd_prefixes=tuple(icd10.normalize(p) for p in prefixes),
                                          words=words, findings=findings, source=entry["source"],
                                          confidence=entry["confidence"], authority=authority))
        return tuple(out)

    # ------------------------------------------------------------------------------- criteria.yaml

    def steps(self, value: Any) -> tuple[DateStep, ...]:
        out: list[DateStep] = []
        known = {"id", "first", "then", "first_label", "then_label", "message", "service_date", "source", "confidence"}
        for where, entry in self.entries("criteria", "date_sequence", value, known):
            ok = self.rule_id("criteria", where, entry)
            names = self.names("criteria", where, "first/then", [entry.get("first"), entry.get("then")])
            texts = [str(entry.get(column) or "").strip() for column in ("first_label", "then_label", "message")]
            for column, text in zip(("first_label", "then_label", "message"), texts):
                if not text:
                    self.add("criteria", where, column, "missing")
                    ok = False
            if not isinstance(entry.get("service_date", False), bool):
                self.add("criteria", where, "service_date", "must be true or false")
                ok = False
            if ok and len(names) == 2:
                out.append(DateStep(id=entry["id"], first=names[0], then=names[1], first_label=texts[0],
                                    then_label=texts[1], message=texts[2],
                                    service_date=entry.get("service_date", False), source=entry["source"],
                                    confidence=entry["confidence"]))
        return tuple(out)

    def criteria(self, value: Any, step_ids: set[str]) -> tuple[CriteriaRule, ...]:
        out: list[CriteriaRule] = []
        known = {"id", "label", "codes", "severity_facts", "events_fact", "support_facts", "requires", "date_order",
                 "source", "confidence"}
        for where, entry in self.entries("criteria", "criteria", value, known):
            ok = self.rule_id("criteria", where, entry)
            ok &= _check_label(self.problems, FILES["criteria"], where, str(entry.get("label") or ""))
            codes = tuple(code.upper() for code in self.words("criteria", "codes", entry.get("codes"), where=where))
            severity = self.names("criteria", where, "severity_facts", entry.get("severity_facts"))
            events = self.names("criteria", where, "events_fact", [entry.get("events_fact")])
            support = self.names("criteria", where, "support_facts", entry.get("support_facts"), required=False)
            requires = self.names("criteria", where, "requires", entry.get("requires"), required=False)
            order = self.words("criteria", "date_order", entry.get("date_order"), where=where, required=False)
            unknown = [step for step in order if step not in step_ids]
            if unknown:
                self.add("criteria", where, "date_order", f"{', '.join(unknown)} not a date_sequence id")
                ok = False
            if ok and codes and severity and events:
                out.append(CriteriaRule(id=entry["id"], label=entry["label"], codes=codes, severity_facts=severity,
                                        events_fact=events[0], support_facts=support, requires=requires,
                                        date_order=order, source=entry["source"], confidence=entry["confidence"]))
        return tuple(out)

