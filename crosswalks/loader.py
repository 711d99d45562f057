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

The billing tables (CDT -> CPT/HCPCS candidates, diagnoses, documentation elements, PWK
attachments, modifiers, payer overrides) live in `billing.py`, built on the same `_read_csv` /
`_read_yaml` / `_Problems` helpers, and are reached as `Crosswalk.billing`; how evidence is resolved and
payer criteria judged (`evidence.yaml`, `criteria.yaml`) lives in `evidence.py` (`Crosswalk.evidence`),
and how procedures and diagnoses word the conditions (`wording.yaml`) in `wording.py` (`Crosswalk.wording`).
"""
from __future__ import annotations

import csv
import functools
import itertools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Literal

import yaml

if TYPE_CHECKING:  # billing, evidence and wording import this module's helpers; imported lazily at load time
    from crosswalks.billing import Billing
    from crosswalks.evidence import EvidenceRules
    from crosswalks.wording import Wording

DATA_DIR = Path(__file__).resolve().parent / "data"

CONFIDENCES = ("H", "M", "L")
STRENGTHS = ("strong", "possible")
TERM_LEVELS = ("specific", "support")
IN_PROBLEM = ("strong", "possible", "ignore")
EXCLUSION_SCOPES = ("clause", "sentence", "overlap")
REQUIRE_SOURCES = ("problem", "note")  # a bare category means "problem or note"
YES_NO = {"yes": True, "no": False, "": False}
FOLLOWUP = "followup"  # pseudo-category of the follow-up wording (flag_note_terms.yaml `followup`)
ROUTINE = "routine"  # pseudo-category of the wording of a routine visit (flag_note_terms.yaml `routine`)
NEED_KINDS = ("order", "report", "record", "element", "diagnosis", "claim")
LABEL_MAX = 80  # our own short labels; a long label is probably a pasted (licensed) descriptor

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_CDT = re.compile(r"^D\d{4}$")
_ICD_PREFIX = re.compile(r"^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$")
_PWK = re.compile(r"^[0-9A-Z]{2}$")
_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_SPACES = re.compile(r"\s+")

FILES = {
    "categories": "categories.yaml",
    "procedures": "flag_procedures.csv",
    "problems": "flag_problems.csv",
    "note_terms": "flag_note_terms.yaml",
}


class CrosswalkError(ValueError):
    """The crosswalk data is invalid. `problems` lists every finding, one line each."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        head = f"{len(self.problems)} problem(s) in the crosswalk data:"
        super().__init__("\n".join([head, *("  " + p for p in self.problems)]))


# ------------------------------------------------------------------------------------ records


@dataclass(frozen=True)
class Need:
    label: str  # our short label, shown to staff
    kind: str  # order | report | record | element | diagnosis | claim
    pwk: tuple[str, ...] = ()  # 837P PWK01 report-type codes, where known


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    needs: tuple[Need, ...]
    source: str
    confidence: str
    collect: str = ""  # a few words for the ApptField prompt, e.g. "order + sleep study needed"
    join_days: int = 0  # a later visit of the patient joins an open case of this category within this many days

    @property
    def need_labels(self) -> tuple[str, ...]:
        return tuple(n.label for n in self.needs)


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


class _Problems:
    """Collects validation findings; raises them all at the end."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, file: str, where: str, column: str | None, message: str) -> None:
        col = f", column '{column}'" if column else ""
        self.items.append(f"{file} {where}{col}: {message}")

    def raise_if_any(self) -> None:
        if self.items:
            raise CrosswalkError(self.items)


def _read_csv(
    path: Path, columns: tuple[str, ...], problems: _Problems, optional: tuple[str, ...] = ()
) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV as dicts with (line number). Lines whose first cell starts with '#' are comments.

    `optional` columns may be absent from the header, and a row may leave out optional columns
    that end the header (read as ""), so a file written before such a column was added still reads.
    """
    name = path.name
    if not path.is_file():
        problems.add(name, "", None, "file is missing")
        return
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header: list[str] | None = None
        for row in reader:
            line = reader.line_num
            if not row or all(not c.strip() for c in row) or row[0].lstrip().startswith("#"):
                continue
            if header is None:
                header = [c.strip() for c in row]
                missing = [c for c in columns if c not in header]
                unknown = [c for c in header if c not in columns and c not in optional]
                if missing:
                    problems.add(name, f"line {line}", None, f"header lacks column(s) {', '.join(missing)}")
                if unknown:
                    problems.add(name, f"line {line}", None, f"unknown column(s) {', '.join(unknown)}")
                if missing or unknown:
                    return
                continue
            if len(row) < len(header) and all(c in optional for c in header[len(row):]):
                row = row + [""] * (len(header) - len(row))
            if len(row) != len(header):
                problems.add(name, f"line {line}", None, f"has {len(row)} cells, the header has {len(header)}")
                continue
            cells = {k: v.strip() for k, v in zip(header, row)}
            yield line, {**{c: "" for c in optional}, **cells}
    if header is None:
        problems.add(name, "", None, "file has no header row")


class _LineDict(dict):
    line: int = 0


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping (for error messages)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _LineDict:
    data = _LineDict(loader.construct_mapping(node, deep=True))
    data.line = node.start_mark.line + 1
    return data


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_yaml(path: Path, problems: _Problems) -> Any:
    if not path.is_file():
        problems.add(path.name, "", None, "file is missing")
        return None
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else ""
        problems.add(path.name, where, None, f"not valid YAML: {getattr(exc, 'problem', exc)}")
        return None


def _where(obj: Any, path: str) -> str:
    line = getattr(obj, "line", 0)
    return f"line {line} ({path})" if line else f"({path})"


def _check_common(
    problems: _Problems, file: str, where: str, row: dict, categories: set[str], ids: dict[str, str]
) -> bool:
    """Checks id, category, source, confidence. Returns False when the row is unusable."""
    ok = True
    rid = str(row.get("id") or "").strip()
    category = str(row.get("category") or "").strip()
    if category not in categories:
        problems.add(file, where, "category", f"unknown category {category!r} (known: {', '.join(sorted(categories))})")
        ok = False
    if not rid:
        problems.add(file, where, "id", "missing")
        ok = False
    elif not _ID.match(rid):
        problems.add(file, where, "id", f"{rid!r} must be lower-case letters, digits, - and _")
        ok = False
    elif category in categories and not rid.startswith(category + "-"):
        problems.add(file, where, "id", f"{rid!r} must start with its category, '{category}-'")
        ok = False
    elif rid in ids:
        problems.add(file, where, "id", f"{rid!r} is already used ({ids[rid]})")
        ok = False
    else:
        ids[rid] = f"{file} {where}"
    if not str(row.get("source") or "").strip():
        problems.add(file, where, "source", "missing (say where the row comes from)")
        ok = False
    confidence = str(row.get("confidence") or "").strip()
    if confidence not in CONFIDENCES:
        problems.add(file, where, "confidence", f"{confidence!r} is not one of H, M, L")
        ok = False
    return ok


def _check_label(problems: _Problems, file: str, where: str, label: str) -> bool:
    if not label:
        problems.add(file, where, "label", "missing")
        return False
    if len(label) > LABEL_MAX:
        problems.add(file, where, "label", f"longer than {LABEL_MAX} characters; use our own short label")
        return False
    return True


# ------------------------------------------------------------------------------------ tables


def _load_categories(data_dir: Path, problems: _Problems) -> tuple[Category, ...]:
    file = FILES["categories"]
    doc = _read_yaml(data_dir / file, problems)
    if doc is None:
        return ()
    if not isinstance(doc, dict) or not isinstance(doc.get("categories"), list):
        problems.add(file, "", None, "must be a mapping with a 'categories' list")
        return ()
    out: list[Category] = []
    seen: set[str] = set()
    allowed = {"id", "label", "collect", "needs", "source", "confidence", "join_days"}
    for i, entry in enumerate(doc["categories"]):
        where = _where(entry, f"categories[{i}]")
        if not isinstance(entry, dict):
            problems.add(file, where, None, "must be a mapping")
            continue
        for key in set(entry) - allowed:
            problems.add(file, where, key, "unknown field")
        cid = str(entry.get("id") or "")
        ok = True
        if not _ID.match(cid):
            problems.add(file, where, "id", f"{cid!r} must be lower-case letters, digits, - and _")
            ok = False
        elif cid in seen:
            problems.add(file, where, "id", f"category {cid!r} is defined twice")
            ok = False
        seen.add(cid)
        label = str(entry.get("label") or "").strip()
        ok &= _check_label(problems, file, where, label)
        if not str(entry.get("source") or "").strip():
            problems.add(file, where, "source", "missing (say where the entry comes from)")
            ok = False
        if entry.get("confidence") not in CONFIDENCES:
            problems.add(file, where, "confidence", f"{entry.get('confidence')!r} is not one of H, M, L")
            ok = False
        join_days = entry.get("join_days", 0)
        if not isinstance(join_days, int) or isinstance(join_days, bool) or not 0 <= join_days <= 730:
            problems.add(file, where, "join_days", f"{join_days!r} must be a whole number of days, 0 to 730")
            ok = False
        needs: list[Need] = []
        raw_needs = entry.get("needs")
        if not isinstance(raw_needs, list) or not raw_needs:
            problems.add(file, where, "needs", "must be a non-empty list")
            ok = False
            raw_needs = []
        for j, need in enumerate(raw_needs):
            nwhere = _where(need, f"categories[{i}].needs[{j}]")
            if not isinstance(need, dict):
                problems.add(file, nwhere, None, "must be a mapping with label and kind")
                ok = False
                continue
            for key in set(need) - {"label", "kind", "pwk"}:
                problems.add(file, nwhere, key, "unknown field")
                ok = False
            nlabel = str(need.get("label") or "").strip()
            if not nlabel:
                problems.add(file, nwhere, "label", "missing")
                ok = False
            kind = need.get("kind")
            if kind not in NEED_KINDS:
                problems.add(file, nwhere, "kind", f"{kind!r} is not one of {', '.join(NEED_KINDS)}")
                ok = False
            pwk = need.get("pwk") or []
            if not isinstance(pwk, list) or not all(isinstance(p, str) and _PWK.match(p) for p in pwk):
                problems.add(file, nwhere, "pwk", f"{pwk!r} must be a list of two-character PWK01 codes")
                ok = False
                pwk = []
            needs.append(Need(label=nlabel, kind=str(kind), pwk=tuple(pwk)))
        if ok:
            out.append(
                Category(
                    id=cid,
                    label=label,
                    needs=tuple(needs),
                    source=str(entry["source"]).strip(),
                    confidence=entry["confidence"],
                    collect=str(entry.get("collect") or "").strip(),
                    join_days=join_days,
                )
            )
    if not out and not problems.items:
        problems.add(file, "", "categories", "no categories defined")
    return tuple(out)


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
) -> tuple[tuple[NoteTerm, ...], tuple[NoteExclusion, ...]]:
    file = FILES["note_terms"]
    doc = _read_yaml(data_dir / file, problems)
    if doc is None:
        return (), ()
    if not isinstance(doc, dict):
        problems.add(file, "", None, "must be a mapping with 'categories'")
        return (), ()
    for key in set(doc) - {"version", "categories", "followup", "routine", "spelling"}:
        problems.add(file, _where(doc, key), key, "unknown top-level field")

    terms: list[NoteTerm] = []
    exclusions: list[NoteExclusion] = []
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
                              category=category, categories=categories, ids=ids)
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
    return tuple(terms), tuple(exclusions)


def _note_term(
    problems: _Problems, file: str, where: str, entry: Any, *, category: str, categories: set[str], ids: dict[str, str]
) -> NoteTerm | None:
    """One entry of a `terms` list, validated; None when unusable (the problems say why)."""
    if not isinstance(entry, dict):
        problems.add(file, where, None, "must be a mapping")
        return None
    for key in set(entry) - {"id", "level", "label", "patterns", "in_problem", "alone", "source", "confidence"}:
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
    patterns = _pattern_list(problems, file, where, entry.get("patterns"))
    ok &= bool(patterns)
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
    from crosswalks.billing import descriptors_path

    path = Path(data_dir).resolve() if data_dir is not None else DATA_DIR
    licensed = descriptors_path(descriptors, os.environ)
    return _load_cached(str(path), str(licensed) if licensed else "")


@functools.lru_cache(maxsize=16)
def _load_cached(path: str, descriptors: str = "") -> Crosswalk:
    from crosswalks.billing import CONDITIONS, DOCUMENT_KINDS, FACT_NAMES, load_billing
    from crosswalks.evidence import check_criteria_names, load_evidence
    from crosswalks.wording import load_wording_file

    data_dir = Path(path)
    problems = _Problems()
    if not data_dir.is_dir():
        raise CrosswalkError([f"{data_dir}: not a directory"])
    categories = _load_categories(data_dir, problems)
    visit_codes = _load_visit_codes(data_dir, problems)
    known = {c.id for c in categories}
    if not known:
        problems.raise_if_any()
    ids: dict[str, str] = {}
    procedures = _load_procedures(data_dir, known, ids, problems)
    problem_rules = _load_problems(data_dir, known, ids, problems)
    terms, exclusions = _load_note_terms(data_dir, known, ids, problems)
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
    )


def load_packet_kinds(data_dir: Path | str | None = None) -> dict:
    """Just attachments.yaml `sent_as` (document kind -> PWK01, label, reading rank), validated the
    same way, without loading the rest: assembling a packet needs only this.

    Raises `CrosswalkError` listing every problem found.
    """
    return dict(_load_packet_kinds_cached(str(Path(data_dir).resolve() if data_dir is not None else DATA_DIR)))


@functools.lru_cache(maxsize=4)
def _load_packet_kinds_cached(path: str):
    from crosswalks.billing import _load_sent_as

    problems = _Problems()
    kinds = _load_sent_as(Path(path), problems)
    problems.raise_if_any()
    return tuple(kinds.items())


def clear_cache() -> None:
    from crosswalks import evidence, wording

    _load_cached.cache_clear()
    _load_packet_kinds_cached.cache_clear()
    evidence._load_alone.cache_clear()
    wording._load_alone.cache_clear()
