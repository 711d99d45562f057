"""The flagger's judgement: per appointment, which medical categories fire, on what evidence, needing what.

Evidence comes from three places, each matched against crosswalk rows (`crosswalks/data/`):

- procedures on the appointment  -> `flag_procedures.csv` (strength strong | possible, optional `requires`)
- the patient's active problems  -> `flag_problems.csv` by ICD-10-CM code, and the problem's name
                                     through the note terms (offices often leave the code empty)
- the appointment note            -> `flag_note_terms.yaml` (specific | support), minus negated,
                                     not-current and excluded wording (`reading.NoteReader`: spelling
                                     slips and shouting undone first)

How a category fires (every rule below is visible in the evidence a reviewer sees). One medically
specific source is enough: a medical code, a specific note phrase, or a specific current diagnosis.

1. A strong procedure (medical on its own: D9947, D7880, D7286, D7510 ...) -> strong.
2. A possible procedure counts when it has no `requires`, or when one of its requirements is met
   by a *strong* problem or a *specific* note phrase of the named category. It fires "possible";
   "strong" when a strong problem backs it (a listed diagnosis of the category, or the one that
   met the requirement).
3. A specific note phrase alone fires "possible"; "strong" with a strong problem of the category.
4. A strong problem plus a supporting note word fires "possible", when the appointment has a
   procedure of the category (whose requirement was not met) or no procedures at all; on a visit
   whose procedures are all unrelated (a prophy) such a pair is only history talk.
5. A problem marked `alone` (a current, medically specific diagnosis: OSA, TMJ arthralgia, a cyst,
   ankyloglossia, a jaw fracture) fires "possible" on its own when the visit is about it: every
   procedure on it is an exam or consultation (categories.yaml `visit_codes.exams`) or a row of the
   category, or there is none, the note does not
   call the visit routine ("recall", "prophy") and says nothing against the category (negated,
   not current, excluded wording of it).
6. Nothing else fires: general or history problems (hypertension, a past cancer) and supporting words
   alone never do. Such matches, context-ruled and excluded wording, and procedures whose requirement
   was close but unmet, are kept in `Decision.suppressed` with the reason in their detail.

Then the visit may continue an open case of the patient (`joining.py`): it carries `joins_apt`, and a
follow-up that fired nothing by itself ("f/u", a recheck code) is flagged as that case's visit.

Categories are ordered strong before possible, then by evidence weight, then by the order of
`categories.yaml`. Whether the patient has a medical plan does not enter the decision. Each flag says
in plain words what fired it (`CategoryFlag.fired_by`).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Literal

from crosswalks.loader import FOLLOWUP, ROUTINE, Crosswalk, ProblemRule, ProcedureRule, Requirement, load_crosswalk
from plugin.flagger import joining
from plugin.flagger.model import (
    AppointmentContext,
    CategoryFlag,
    Decision,
    Evidence,
    EvidenceSource,
    OpenCase,
    Problem,
)
from plugin.flagger.notes import NoteAnalyzer
from plugin.flagger.reading import NoteReader, ReadMatch
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
    ("case", "strong"): 3,
    ("case", "possible"): 3,
}
PLAIN_MAX = 60  # characters of note wording quoted in `fired_by`
# Contexts in which the note speaks against a category (a past or post-operative mention does not:
# that is what a follow-up visit says).
AGAINST_CONTEXTS = frozenset({"negated", "resolved", "family", "hypothetical"})


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
    status: str = "active"  # active | negated | not_current | excluded (notes)
    reason: str = ""  # why a negated/excluded match did not count
    plain: str = ""  # what it is in plain words, for `fired_by` ("procedure D7880")
    alone: bool = False  # a problem that may flag a visit about it on its own
    code: str = ""  # the procedure code (procedures)
    context: str = "present"  # how the note speaks of it (notes): present, negated, historical ...

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
    fired: list[_Hit]  # the hits that made it fire (for `fired_by`)


@dataclass
class _Collected:
    by_category: dict[str, list[_Hit]] = field(default_factory=dict)
    inactive: list[_Hit] = field(default_factory=list)  # negated / not current / excluded matches
    procedure_codes: list[str] = field(default_factory=list)  # the visit's (non-deleted) procedures
    procedure_categories: list[frozenset[str]] = field(default_factory=list)  # categories with a row per procedure
    visit: dict[str, list[ReadMatch]] = field(default_factory=dict)  # follow-up / routine wording in the note
    seq: int = 0

    @property
    def has_procedures(self) -> bool:
        return bool(self.procedure_codes)

    def add(self, hit: _Hit) -> None:
        if hit.status != "active":
            self.inactive.append(hit)
        else:
            self.by_category.setdefault(hit.category, []).append(hit)

    def next(self) -> int:
        self.seq += 1
        return self.seq

    def visit_is_about(self, category: str, exams: frozenset[str]) -> bool:
        """Every procedure of the visit is an exam or consultation or a row of `category`, or there is none."""
        return all(
            code in exams or category in cats for code, cats in zip(self.procedure_codes, self.procedure_categories)
        )

    def note_against(self, category: str) -> bool:
        """The note speaks of the category but denies it, calls it resolved, someone else's or
        hypothetical, or excludes it."""
        return any(
            h.source == "note" and h.category == category and (h.status == "excluded" or h.context in AGAINST_CONTEXTS)
            for h in self.inactive
        )

    def says(self, kind: str) -> list[ReadMatch]:
        return [m for m in self.visit.get(kind, []) if m.active]


class Flagger:
    """Decides per appointment whether it is potentially billable to medical insurance."""

    def __init__(self, crosswalk: Crosswalk, analyzer: NoteAnalyzer | None = None):
        self.crosswalk = crosswalk
        self.rules = RuleSet.build(crosswalk)
        self.reader = NoteReader(crosswalk, analyzer)
        self.analyzer = self.reader.analyzer
        self.followup_codes = frozenset(crosswalk.followup.codes)
        self.self_evident_codes = frozenset(crosswalk.followup.self_evident)
        self.exam_codes = frozenset(crosswalk.exam_codes)
        self.join_days = {c.id: c.join_days for c in crosswalk.categories}

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

        joined, verdicts = self._join(ctx, found, verdicts)
        for verdict in verdicts:
            used.update(id(h) for h in verdict.hits)
            for hit in verdict.hits:
                close_calls.pop(id(hit), None)
        flags = tuple(
            CategoryFlag(
                category=v.category,
                label=self.rules.categories[v.category].label,
                strength=v.strength,  # type: ignore[arg-type]
                evidence=tuple(h.evidence() for h in v.hits),
                needs=self.rules.categories[v.category].need_labels,
                fired_by=_plain_words(v.fired),
            )
            for v in verdicts
        )
        suppressed = self._suppressed(found, used, close_calls)
        return Decision(
            apt_num=ctx.apt_num,
            pat_num=ctx.pat_num,
            start=ctx.start,
            categories=flags,
            suppressed=suppressed,
            joins_apt=joined.apt_num if joined else None,
            joined_case=joined,
        )

    # -- collecting evidence

    def _collect_procedures(self, ctx: AppointmentContext, found: _Collected) -> None:
        for proc in ctx.procedures:
            if (proc.status or "").strip().upper() in IGNORED_PROC_STATUSES:
                continue
            code = normalize_cdt(proc.code)
            rules = self.rules.procedure_rules(code)
            found.procedure_codes.append(code)
            found.procedure_categories.append(frozenset(r.category for r in rules))
            for rule in rules:
                found.add(
                    _Hit(
                        source="procedure",
                        category=rule.category,
                        rule_id=rule.id,
                        detail=_procedure_detail(code, rule, proc.tooth),
                        grade=rule.strength,  # type: ignore[arg-type]
                        seq=found.next(),
                        requires=rule.requires,
                        plain=f"procedure {code}",
                        code=code,
                    )
                )

    def _collect_problems(self, ctx: AppointmentContext, found: _Collected) -> None:
        for problem in ctx.problems:
            coded: set[str] = set()
            current = _is_current(problem.icd10)
            for rule in self.rules.problem_rules(problem.icd10):
                coded.add(rule.category)
                found.add(self._coded_problem_hit(problem, rule, current, found.next()))
            text = ". ".join(t for t in (problem.name.strip(), problem.note.strip()) if t)
            best: dict[str, ReadMatch] = {}
            for read in self.reader.read(text):
                term = read.match.term
                if term.category in coded or term.category in (FOLLOWUP, ROUTINE) or term.in_problem == "ignore":
                    continue  # the ICD-10 code already speaks for this category
                rank = (not read.active, term.in_problem != "strong")
                held = best.get(term.category)
                if held is None or rank < (not held.active, held.match.term.in_problem != "strong"):
                    best[term.category] = read
            for read in best.values():
                match, term = read.match, read.match.term
                code = f"{problem.icd10.strip().upper()} " if problem.icd10.strip() else ""
                shown = problem.name.strip() or text
                words = f" ({read.written})" if read.written.lower() != shown.lower() else ""
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
                        plain=f"problem list: {shown}" + (f" ({problem.icd10.strip().upper()})" if code else ""),
                        alone=term.alone and current,
                    )
                )

    @staticmethod
    def _coded_problem_hit(problem: Problem, rule: ProblemRule, current: bool, seq: int) -> _Hit:
        code = problem.icd10.strip().upper()
        name = problem.name.strip() or rule.label
        return _Hit(
            source="problem",
            category=rule.category,
            rule_id=rule.id,
            detail=f"{code} {name}",
            grade=rule.strength,  # type: ignore[arg-type]
            seq=seq,
            plain=f"problem list: {rule.label} ({code})",
            alone=rule.alone and current,
        )

    def _collect_note(self, ctx: AppointmentContext, found: _Collected) -> None:
        seen: set[tuple[str, str, str]] = set()
        for read in self.reader.read(ctx.note or ""):
            match = read.match
            if match.category in (FOLLOWUP, ROUTINE):
                found.visit.setdefault(match.category, []).append(read)
                continue
            key = (match.rule_id, match.snippet, match.text.lower())
            if key in seen:
                continue
            seen.add(key)
            found.add(_note_hit(read, found.next()))

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
        fired: list[_Hit] = []
        if any(p.grade == "strong" for p in counted):
            strength, fired = "strong", [*counted, *backing]
        elif counted:
            backed = strong_problems or [h for h in backing if h.source == "problem"]
            strength = "strong" if backed else "possible"
            fired = [*counted, *backing, *strong_problems]
        elif specific_notes:
            strength = "strong" if strong_problems else "possible"
            fired = [*strong_problems, *specific_notes]
        elif strong_problems and notes and (procs or not found.has_procedures):
            strength, fired = "possible", [*strong_problems, *notes]
        else:
            alone = [h for h in strong_problems if h.alone]
            if (
                alone
                and found.visit_is_about(category, self.exam_codes)
                and not found.says(ROUTINE)
                and not found.note_against(category)
            ):
                strength, fired = "possible", alone
                counted = procs  # the exam or consult is this visit's part of the case
        if strength is None:
            return None

        evidence: list[_Hit] = []
        for hit in [*counted, *backing, *problems, *notes]:
            if hit not in evidence:
                evidence.append(hit)
        evidence.sort(key=_evidence_order)
        return _Verdict(
            category=category,
            strength=strength,
            hits=evidence,
            weight=sum(h.weight for h in evidence),
            fired=_unique(fired),
        )

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

    # -- continuing an open case

    def _join(
        self, ctx: AppointmentContext, found: _Collected, verdicts: list[_Verdict]
    ) -> tuple[OpenCase | None, list[_Verdict]]:
        """The open case this visit continues (if any), and the verdicts with the join shown."""
        cases = joining.cases_in_reach(ctx, self.join_days)
        if not cases:
            return None, verdicts
        teeth = joining.teeth_of(ctx)
        if verdicts:
            # The visit fires on its own: it continues a case of its strongest category, else it is a new case.
            primary = verdicts[0]
            case = next((c for c in cases if c.category == primary.category and joining.teeth_agree(c, teeth)), None)
            if case is None:
                return None, verdicts
            link = self._case_hit(case, ctx, found)
            primary.hits.insert(0, link)
            primary.fired.insert(0, link)
            primary.weight += link.weight
            return case, verdicts
        for case in cases:
            if self._follows_up(case, found) and joining.teeth_agree(case, teeth):
                link = self._case_hit(case, ctx, found)
                said = [_visit_hit(m, found.next()) for m in found.says(FOLLOWUP)]
                procs = [h for h in found.by_category.get(case.category, []) if h.source == "procedure"]
                hits = [link, *procs, *said]
                verdict = _Verdict(
                    category=case.category,
                    strength=case.strength,
                    hits=hits,
                    weight=sum(h.weight for h in hits if h.source != "note"),
                    fired=[link, *said],
                )
                return case, [verdict]
        return None, verdicts

    def _follows_up(self, case: OpenCase, found: _Collected) -> bool:
        """The visit is the case's follow-up or next stage, though it fires nothing on its own."""
        codes = found.procedure_codes
        fits = all(
            code in self.followup_codes or case.category in cats
            for code, cats in zip(codes, found.procedure_categories)
        )
        if not fits or found.note_against(case.category):
            return False
        staged = any(
            case.category in cats and code not in self.followup_codes
            for code, cats in zip(codes, found.procedure_categories)
        )
        said = bool(found.says(FOLLOWUP)) or any(code in self.self_evident_codes for code in codes)
        return said or staged

    def _case_hit(self, case: OpenCase, ctx: AppointmentContext, found: _Collected) -> _Hit:
        days = joining.days_between(case, ctx)
        window = self.join_days.get(case.category, 0)
        return _Hit(
            source="case",
            category=case.category,
            rule_id=f"{case.category}-join",
            detail=(
                f"continues the {case.category} case opened {case.opened:%Y-%m-%d} (appointment {case.apt_num}); "
                f"{days} days after its last visit, within {window}"
            ),
            grade=case.strength,  # type: ignore[arg-type]
            seq=found.next(),
            plain=f"continues the {case.category} case of {case.opened:%Y-%m-%d} (appointment {case.apt_num})",
        )

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
                    items.append((hit.seq, hit.evidence(_why_problem_alone_did_not_count(hit, found))))
                elif hit.grade == "support":
                    items.append((hit.seq, hit.evidence("not counted: supporting word only")))
        items.sort(key=lambda i: i[0])
        return tuple(e for _, e in items)


def _why_problem_alone_did_not_count(hit: _Hit, found: _Collected) -> str:
    if not hit.alone or hit.grade != "strong":
        return "not counted: on the problem list only, nothing at this visit"
    if found.says(ROUTINE):
        return "not counted: on the problem list only, and the note calls the visit routine"
    if found.note_against(hit.category):
        return "not counted: on the problem list only, and the note speaks against it"
    return "not counted: on the problem list only, and this visit's procedures are about something else"


def _is_current(icd10: str) -> bool:
    """A sequela code (7th character S) names what is left of an old injury, not a current problem."""
    code = icd10.strip().upper().replace(".", "")
    return not (len(code) == 7 and code[0] in "ST" and code[-1] == "S")


def _evidence_order(hit: _Hit) -> tuple[int, int]:
    return (("case", "procedure", "problem", "note").index(hit.source), hit.seq)


def _unique(hits: list[_Hit]) -> list[_Hit]:
    out: list[_Hit] = []
    for hit in hits:
        if hit not in out:
            out.append(hit)
    out.sort(key=_evidence_order)
    return out


def _plain_words(hits: list[_Hit]) -> tuple[str, ...]:
    out: list[str] = []
    for hit in hits:
        if hit.plain and hit.plain not in out:
            out.append(hit.plain)
    return tuple(out)


def _procedure_detail(code: str, rule: ProcedureRule, tooth: str) -> str:
    tooth = (tooth or "").strip()
    return f"{code} ({rule.label})" + (f" tooth {tooth}" if tooth else "")


def _note_hit(read: ReadMatch, seq: int) -> _Hit:
    match = read.match
    shown = f'"{match.snippet}"'
    if read.written.strip().lower() != match.snippet.strip().lower():
        shown += f" ({read.written})"
    if read.written.strip().lower() != match.text.strip().lower():
        shown += f" read as {match.text!r}"
    return _Hit(
        source="note",
        category=match.category,
        rule_id=match.rule_id,
        detail=shown,
        grade=match.term.level,  # type: ignore[arg-type]
        seq=seq,
        status=match.status,
        reason=match.reason,
        plain=f'note: "{_quote(read.written)}"',
        context="negated" if match.status == "negated" else getattr(match, "context", "present"),
    )


def _visit_hit(read: ReadMatch, seq: int) -> _Hit:
    hit = _note_hit(read, seq)
    return replace(hit, grade="support")


def _quote(words: str) -> str:
    words = " ".join(words.split())
    return words if len(words) <= PLAIN_MAX else words[: PLAIN_MAX - 1] + "…"


def format_reasons(decision: Decision, crosswalk: Crosswalk | None = None) -> list[str]:
    """A reviewer's explanation of a decision, one line per piece of evidence.

    e.g. ['sleep [strong]: sleep apnea appliance',
          '  fired by: procedure D9947',
          '  procedure D9947 (sleep apnea appliance) -> sleep [strong]',
          'not counted:',
          '  note "denies jaw pain" (jaw pain) — negated by "denies" [tmd]']
    """
    cw = crosswalk if crosswalk is not None else load_crosswalk()
    lines: list[str] = []
    for flag in decision.categories:
        lines.append(f"{flag.category} [{flag.strength}]: {flag.label}")
        if flag.fired_by:
            lines.append(f"  fired by: {'; '.join(flag.fired_by)}")
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
