"""Typed lookups built from the crosswalk: which rows a procedure code or an ICD-10-CM code matches."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from crosswalks.loader import Category, Crosswalk, ProblemRule, ProcedureRule, Requirement, normalize_icd10

_CDT_HEAD = re.compile(r"^(D\d{4})")

# Open Dental procedure statuses that are not procedures of this visit: deleted, condition.
IGNORED_PROC_STATUSES = frozenset({"D", "CN"})


def normalize_cdt(code: str) -> str:
    """"d7240 " -> "D7240"; an office's suffixed custom code "D9947A" counts as "D9947"."""
    code = (code or "").strip().upper()
    m = _CDT_HEAD.match(code)
    return m.group(1) if m else code


def describe_requirement(requires: tuple[Requirement, ...]) -> str:
    """Human wording of a `requires` cell, e.g. "a tmd diagnosis or note"."""
    parts = []
    for req in requires:
        what = {"any": "diagnosis or note", "problem": "diagnosis", "note": "note"}[req.source]
        parts.append(f"{req.category} {what}")
    return "a " + " or ".join(parts) if parts else ""


@dataclass(frozen=True)
class RuleSet:
    """The crosswalk, indexed for the engine."""

    crosswalk: Crosswalk
    by_code: dict[str, tuple[ProcedureRule, ...]] = field(repr=False)
    problems_by_letter: dict[str, tuple[ProblemRule, ...]] = field(repr=False)
    categories: dict[str, Category] = field(repr=False)
    order: dict[str, int] = field(repr=False)

    @classmethod
    def build(cls, crosswalk: Crosswalk) -> "RuleSet":
        by_code: dict[str, list[ProcedureRule]] = {}
        for rule in crosswalk.procedures:
            for code in rule.codes:
                by_code.setdefault(code, []).append(rule)
        by_letter: dict[str, list[ProblemRule]] = {}
        for prule in crosswalk.problems:
            for letter in {start[0] for start, _ in prule.spans}:
                by_letter.setdefault(letter, []).append(prule)
        return cls(
            crosswalk=crosswalk,
            by_code={k: tuple(v) for k, v in by_code.items()},
            problems_by_letter={k: tuple(v) for k, v in by_letter.items()},
            categories={c.id: c for c in crosswalk.categories},
            order={c.id: i for i, c in enumerate(crosswalk.categories)},
        )

    def procedure_rules(self, code: str) -> tuple[ProcedureRule, ...]:
        return self.by_code.get(normalize_cdt(code), ())

    def problem_rules(self, icd10: str) -> list[ProblemRule]:
        """The most specific matching row per category (longest prefix wins)."""
        norm = normalize_icd10(icd10 or "")
        if not norm:
            return []
        best: dict[str, tuple[int, ProblemRule]] = {}
        for rule in self.problems_by_letter.get(norm[0], ()):
            length = rule.match_length(norm)
            if length and length > best.get(rule.category, (0, rule))[0]:
                best[rule.category] = (length, rule)
        return [rule for _, rule in best.values()]
