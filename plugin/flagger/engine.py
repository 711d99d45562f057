"""The flagger's judgement: per appointment, which medical categories fire, on what evidence, needing what.

Evidence comes from three places, each matched against crosswalk rows (`crosswalks/data/`):

- procedures on the appointment  -> `flag_procedures.csv` (strength strong | possible, optional `requires`)
- the patient's active problems  -> `flag_problems.csv` by ICD-10-CM code, and the problem's name
                                     through the note terms (offices often leave the code empty)
- the appointment note            -> `flag_note_terms.yaml` (specific | support), minus negated and
                                     excluded wording

How a category fires (every rule below is visible in the evidence a reviewer sees):

1. A strong procedure (medical on its own: D9947, D7880, D7286, D7510 ...) -> strong.
2. A possible procedure counts when it has no `requires`, or when one of its requirements is met
   by a *strong* problem or a *specific* note phrase of the named category. It fires "possible";
   "strong" when a strong problem backs it (a listed diagnosis of the category, or the one that
   met the requirement).
3. A specific note phrase alone fires "possible"; "strong" with a strong problem of the category.
4. A strong problem plus a supporting note word fires "possible", when the appointment has a
   procedure of the category (whose requirement was not met) or no procedures at all; on a visit
   whose procedures are all unrelated (a prophy) such a pair is only history talk.
5. Nothing else fires. In particular the problem list alone never flags an appointment (it holds
   the patient's whole history), and supporting words alone never do. Such matches, negated and
   excluded note wording, and procedures whose requirement was close but unmet, are kept in
   `Decision.suppressed` with the reason in their detail.

Categories are ordered strong before possible, then by evidence weight, then by the order of
`categories.yaml`. Whether the patient has a medical plan does not enter the decision.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Literal

from crosswalks.loader import Crosswalk, ProcedureRule, Requirement, load_crosswalk
from plugin.flagger.model import AppointmentContext, CategoryFlag, Decision, Evidence, EvidenceSource
from plugin.flagger.notes import NoteAnalyzer, NoteMatch, get_analyzer
from plugin.flagger.rules import IGNORED_PROC_STATUSES, RuleSet, describe_requirement, normalize_cdt

Grade = Literal["strong", "possible", "specific", "support"]

# Evidence weights, for ordering categories of equal strength.
WEIGHTS: dict[tuple[str, str], int] = {
    ("procedure", "strong"): 4,
    ("procedure", "possible"): 2,
    ("problem", "strong"): 3,
    ("problem", "possible"): 1,
    ("note", "specific"): 2,
    ("note", "support"): 1,
}


@dataclass(eq=False)
class _Hit:
    """One matched crosswalk row, before the judgement."""

    source: EvidenceSource
    category: str
    rule_id: str
    detail: str
    grade: Grade
    seq: int  # order of discovery, for stable output
    requires: tuple[Requirement, ...] = ()
    status: str = "active"  # active | negated | excluded (notes)
    reason: str = ""  # why a negated/excluded match did not count

    @property
    def weight(self) -> int:
        return WEIGHTS[(self.source, self.grade)]

    def evidence(self, why: str = "") -> Evidence:
        detail = f"{self.detail} — {why}" if why else self.detail
        return Evidence(
            source=self.source, rule_id=self.rule_id, detail=detail, negated=self.status != "active"
        )


@dataclass
class _Verdict:
    category: str
    strength: str
    hits: list[_Hit]
    weight: int


@dataclass
class _Collected:
    by_category: dict[str, list[_Hit]] = field(default_factory=dict)
    inactive: list[_Hit] = field(default_factory=list)  # negated / excluded note matches
    has_procedures: bool = False  # the appointment has any (non-deleted) procedure
    seq: int = 0

    def add(self, hit: _Hit) -> None:
        if hit.status != "active":
            self.inactive.append(hit)
        else:
            self.by_category.setdefault(hit.category, []).append(hit)

    def next(self) -> int:
        self.seq += 1
        return self.seq


class Flagger:
    """Decides per appointment whether it is potentially billable to medical insurance."""

    def __init__(self, crosswalk: Crosswalk, analyzer: NoteAnalyzer | None = None):
        self.crosswalk = crosswalk
        self.rules = RuleSet.build(crosswalk)
        self.analyzer = analyzer or get_analyzer(crosswalk)

    @classmethod
    def from_crosswalks(cls, crosswalk: Crosswalk | None = None) -> "Flagger":
        """A flagger over `crosswalk` (default: the packaged crosswalk data)."""
        return cls(crosswalk if crosswalk is not None else load_crosswalk())

    def decide_many(self, contexts: Iterable[AppointmentContext]) -> list[Decision]:
        return [self.decide(ctx) for ctx in contexts]

    def decide(self, ctx: AppointmentContext) -> Decision:
        found = _Collected()
        self._collect_procedures(ctx, found)
        self._collect_problems(ctx, found)
        self._collect_note(ctx, found)

        verdicts: list[_Verdict] = []
        used: set[int] = set()
        close_calls: dict[int, tuple[_Hit, str]] = {}
        for category in self.rules.order:
            verdict = self._judge(category, found, close_calls)
            if verdict is not None:
                verdicts.append(verdict)
                used.update(id(h) for h in verdict.hits)
        verdicts.sort(key=lambda v: (v.strength != "strong", -v.weight, self.rules.order[v.category]))

        flags = tuple(
            CategoryFlag(
                category=v.category,
                label=self.rules.categories[v.category].label,
                strength=v.strength,  # type: ignore[arg-type]
                evidence=tuple(h.evidence() for h in v.hits),
                needs=self.rules.categories[v.category].need_labels,
            )
            for v in verdicts
        )
        suppressed = self._suppressed(found, used, close_calls)
        return Decision(
            apt_num=ctx.apt_num, pat_num=ctx.pat_num, start=ctx.start, categories=flags, suppressed=suppressed
        )

    # -- collecting evidence

    def _collect_procedures(self, ctx: AppointmentContext, found: _Collected) -> None:
        for proc in ctx.procedures:
            if (proc.status or "").strip().upper() in IGNORED_PROC_STATUSES:
                continue
            found.has_procedures = True
            code = normalize_cdt(proc.code)
            for rule in self.rules.procedure_rules(code):
                found.add(
                    _Hit(
                        source="procedure",
                        category=rule.category,
                        rule_id=rule.id,
                        detail=_procedure_detail(code, rule, proc.tooth),
                        grade=rule.strength,  # type: ignore[arg-type]
                        seq=found.next(),
                        requires=rule.requires,
                    )
                )

    def _collect_problems(self, ctx: AppointmentContext, found: _Collected) -> None:
        for problem in ctx.problems:
            coded: set[str] = set()
            for rule in self.rules.problem_rules(problem.icd10):
                coded.add(rule.category)
                name = problem.name.strip() or rule.label
                found.add(
                    _Hit(
                        source="problem",
                        category=rule.category,
                        rule_id=rule.id,
                        detail=f"{problem.icd10.strip().upper()} {name}",
                        grade=rule.strength,  # type: ignore[arg-type]
                        seq=found.next(),
                    )
                )
            text = ". ".join(t for t in (problem.name.strip(), problem.note.strip()) if t)
            best: dict[str, NoteMatch] = {}
            for match in self.analyzer.analyze(text):
                term = match.term
                if term.category in coded or term.in_problem == "ignore":
                    continue  # the ICD-10 code already speaks for this category
                rank = (not match.active, term.in_problem != "strong")
                held = best.get(term.category)
                if held is None or rank < (not held.active, held.term.in_problem != "strong"):
                    best[term.category] = match
            for match in best.values():
                term = match.term
                code = f"{problem.icd10.strip().upper()} " if problem.icd10.strip() else ""
                shown = problem.name.strip() or text
                words = f" ({match.text})" if match.text.lower() != shown.lower() else ""
                found.add(
                    _Hit(
                        source="problem",
                        category=term.category,
                        rule_id=term.id,
                        detail=f'{code}"{shown}"{words}',
                        grade=term.in_problem,  # type: ignore[arg-type]
                        seq=found.next(),
                        status=match.status,
                        reason=match.reason,
                    )
                )

    def _collect_note(self, ctx: AppointmentContext, found: _Collected) -> None:
        seen: set[tuple[str, str, str]] = set()
        for match in self.analyzer.analyze(ctx.note or ""):
            key = (match.rule_id, match.snippet, match.text.lower())
            if key in seen:
                continue
            seen.add(key)
            found.add(_note_hit(match, found.next()))

    # -- judging one category

    def _judge(self, category: str, found: _Collected, close_calls: dict[int, tuple[_Hit, str]]) -> _Verdict | None:
        hits = found.by_category.get(category, [])
        if not hits:
            return None
        procs = [h for h in hits if h.source == "procedure"]
        problems = [h for h in hits if h.source == "problem"]
        notes = [h for h in hits if h.source == "note"]
        strong_problems = [h for h in problems if h.grade == "strong"]
        specific_notes = [h for h in notes if h.grade == "specific"]

        counted: list[_Hit] = []
        backing: list[_Hit] = []
        for proc in procs:
            if not proc.requires:
                counted.append(proc)
                continue
            support = self._support(proc.requires, found)
            if support:
                counted.append(proc)
                backing.extend(h for h in support if h not in backing)
            elif self._has_any_evidence(proc.requires, found):
                close_calls[id(proc)] = (proc, f"not counted: needs {describe_requirement(proc.requires)}")

        strength: str | None = None
        if any(p.grade == "strong" for p in counted):
            strength = "strong"
        elif counted:
            backed = strong_problems or [h for h in backing if h.source == "problem"]
            strength = "strong" if backed else "possible"
        elif specific_notes:
            strength = "strong" if strong_problems else "possible"
        elif strong_problems and notes and (procs or not found.has_procedures):
            strength = "possible"
        if strength is None:
            return None

        evidence: list[_Hit] = []
        for hit in [*counted, *backing, *problems, *notes]:
            if hit not in evidence:
                evidence.append(hit)
        evidence.sort(key=lambda h: (("procedure", "problem", "note").index(h.source), h.seq))
        return _Verdict(category=category, strength=strength, hits=evidence, weight=sum(h.weight for h in evidence))

    @staticmethod
    def _support(requires: tuple[Requirement, ...], found: _Collected) -> list[_Hit]:
        """Hits that satisfy a requirement: strong problems / specific notes of a named category."""
        out: list[_Hit] = []
        for req in requires:
            for hit in found.by_category.get(req.category, []):
                if hit.source == "problem" and req.source in ("any", "problem") and hit.grade == "strong":
                    out.append(hit)
                elif hit.source == "note" and req.source in ("any", "note") and hit.grade == "specific":
                    out.append(hit)
        return out

    @staticmethod
    def _has_any_evidence(requires: tuple[Requirement, ...], found: _Collected) -> bool:
        """Weaker evidence of a required category exists (a close call worth showing)."""
        for req in requires:
            for hit in found.by_category.get(req.category, []):
                if hit.source != "procedure" and req.source in ("any", hit.source):
                    return True
        return False

    # -- what did not count

    def _suppressed(
        self, found: _Collected, used: set[int], close_calls: dict[int, tuple[_Hit, str]]
    ) -> tuple[Evidence, ...]:
        items: list[tuple[int, Evidence]] = []
        for hit in found.inactive:
            items.append((hit.seq, hit.evidence(hit.reason)))
        # the same problem or note words may count for one category and not another: show them once
        counted_elsewhere = {
            (h.source, h.detail) for hits in found.by_category.values() for h in hits if id(h) in used
        }
        for hits in found.by_category.values():
            for hit in hits:
                if id(hit) in used or (hit.source, hit.detail) in counted_elsewhere:
                    continue
                if hit.source == "procedure":
                    if id(hit) in close_calls:
                        items.append((hit.seq, hit.evidence(close_calls[id(hit)][1])))
                elif hit.source == "problem":
                    items.append((hit.seq, hit.evidence("not counted: on the problem list only, nothing at this visit")))
                elif hit.grade == "support":
                    items.append((hit.seq, hit.evidence("not counted: supporting word only")))
        items.sort(key=lambda i: i[0])
        return tuple(e for _, e in items)


def _procedure_detail(code: str, rule: ProcedureRule, tooth: str) -> str:
    tooth = (tooth or "").strip()
    return f"{code} ({rule.label})" + (f" tooth {tooth}" if tooth else "")


def _note_hit(match: NoteMatch, seq: int) -> _Hit:
    shown = f'"{match.snippet}"'
    if match.text.strip().lower() != match.snippet.strip().lower():
        shown += f" ({match.text})"
    return _Hit(
        source="note",
        category=match.category,
        rule_id=match.rule_id,
        detail=shown,
        grade=match.term.level,  # type: ignore[arg-type]
        seq=seq,
        status=match.status,
        reason=match.reason,
    )


def format_reasons(decision: Decision, crosswalk: Crosswalk | None = None) -> list[str]:
    """A reviewer's explanation of a decision, one line per piece of evidence.

    e.g. ['sleep [strong]: sleep apnea appliance',
          '  procedure D9947 (sleep apnea appliance) -> sleep [strong]',
          'not counted:',
          '  note "denies jaw pain" (jaw pain) — negated by "denies" [tmd]']
    """
    cw = crosswalk if crosswalk is not None else load_crosswalk()
    lines: list[str] = []
    for flag in decision.categories:
        lines.append(f"{flag.category} [{flag.strength}]: {flag.label}")
        for ev in flag.evidence:
            lines.append(f"  {ev.source} {ev.detail} -> {flag.category} [{flag.strength}]")
    if not decision.categories:
        lines.append("not flagged: no procedure, problem or note wording made a medical case")
    if decision.suppressed:
        lines.append("not counted:")
        for ev in decision.suppressed:
            category = cw.category_of_rule(ev.rule_id)
            lines.append(f"  {ev.source} {ev.detail} [{category}]")
    return lines
