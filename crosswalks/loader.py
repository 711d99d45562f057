"""Load and validate MedLane's crosswalk data (`crosswalks/data/`).

One module reads every crosswalk file into frozen dataclasses. A bad row is an error, never
skipped: `load_crosswalk` collects every problem it finds and raises one `CrosswalkError` whose
lines name the file, the row (CSV line or YAML line and path) and the column.

Files (formats in `crosswalks/data/README.md`):

- `categories.yaml`      flag categories, with what each case needs (documents, elements, PWK codes),
                         how long a case stays open to later visits; the codes of an exam and of a follow-up
- `flag_procedures.csv`  CDT code / range -> category, strength, optional `requires`
- `flag_problems.csv`    ICD-10-CM code / prefix / range -> category, strength, whether it may flag alone
- `flag_note_terms.yaml` note wording per category, exclusions, follow-up wording,
                         words the typo tolerance must leave alone

Every row carries `source` and `confidence` (H/M/L). Rule ids are global, unique, and start with
their category id and "-", so any evidence id tells which category's row it came from.

The categories themselves are read by `categories.py`. The billing tables (CDT -> CPT/HCPCS
candidates, diagnoses, documentation elements, PWK attachments, modifiers, payer overrides) live in
`billing.py`, built on the same helpers (`reading.py`: `_read_csv`, `_read_yaml`, `_Problems`), and
are reached as `Crosswalk.billing`; how evidence is resolved and payer criteria judged (`evidence.yaml`, `criteria.yaml`) lives in `evidence.py` (`Crosswalk.evidence`),
and how procedures and diagnoses word the conditions (`wording.yaml`) in `wording.py` (`Crosswalk.wording`).
"""
from __future__ import annotations

import functools
import itertools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from crosswalks.billing import (
    CONDITIONS,
    DOCUMENT_KINDS,
    FACT_NAMES,
    Billing,
    _load_sent_as,
    descriptors_path,
    load_billing,
)
from crosswalks.categories import FILE as CATEGORIES_FILE
from crosswalks.categories import Category, load_categories
from crosswalks.evidence import EvidenceRules, check_criteria_names, load_evidence
from crosswalks.evidence import _load_alone as _load_evidence_alone
from crosswalks.reading import (
    _CDT,
    CONFIDENCES,
    DATA_DIR,
    CrosswalkError,
    _check_common,
    _check_label,
    _Problems,
    _read_csv,
    _read_yaml,
    _where,
)
from crosswalks.wording import Wording, load_wording_file
from crosswalks.wording import _load_alone as _load_wording_alone

STRENGTHS = ("strong", "possible")
TERM_LEVELS = ("specific", "support")
IN_PROBLEM = ("strong", "possible", "ignore")
EXCLUSION_SCOPES = ("clause", "sentence", "overlap")
REQUIRE_SOURCES = ("problem", "note")  # a bare category means "problem or note"
YES_NO = {"yes": True, "no": False, "": False}
FOLLOWUP = "followup"  # pseudo-category of the follow-up wording (flag_note_terms.yaml `followup`)
ROUTINE = "routine"  # pseudo-category of the wording of a routine visit (flag_note_terms.yaml `routine`)

_ICD_PREFIX = re.compile(r"^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$")
_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_SPACES = re.compile(r"\s+")

FILES = {
    "categories": CATEGORIES_FILE,
    "procedures": "flag_procedures.csv",
    "problems": "flag_problems.csv",
    "note_terms": "flag_note_terms.yaml",
}


# ------------------------------------------------------------------------------------ records


@dataclass(frozen=True)
class Requirement:
    """Evidence a "possible" procedure needs: of `category`, from `source` ("any" = problem or note)."""

    category: str
    source: Literal["any", "problem", "note"] = "any"

    def __str__(self) -> str:
        return self.category if self.source == "any" else f"{self.source}:{self.category}"


@dataclass(frozen=True)
class ProcedureRule:
    id: str
    cdt: str  # as written, e.g. "D7410-D7415|D7465"
    codes: tuple[str, ...]  # expanded, e.g. ("D7410", ..., "D7415", "D7465")
    category: str
    strength: str
    requires: tuple[Requirement, ...]  # any one satisfies; empty = counts on its own
    label: str
    source: str
    confidence: str
    line: int = 0


@dataclass(frozen=True)
class ProblemRule:
    id: str
    icd10: str  # as written, e.g. "C00-C06" or "M26.6"
    spans: tuple[tuple[str, str], ...]  # normalised (no dot) inclusive prefix ranges
    category: str
    strength: str
    label: str
    source: str
    confidence: str
    line: int = 0
    alone: bool = False  # a current, medically specific diagnosis: may flag a visit about it on its own

    def match_length(self, code: str) -> int:
        """Length of the prefix this rule matches in `code` (0 = no match). Longer = more specific."""
        norm = normalize_icd10(code)
        best = 0
        for start, end in self.spans:
            n = len(start)
            if len(norm) >= n and start <= norm[:n] <= end:
                best = max(best, n)
        return best


@dataclass(frozen=True)
class NoteTerm:
    id: str
    category: str
    level: str  # specific | support
    label: str
    patterns: tuple[str, ...]  # expanded; a leading "=" means exact case
    in_problem: str  # strong | possible | ignore
    source: str
    confidence: str
    line: int = 0
    alone: bool = False  # found in a problem's name, may flag a visit about it on its own (as ProblemRule.alone)
    # Concepts (flag_note_terms.yaml `concepts`) that together make the term, in any order and with any
    # words between them, within one sentence ("pano the ENT asked for"); `patterns` may then be empty.
    all_of: tuple[str, ...] = ()
    # where the concepts must stand together: "sentence" (the term spans them all), or "note" (the term is
    # its first concept; the others need only be in the note and not denied: "Hx of H&N radiation.
    # Fabricate fluoride trays.")
    within: str = "sentence"


@dataclass(frozen=True)
class NoteExclusion:
    id: str
    category: str
    label: str
    scope: str  # clause | sentence | overlap
    patterns: tuple[str, ...]
    terms: tuple[str, ...]  # term ids it applies to; empty = all terms of the category
    source: str
    confidence: str
    line: int = 0


@dataclass(frozen=True)
class FollowupRules:
    """What makes a visit a follow-up of an earlier case: its codes and its note wording."""

    codes: tuple[str, ...] = ()  # CDT codes a follow-up visit may carry (exam, recheck, films)
    self_evident: tuple[str, ...] = ()  # codes that say "follow-up" with no note (post-operative re-evaluation)
    terms: tuple[NoteTerm, ...] = ()  # "f/u", "post-op check", "recheck #8" (category "followup")


@dataclass(frozen=True)
class Crosswalk:
    data_dir: Path
    categories: tuple[Category, ...]
    procedures: tuple[ProcedureRule, ...]
    problems: tuple[ProblemRule, ...]
    note_terms: tuple[NoteTerm, ...]
    note_exclusions: tuple[NoteExclusion, ...]
    billing: Billing  # claim codes, diagnoses, attachments, elements, modifiers, payers (billing.py)
    evidence: EvidenceRules  # fact authority, values to confirm, diagnosis words, criteria, dates (evidence.py)
    wording: Wording  # how procedures and diagnoses word the conditions (wording.py)
    followup: FollowupRules = field(default_factory=lambda: FollowupRules())
    routine_terms: tuple[NoteTerm, ...] = ()  # "recall", "prophy": the visit is routine (category "routine")
    # Named word groups terms combine with `all_of` (flag_note_terms.yaml `concepts`): (name, patterns).
    note_concepts: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exam_codes: tuple[str, ...] = ()  # an examination or consultation (categories.yaml `visit_codes.exams`)
    spelling_keep: frozenset[str] = frozenset()  # real words the typo tolerance must never "correct"

    @property
    def category_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.categories)

    def category(self, category_id: str) -> Category:
        for c in self.categories:
            if c.id == category_id:
                return c
        raise KeyError(category_id)

    def category_of_rule(self, rule_id: str) -> str:
        """The category a rule id belongs to (ids start with "<category>-")."""
        best = ""
        for cid in self.category_ids:
            if rule_id.startswith(cid + "-") and len(cid) > len(best):
                best = cid
        return best


# ------------------------------------------------------------------------------------ helpers


def normalize_icd10(code: str) -> str:
    return code.strip().upper().replace(".", "")


def normalize_pattern(text: str) -> str:
    """Hyphens between words count as spaces; whitespace is collapsed."""
    return _SPACES.sub(" ", _HYPHEN.sub(" ", text)).strip()


def expand_pattern(pattern: str) -> list[str]:
    """Expand "{a,b} c{,s}" into ["a c", "a cs", "b c", "b cs"]. Raises ValueError when malformed."""
    exact = pattern.startswith("=")
    body = pattern[1:] if exact else pattern
    parts: list[list[str]] = []
    pos = 0
    while pos < len(body):
        open_at = body.find("{", pos)
        close_at = body.find("}", pos)
        if close_at != -1 and (open_at == -1 or close_at < open_at):
            raise ValueError(f"unbalanced '}}' in pattern {pattern!r}")
        if open_at == -1:
            parts.append([body[pos:]])
            break
        parts.append([body[pos:open_at]])
        close_at = body.find("}", open_at)
        if close_at == -1:
            raise ValueError(f"unclosed '{{' in pattern {pattern!r}")
        inner = body[open_at + 1 : close_at]
        if "{" in inner:
            raise ValueError(f"nested braces in pattern {pattern!r}")
        parts.append(inner.split(","))
        pos = close_at + 1
    out: list[str] = []
    seen: set[str] = set()
    for combo in itertools.product(*parts):
        text = normalize_pattern("".join(combo))
        if not text:
            continue
        text = ("=" if exact else "") + text
        if text not in seen:
            seen.add(text)
            out.append(text)
    if not out:
        raise ValueError(f"pattern {pattern!r} expands to nothing")
    return out


def _expand_cdt(value: str) -> list[str]:
    """"D7410-D7415|D7465" -> codes in numeric order. Raises ValueError when malformed."""
    codes: list[str] = []
    for part in value.split("|"):
        part = part.strip().upper()
        if "-" in part:
            start, _, end = part.partition("-")
            if not (_CDT.match(start) and _CDT.match(end)):
                raise ValueError(f"{part!r} is not a CDT range like D7410-D7415")
            a, b = int(start[1:]), int(end[1:])
            if a >= b:
                raise ValueError(f"range {part!r} does not go up")
            codes.extend(f"D{n:04d}" for n in range(a, b + 1))
        else:
            if not _CDT.match(part):
                raise ValueError(f"{part!r} is not a CDT code like D7286")
            codes.append(part)
    if len(set(codes)) != len(codes):
        raise ValueError(f"{value!r} lists a code twice")
    return codes


def _icd_spans(value: str) -> list[tuple[str, str]]:
    """"C00-C06|C14" -> [("C00", "C06"), ("C14", "C14")]. Raises ValueError when malformed."""
    spans: list[tuple[str, str]] = []
    for part in value.split("|"):
        part = part.strip().upper()
        start, sep, end = part.partition("-")
        end = end if sep else start
        for piece in (start, end):
            if not _ICD_PREFIX.match(piece):
                raise ValueError(f"{piece!r} is not an ICD-10-CM code or prefix like M26.6")
        a, b = normalize_icd10(start), normalize_icd10(end)
        if sep:
            if len(a) != len(b) or a[0] != b[0]:
                raise ValueError(f"range {part!r} must join two prefixes of the same length and letter")
            if a >= b:
                raise ValueError(f"range {part!r} does not go up")
        spans.append((a, b))
    return spans


def icd10_items(value: str) -> list[str]:
    """The codes/prefixes as written in an `icd10` cell (range endpoints included), for validity tests."""
    items: list[str] = []
    for part in value.split("|"):
        start, sep, end = part.strip().upper().partition("-")
        items.append(start)
        if sep:
            items.append(end)
    return items


# ------------------------------------------------------------------------------------ tables


def _load_visit_codes(data_dir: Path, problems: _Problems) -> dict[str, tuple[str, ...]]:
    """categories.yaml `visit_codes`: `exams` (an examination or consultation), `followup` (what a
    follow-up visit may carry) and `followup_alone` (codes that say "follow-up" on their own)."""
    file = FILES["categories"]
    keys = ("exams", "followup", "followup_alone")
    out: dict[str, tuple[str, ...]] = {key: () for key in keys}
    doc = _read_yaml(data_dir / file, problems)
    block = doc.get("visit_codes") if isinstance(doc, dict) else None
    if block is None:
        return out
    where = _where(block, "visit_codes")
    if not isinstance(block, dict):
        problems.add(file, where, None, f"must be a mapping with {', '.join(keys)}")
        return out
    for key in set(block) - {*keys, "source", "confidence"}:
        problems.add(file, where, key, "unknown field")
    if not str(block.get("source") or "").strip():
        problems.add(file, where, "source", "missing (say where the entry comes from)")
    if block.get("confidence") not in CONFIDENCES:
        problems.add(file, where, "confidence", f"{block.get('confidence')!r} is not one of H, M, L")
    for key in keys:
        try:
            out[key] = tuple(_expand_cdt(str(block[key]))) if block.get(key) else ()
        except ValueError as exc:
            problems.add(file, where, key, str(exc))
    if set(out["followup_alone"]) - set(out["followup"]):
        problems.add(file, where, "followup_alone", "every code here must also be in followup")
    return out


def _parse_requires(value: str, categories: set[str]) -> tuple[Requirement, ...]:
    reqs: list[Requirement] = []
    if not value:
        return ()
    for part in value.split("|"):
        part = part.strip()
        source, sep, category = part.partition(":")
        if not sep:
            source, category = "any", part
        elif source not in REQUIRE_SOURCES:
            raise ValueError(f"{part!r}: source must be problem: or note: (or none)")
        if category not in categories:
            raise ValueError(f"{part!r}: unknown category {category!r}")
        reqs.append(Requirement(category=category, source=source))  # type: ignore[arg-type]
    return tuple(reqs)


def _load_procedures(
    data_dir: Path, categories: set[str], ids: dict[str, str], problems: _Problems
) -> tuple[ProcedureRule, ...]:
    file = FILES["procedures"]
    columns = ("id", "cdt", "category", "strength", "requires", "label", "source", "confidence")
    out: list[ProcedureRule] = []
    claimed: dict[tuple[str, str], str] = {}  # (category, code) -> rule id
    for line, row in _read_csv(data_dir / file, columns, problems):
        where = f"line {line}"
        ok = _check_common(problems, file, where, row, categories, ids)
        try:
            codes = _expand_cdt(row["cdt"])
        except ValueError as exc:
            problems.add(file, where, "cdt", str(exc))
            ok, codes = False, []
        if row["strength"] not in STRENGTHS:
            problems.add(file, where, "strength", f"{row['strength']!r} is not one of strong, possible")
            ok = False
        try:
            requires = _parse_requires(row["requires"], categories)
        except ValueError as exc:
            problems.add(file, where, "requires", str(exc))
            ok, requires = False, ()
        ok &= _check_label(problems, file, where, row["label"])
        for code in codes:
            key = (row["category"], code)
            if key in claimed:
                problems.add(file, where, "cdt", f"{code} is already mapped to {row['category']} by {claimed[key]}")
                ok = False
            else:
                claimed[key] = row["id"]
        if ok:
            out.append(
                ProcedureRule(
                    id=row["id"],
                    cdt=row["cdt"],
                    codes=tuple(codes),
                    category=row["category"],
                    strength=row["strength"],
                    requires=requires,
                    label=row["label"],
                    source=row["source"],
                    confidence=row["confidence"],
                    line=line,
                )
            )
    return tuple(out)


def _load_problems(
    data_dir: Path, categories: set[str], ids: dict[str, str], problems: _Problems
) -> tuple[ProblemRule, ...]:
    file = FILES["problems"]
    columns = ("id", "icd10", "category", "strength", "label", "source", "confidence")
    out: list[ProblemRule] = []
    claimed: dict[tuple[str, tuple[str, str]], str] = {}
    for line, row in _read_csv(data_dir / file, columns, problems, optional=("alone",)):
        where = f"line {line}"
        ok = _check_common(problems, file, where, row, categories, ids)
        try:
            spans = _icd_spans(row["icd10"])
        except ValueError as exc:
            problems.add(file, where, "icd10", str(exc))
            ok, spans = False, []
        if row["strength"] not in STRENGTHS:
            problems.add(file, where, "strength", f"{row['strength']!r} is not one of strong, possible")
            ok = False
        ok &= _check_label(problems, file, where, row["label"])
        alone = YES_NO.get(row["alone"].lower())
        if alone is None:
            problems.add(file, where, "alone", f"{row['alone']!r} is not yes or no")
            ok = False
        elif alone and row["strength"] != "strong":
            problems.add(file, where, "alone", "only a strong diagnosis may flag alone")
            ok = False
        for span in spans:
            key = (row["category"], span)
            if key in claimed:
                problems.add(file, where, "icd10", f"{row['icd10']} is already mapped to {row['category']} by {claimed[key]}")
                ok = False
            else:
                claimed[key] = row["id"]
        if ok:
            out.append(
                ProblemRule(
                    id=row["id"],
                    icd10=row["icd10"],
                    spans=tuple(spans),
                    category=row["category"],
                    strength=row["strength"],
                    label=row["label"],
                    source=row["source"],
                    confidence=row["confidence"],
                    line=line,
                    alone=bool(alone),
                )
            )
    return tuple(out)


def _pattern_list(problems: _Problems, file: str, where: str, value: Any, column: str = "patterns") -> list[str]:
    if not isinstance(value, list) or not value:
        problems.add(file, where, column, "must be a non-empty list of strings")
        return []
    out: list[str] = []
    for raw in value:
        if not isinstance(raw, str) or not raw.strip():
            problems.add(file, where, column, f"{raw!r} is not a non-empty string")
            continue
        try:
            out.extend(expand_pattern(raw.strip()))
        except ValueError as exc:
            problems.add(file, where, column, str(exc))
    return out


def _load_note_terms(
    data_dir: Path, categories: set[str], ids: dict[str, str], problems: _Problems
) -> tuple[tuple[NoteTerm, ...], tuple[NoteExclusion, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    file = FILES["note_terms"]
    doc = _read_yaml(data_dir / file, problems)
    if doc is None:
        return (), (), ()
    if not isinstance(doc, dict):
        problems.add(file, "", None, "must be a mapping with 'categories'")
        return (), (), ()
    for key in set(doc) - {"version", "concepts", "categories", "followup", "routine", "spelling"}:
        problems.add(file, _where(doc, key), key, "unknown top-level field")

    terms: list[NoteTerm] = []
    exclusions: list[NoteExclusion] = []
    concepts = _load_note_concepts(doc, problems)
    cats = doc.get("categories") or {}
    if not isinstance(cats, dict):
        problems.add(file, "(categories)", None, "must be a mapping of category id -> terms/exclusions")
        cats = {}
    term_ids_by_cat: dict[str, set[str]] = {}
    pending_exclusion_terms: list[tuple[str, str, str, tuple[str, ...]]] = []
    for category, block in cats.items():
        cwhere = _where(block, f"categories.{category}")
        if category not in categories:
            problems.add(file, cwhere, "category", f"unknown category {category!r}")
            continue
        block = block or {}
        if not isinstance(block, dict):
            problems.add(file, cwhere, None, "must be a mapping with 'terms' and/or 'exclusions'")
            continue
        for key in set(block) - {"terms", "exclusions"}:
            problems.add(file, cwhere, key, "unknown field")
        for i, entry in enumerate(block.get("terms") or []):
            term = _note_term(problems, file, _where(entry, f"categories.{category}.terms[{i}]"), entry,
                              category=category, categories=categories, ids=ids, concepts=set(concepts))
            if term is not None:
                term_ids_by_cat.setdefault(category, set()).add(term.id)
                terms.append(term)
        for i, entry in enumerate(block.get("exclusions") or []):
            where = _where(entry, f"categories.{category}.exclusions[{i}]")
            if not isinstance(entry, dict):
                problems.add(file, where, None, "must be a mapping")
                continue
            for key in set(entry) - {"id", "label", "scope", "patterns", "terms", "source", "confidence"}:
                problems.add(file, where, key, "unknown field")
            row = dict(entry, category=category)
            ok = _check_common(problems, file, where, row, categories, ids)
            scope = entry.get("scope") or "clause"
            if scope not in EXCLUSION_SCOPES:
                problems.add(file, where, "scope", f"{scope!r} is not one of {', '.join(EXCLUSION_SCOPES)}")
                ok = False
            label = str(entry.get("label") or "").strip()
            ok &= _check_label(problems, file, where, label)
            patterns = _pattern_list(problems, file, where, entry.get("patterns"))
            ok &= bool(patterns)
            only = entry.get("terms") or []
            if not isinstance(only, list) or not all(isinstance(t, str) for t in only):
                problems.add(file, where, "terms", "must be a list of term ids")
                ok, only = False, []
            if ok:
                pending_exclusion_terms.append((category, where, entry["id"], tuple(only)))
                exclusions.append(
                    NoteExclusion(
                        id=entry["id"],
                        category=category,
                        label=label,
                        scope=scope,
                        patterns=tuple(patterns),
                        terms=tuple(only),
                        source=str(entry["source"]).strip(),
                        confidence=entry["confidence"],
                        line=getattr(entry, "line", 0),
                    )
                )
    for category, where, _xid, only in pending_exclusion_terms:
        for tid in only:
            if tid not in term_ids_by_cat.get(category, set()):
                problems.add(file, where, "terms", f"{tid!r} is not a term id of category {category!r}")
    return tuple(terms), tuple(exclusions), tuple(concepts.items())


def _load_note_concepts(doc: dict, problems: _Problems) -> dict[str, tuple[str, ...]]:
    """flag_note_terms.yaml `concepts`: name -> the wordings of one idea ("imaging", "a physician")."""
    file = FILES["note_terms"]
    raw = doc.get("concepts") or {}
    if not isinstance(raw, dict):
        problems.add(file, _where(doc, "concepts"), None, "must be a mapping of concept name -> patterns")
        return {}
    concepts: dict[str, tuple[str, ...]] = {}
    for name, patterns in raw.items():
        where = _where(raw, f"concepts.{name}")
        if not re.fullmatch(r"[a-z][a-z_]*", str(name)):
            problems.add(file, where, None, f"concept name {name!r} must be lower-case letters and _")
            continue
        expanded = _pattern_list(problems, file, where, patterns)
        if expanded:
            concepts[name] = tuple(expanded)
    return concepts


def _note_term(
    problems: _Problems, file: str, where: str, entry: Any, *, category: str, categories: set[str], ids: dict[str, str],
    concepts: set[str] = frozenset(),
) -> NoteTerm | None:
    """One entry of a `terms` list, validated; None when unusable (the problems say why)."""
    if not isinstance(entry, dict):
        problems.add(file, where, None, "must be a mapping")
        return None
    for key in set(entry) - {"id", "level", "label", "patterns", "all_of", "within", "in_problem", "alone", "source",
                             "confidence"}:
        problems.add(file, where, key, "unknown field")
    row = dict(entry, category=category)
    ok = _check_common(problems, file, where, row, categories, ids)
    level = entry.get("level")
    if level not in TERM_LEVELS:
        problems.add(file, where, "level", f"{level!r} is not one of specific, support")
        ok = False
    in_problem = entry.get("in_problem") or ("strong" if level == "specific" else "possible")
    if in_problem not in IN_PROBLEM:
        problems.add(file, where, "in_problem", f"{in_problem!r} is not one of strong, possible, ignore")
        ok = False
    alone = entry.get("alone", False)
    if not isinstance(alone, bool):
        problems.add(file, where, "alone", f"{alone!r} is not true or false")
        ok = False
    elif alone and in_problem != "strong":
        problems.add(file, where, "alone", "only words that count strong in a problem's name may flag alone")
        ok = False
    label = str(entry.get("label") or "").strip()
    ok &= _check_label(problems, file, where, label)
    all_of = entry.get("all_of") or []
    if not isinstance(all_of, list) or len(all_of) == 1 or not all(name in concepts for name in all_of):
        problems.add(file, where, "all_of", f"{all_of!r} must list two or more concepts of `concepts`")
        ok, all_of = False, []
    within = entry.get("within", "sentence")
    if within not in ("sentence", "note") or (within == "note" and not all_of):
        problems.add(file, where, "within", f"{within!r} must be sentence or note, with all_of")
        ok = False
    patterns = _pattern_list(problems, file, where, entry.get("patterns")) if entry.get("patterns") or not all_of else []
    ok &= bool(patterns or all_of)
    if not ok:
        return None
    return NoteTerm(
        id=entry["id"],
        category=category,
        level=level,
        label=label,
        patterns=tuple(patterns),
        in_problem=in_problem,
        source=str(entry["source"]).strip(),
        confidence=entry["confidence"],
        line=getattr(entry, "line", 0),
        alone=alone is True,
        all_of=tuple(all_of),
        within=within,
    )


def _load_note_extras(
    data_dir: Path, categories: set[str], ids: dict[str, str], problems: _Problems
) -> tuple[tuple[NoteTerm, ...], tuple[NoteTerm, ...], frozenset[str]]:
    """flag_note_terms.yaml `followup` and `routine` (the wording of a follow-up / a routine visit) and
    `spelling` (real words the typo tolerance leaves alone)."""
    file = FILES["note_terms"]
    doc = _read_yaml(data_dir / file, problems)
    if not isinstance(doc, dict):
        return (), (), frozenset()
    found: dict[str, list[NoteTerm]] = {FOLLOWUP: [], ROUTINE: []}
    for name in (FOLLOWUP, ROUTINE):
        block = doc.get(name) or {}
        if not isinstance(block, dict):
            problems.add(file, _where(block, name), None, "must be a mapping with 'terms'")
            continue
        for key in set(block) - {"terms"}:
            problems.add(file, _where(block, name), key, "unknown field")
        for i, entry in enumerate(block.get("terms") or []):
            where = _where(entry, f"{name}.terms[{i}]")
            if isinstance(entry, dict):
                # a visit's kind is neither a finding nor a diagnosis: never a category's evidence
                entry = {"level": "support", "in_problem": "ignore", **entry}
            term = _note_term(problems, file, where, entry, category=name, categories=categories | {name}, ids=ids)
            if term is not None:
                found[name].append(term)
    spelling = doc.get("spelling") or {}
    keep: set[str] = set()
    if not isinstance(spelling, dict):
        problems.add(file, _where(spelling, "spelling"), None, "must be a mapping with 'keep'")
        spelling = {}
    for key in set(spelling) - {"keep", "source", "confidence"}:
        problems.add(file, _where(spelling, "spelling"), key, "unknown field")
    for word in spelling.get("keep") or []:
        if not isinstance(word, str) or not word.strip() or " " in word.strip():
            problems.add(file, _where(spelling, "spelling"), "keep", f"{word!r} is not a single word")
        else:
            keep.add(word.strip().lower())
    return tuple(found[FOLLOWUP]), tuple(found[ROUTINE]), frozenset(keep)


# ------------------------------------------------------------------------------------ entry point


def load_crosswalk(data_dir: Path | str | None = None, *, descriptors: Path | str | None = None) -> Crosswalk:
    """Load and validate the crosswalk in `data_dir` (default: the packaged `crosswalks/data`).

    `descriptors` (else the environment variable MEDLANE_CODE_DESCRIPTORS) names a practice's own
    licensed CSV `code,system,descriptor`; `cw.billing.label(code)` then returns those descriptors.
    Cached per directory and descriptor file; call `clear_cache()` after changing files already loaded.
    Raises `CrosswalkError` listing every problem found.
    """
    path = Path(data_dir).resolve() if data_dir is not None else DATA_DIR
    licensed = descriptors_path(descriptors, os.environ)
    return _load_cached(str(path), str(licensed) if licensed else "")


@functools.lru_cache(maxsize=16)
def _load_cached(path: str, descriptors: str = "") -> Crosswalk:
    data_dir = Path(path)
    problems = _Problems()
    if not data_dir.is_dir():
        raise CrosswalkError([f"{data_dir}: not a directory"])
    categories = load_categories(data_dir, problems)
    visit_codes = _load_visit_codes(data_dir, problems)
    known = {c.id for c in categories}
    if not known:
        problems.raise_if_any()
    ids: dict[str, str] = {}
    procedures = _load_procedures(data_dir, known, ids, problems)
    problem_rules = _load_problems(data_dir, known, ids, problems)
    terms, exclusions, concepts = _load_note_terms(data_dir, known, ids, problems)
    followup_terms, routine_terms, spelling_keep = _load_note_extras(data_dir, known, ids, problems)
    billing = load_billing(data_dir, known, ids, problems, descriptors=Path(descriptors) if descriptors else None)
    evidence = load_evidence(data_dir, categories=known, facts=FACT_NAMES, document_kinds=DOCUMENT_KINDS, ids=ids,
                             problems=problems)
    check_criteria_names(evidence, billing.modifier_rules, problems)
    wording = load_wording_file(data_dir, CONDITIONS, problems)
    problems.raise_if_any()
    return Crosswalk(
        data_dir=data_dir,
        categories=categories,
        procedures=procedures,
        problems=problem_rules,
        note_terms=terms,
        note_exclusions=exclusions,
        billing=billing,
        evidence=evidence,
        wording=wording,
        followup=FollowupRules(
            codes=visit_codes["followup"], self_evident=visit_codes["followup_alone"], terms=followup_terms
        ),
        exam_codes=visit_codes["exams"],
        routine_terms=routine_terms,
        spelling_keep=spelling_keep,
        note_concepts=concepts,
    )


def load_packet_kinds(data_dir: Path | str | None = None) -> dict:
    """Just attachments.yaml `sent_as` (document kind -> PWK01, label, reading rank), validated the
    same way, without loading the rest: assembling a packet needs only this.

    Raises `CrosswalkError` listing every problem found.
    """
    return dict(_load_packet_kinds_cached(str(Path(data_dir).resolve() if data_dir is not None else DATA_DIR)))


@functools.lru_cache(maxsize=4)
def _load_packet_kinds_cached(path: str):
    problems = _Problems()
    kinds = _load_sent_as(Path(path), problems)
    problems.raise_if_any()
    return tuple(kinds.items())


def clear_cache() -> None:
    _load_cached.cache_clear()
    _load_packet_kinds_cached.cache_clear()
    _load_evidence_alone.cache_clear()
    _load_wording_alone.cache_clear()
