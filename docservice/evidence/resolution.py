"""The one resolution of a case's evidence: for each fact, the value the case uses and why.

Which readings count (the one "is this fact present"): a fact whose context is "present" (the
patient's own, current, affirmed finding), with a value, from a document that is not about another
patient (identity "mismatch"). Denied and past readings are kept apart (a check may need "pain
denied"); family, hypothetical and postoperative ones never count.

Which value is used, deterministically:
1. a person's word (the latest confirmation, correction or entry) beats anything read, before or after;
2. else a reading from the document kind that is authoritative for the fact (crosswalk
   `evidence.yaml`: a sleep study for the AHI, a physician order for the order date), the first
   listed kind first;
3. within that, the value most readings give (fourteen notes say left, one says both), then the
   surest reading (highest confidence), then the first read.
Readings of another value are conflicts, reported with the value used (facts a case documents
several of, `many: true`, have no conflicts).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from crosswalks.clinical.context import DENYING_CONTEXTS
from docservice.evidence.diagnoses import DocumentedDiagnoses, read_diagnoses
from docservice.evidence.readings import (
    MISMATCH,
    PAST_CONTEXTS,
    PRESENT,
    PersonReading,
    affirms,
    confidence_of,
    context_of,
    is_blank,
    same_value,
)
from docservice.evidence.stored_confirmations import load_confirmations
from docservice.facts.values import stored_date


@dataclass(frozen=True)
class Resolved:
    """One fact of the case: the value used, why, and every other reading."""

    name: str
    reading: object | None = None  # the Fact or PersonReading used; None when nothing counts
    why: str = ""
    readings: tuple = ()  # readings that count, from the records, in reading order
    conflicts: tuple = ()  # readings that count with another value than the one used
    denied: tuple = ()  # readings that deny it ("denies jaw pain")
    past: tuple = ()  # readings of it as past history or resolved
    confirmation: PersonReading | None = None
    authority: tuple[str, ...] = ()
    many: bool = False

    @property
    def value(self) -> object:
        return self.reading.value if self.reading is not None else None

    @property
    def documented(self) -> tuple:
        """What states the finding now: a person's affirming word first, then the readings that count."""
        if self.confirmation is not None:
            if not affirms(self.confirmation.value):
                return ()
            if not self.many:
                return (self.confirmation,)
            return (self.confirmation, *self.readings)
        return self.readings

    @property
    def contradictions(self) -> tuple:
        """What denies the finding the case rests on, unless a person settled it by affirming it.

        Denied only: every denial (a person's denying word first). Documented too: the denials of that
        same value ("denies jaw pain" against "jaw pain"; "no crepitus" does not deny a click). A denial
        of a narrower finding ("no facial swelling", "no pain at rest") contradicts nothing: alone, the
        finding is simply not documented.
        """
        if self.confirmation is not None:
            return () if affirms(self.confirmation.value) else (self.confirmation, *self.denied)
        whole = tuple(d for d in self.denied if context_of(d) != "narrowed")
        if not self.readings:
            return whole
        return tuple(d for d in whole if any(same_value(d.value, r.value) for r in self.readings))


@dataclass(frozen=True)
class Evidence:
    """A case's evidence, resolved once; what claims, checks and narratives all read."""

    facts: Mapping[str, Resolved]
    diagnoses: DocumentedDiagnoses = field(default_factory=DocumentedDiagnoses)
    problems: tuple[str, ...] = ()  # ICD-10-CM codes of the case's problem list
    documents: Mapping[int, object] = field(default_factory=dict)
    rules: object = None  # crosswalk EvidenceRules

    def get(self, name: str) -> Resolved:
        found = self.facts.get(name)
        if found is not None:
            return found
        rule = self.rules.fact(name) if self.rules is not None else None
        return Resolved(name=name, authority=rule.authority if rule else (), many=bool(rule and rule.many))

    def reading(self, name: str):
        """The Fact (or PersonReading) whose value the case uses, or None."""
        return self.get(name).reading

    def value(self, name: str) -> object:
        return self.get(name).value

    def documented(self, name: str) -> tuple:
        return self.get(name).documented

    def denied(self, name: str) -> tuple:
        return self.get(name).denied

    def past(self, name: str) -> tuple:
        return self.get(name).past

    def number(self, name: str) -> tuple[float, object] | None:
        """(value, reading) when the value used is a number."""
        reading = self.reading(name)
        value = getattr(reading, "value", None)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return None
        return float(value), reading

    def date(self, name: str) -> tuple[date, object] | None:
        """(date, reading) when the value used is a date."""
        reading = self.reading(name)
        day = stored_date(getattr(reading, "value", None)) if reading is not None else None
        return (day, reading) if day is not None else None

    def document_kind(self, reading) -> str | None:
        document = self.documents.get(getattr(reading, "document_id", None))
        return getattr(document, "kind", None)

    def diagnosis_codes(self) -> list[str]:
        """The case's problem list and the codes its documents write, each once."""
        return list(dict.fromkeys([*self.problems, *self.diagnoses.codes()]))


def resolve_evidence(case, facts: Iterable, rules, *, confirmations: Sequence | None = None) -> Evidence:
    """Resolve the case's evidence from its facts, its documents and the people's confirmations.

    Args:
        case: the case (its documents and problem list are read).
        facts: its facts (Fact rows or ExtractedFact), every context included, in reading order.
        rules: the crosswalk's EvidenceRules (`evidence_rules(crosswalk)`).
        confirmations: the case's EvidenceConfirmation rows; None reads them from the case's session.
    """
    documents = {document.id: document for document in getattr(case, "documents", None) or []}
    if confirmations is None:
        confirmations = load_confirmations(case)
    latest = _latest(confirmations)
    by_name: dict[str, list] = {}
    for fact in facts:
        document = documents.get(getattr(fact, "document_id", None))
        if getattr(document, "identity", None) == MISMATCH:
            continue  # another patient's document: never this patient's evidence
        by_name.setdefault(fact.name, []).append(fact)
    names = list(dict.fromkeys([*by_name, *latest]))
    resolved = {name: _resolve(name, by_name.get(name, []), latest.get(name), rules, documents) for name in names}
    problems = tuple(dict.fromkeys(p.icd10 for p in getattr(case, "problems", None) or [] if p.icd10))
    return Evidence(facts=resolved, diagnoses=read_diagnoses(documents.values(), rules), problems=problems,
                    documents=documents, rules=rules)


def _latest(confirmations: Sequence) -> dict[str, PersonReading]:
    """The latest confirmation per fact, as a reading (rows are never updated: the newest row wins)."""
    latest: dict[str, object] = {}
    for row in sorted(confirmations or (), key=lambda row: (row.created_at is not None, row.created_at, row.id or 0)):
        latest[row.fact] = row
    return {name: _person_reading(row) for name, row in latest.items()}


def _person_reading(row) -> PersonReading:
    return PersonReading(name=row.fact, value=row.value, display=row.display or str(row.value), action=row.action,
                         note=row.note or "", user_name=row.user_name or "", created_at=row.created_at,
                         confirmation_id=row.id, fact_id=row.fact_id)


def _resolve(name: str, facts: list, person: PersonReading | None, rules, documents: Mapping) -> Resolved:
    rule = rules.fact(name)
    counting = [fact for fact in facts if context_of(fact) == PRESENT and not is_blank(fact.value)]
    denied = tuple(fact for fact in facts if context_of(fact) in DENYING_CONTEXTS)
    past = tuple(fact for fact in facts if context_of(fact) in PAST_CONTEXTS)
    base = dict(name=name, readings=tuple(counting), denied=denied, past=past, authority=rule.authority,
                many=rule.many)
    if person is not None:
        person = _with_source(person, facts)
        conflicts = () if rule.many else tuple(f for f in counting if not same_value(f.value, person.value))
        return Resolved(reading=person, why=person.why, conflicts=conflicts, confirmation=person, **base)
    if not counting:
        return Resolved(**base)
    chosen, why = _choose(counting, rule, documents)
    conflicts = () if rule.many else tuple(f for f in counting if not same_value(f.value, chosen.value))
    if conflicts:
        others = ", ".join(dict.fromkeys(_shown(f) for f in conflicts))
        why += f"; other readings differ ({others}): confirm the right value"
    return Resolved(reading=chosen, why=why, conflicts=conflicts, **base)


def _with_source(person: PersonReading, facts: list) -> PersonReading:
    """A confirmation as read keeps where it was read, while that reading still exists."""
    if person.action != "confirm" or person.fact_id is None:
        return person
    fact = next((f for f in facts if getattr(f, "id", None) == person.fact_id), None)
    if fact is None:
        return person
    return replace(person, document_id=fact.document_id, page=fact.page, snippet=fact.snippet or "",
                   section=getattr(fact, "section", "") or "")


def _choose(counting: list, rule, documents: Mapping) -> tuple[object, str]:
    def rank(fact) -> int:
        if fact.source == "person":
            return -1  # a person's own fact row outranks what was read
        kind = getattr(documents.get(fact.document_id), "kind", None)
        return rule.authority.index(kind) if kind in rule.authority else len(rule.authority)

    def votes(fact) -> int:
        return sum(1 for other in counting if rank(other) == rank(fact) and same_value(other.value, fact.value))

    order = {id(fact): position for position, fact in enumerate(counting)}
    chosen = min(counting, key=lambda fact: (rank(fact), -votes(fact), -confidence_of(fact), order[id(fact)]))
    where = _where(chosen, documents)
    label = rule.label or rule.name.replace("_", " ")
    if rank(chosen) < len(rule.authority) and chosen.source != "person":
        return chosen, f"read from {where}, the authoritative record of the {label}"
    if len(counting) == 1:
        return chosen, f"read from {where}, the only reading"
    peers = [fact for fact in counting if rank(fact) == rank(chosen)]
    if any(votes(fact) < votes(chosen) for fact in peers):
        return chosen, f"read from {where}, the value {votes(chosen)} of {len(counting)} readings give"
    if any(confidence_of(fact) < confidence_of(chosen) for fact in peers):
        return chosen, f"read from {where}, the surest of {len(counting)} readings"
    return chosen, f"read from {where}, the first of {len(counting)} readings"


def _where(fact, documents: Mapping) -> str:
    if fact.source == "appointment":
        return "the appointment note"
    if fact.source == "person":
        return "a person's entry"
    document = documents.get(fact.document_id)
    kind = (getattr(document, "kind", None) or "document").replace("_", " ")
    if fact.document_id is None:
        return "the documents"
    return f"the {kind} (document {fact.document_id}" + (f", p.{fact.page})" if fact.page else ")")


def _shown(fact) -> str:
    return f"{fact.display or fact.value} in " + (f"document {fact.document_id}" if fact.document_id else "the note")
