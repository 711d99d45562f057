"""The read-only view every rule gets: case, claim, the case's one evidence resolution, finished documents
by kind, crosswalk. Rules never pick facts themselves: what is documented, denied or past, and which
value the case uses, is the evidence's (docservice/evidence), as the claim builder and the letter see it."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

# the payer, date and categories as the claim builder and the evidence report read them
from docservice.case_terms import case_categories, resolve_payer, service_date_of
from docservice.facts.values import stored_date as parse_date  # noqa: F401  (the checks read stored dates with it)
from docservice.evidence import Evidence
from docservice.models import READABLE_STATUSES, Case, Claim, ClaimLine, Document, Narrative

# A document counts as an attachment once OCR finished with it (reviewed or not).


@dataclass(frozen=True)
class CheckContext:
    case: Case
    claim: Claim
    evidence: Evidence  # the case's one resolution of its facts, documents and confirmations
    documents: Mapping[str, tuple[Document, ...]]  # finished documents by kind
    billing: object  # crosswalks Billing
    payer: object  # crosswalks Payer
    narrative: Narrative | None
    service_date: date | None
    lines: tuple[ClaimLine, ...]
    categories: frozenset[str]
    rules: object = None  # crosswalk EvidenceRules (criteria, date sequence, diagnosis words)
    wording: object = None  # crosswalk Wording (procedure and diagnosis words)
    _medical_codes: dict = field(default_factory=dict, repr=False, compare=False)

    # ----------------------------------------------------------------------------- facts

    def present(self, name: str) -> list:
        """What documents this finding now (the evidence's one definition): a person's affirming word,
        then the readings that count (the patient's own, current, affirmed, from this patient's documents)."""
        return list(self.evidence.documented(name))

    def first(self, name: str):
        """The reading whose value the case uses (the evidence's choice), or None."""
        return self.evidence.reading(name)

    def denied(self, name: str) -> list:
        return list(self.evidence.denied(name))

    def historical(self, name: str) -> list:
        return list(self.evidence.past(name))

    def date_of(self, name: str) -> tuple[date, object] | None:
        """The date the case uses for this fact, and its reading."""
        return self.evidence.date(name)

    # ----------------------------------------------------------------------------- claim

    @property
    def diagnoses(self) -> list[dict]:
        return list(self.claim.diagnoses or [])

    @property
    def fields(self) -> dict:
        return dict(self.claim.fields or {})

    def numbered_lines(self) -> Iterable[tuple[int, ClaimLine]]:
        """(1-based position, line) in claim order."""
        return enumerate(self.lines, start=1)

    def pointed(self, line: ClaimLine) -> list[tuple[int, dict]]:
        """(1-based position, diagnosis) a line points at (pointers out of range are ignored here)."""
        diagnoses = self.diagnoses
        return [(p, diagnoses[p - 1]) for p in line.pointers or [] if isinstance(p, int) and 1 <= p <= len(diagnoses)]

    def pointed_codes(self, line: ClaimLine) -> list[str]:
        return [diagnosis.get("code", "") for _, diagnosis in self.pointed(line)]

    def confirmed(self, diagnosis: dict) -> bool:
        """Does the chart (problem list, a document) or a person stand behind this diagnosis?

        A crosswalk suggestion counts once a document writes it (its code, or its words in an
        impression or diagnosis section)."""
        return (diagnosis.get("source") != "crosswalk" or "diagnoses" in (self.claim.edited or [])
                or self.evidence.diagnoses.source_of(diagnosis.get("code", "")) is not None)

    def medical_code(self, code: str):
        """The crosswalk's MedicalCode of a claim code, cached per run (None when unknown)."""
        if code not in self._medical_codes:
            self._medical_codes[code] = self.billing.code(code)
        return self._medical_codes[code]

    def billed_codes(self) -> tuple[str, ...]:
        """Every code of the claim, medical and the CDT codes the lines came from."""
        codes = [line.code for line in self.lines] + [line.cdt for line in self.lines if line.cdt]
        return tuple(dict.fromkeys(code for code in codes if code))

    def line_of(self, codes: Iterable[str]) -> tuple[int, ClaimLine] | None:
        """The first line billing one of these codes (medical or its CDT code)."""
        wanted = set(codes)
        for position, line in self.numbered_lines():
            if line.code in wanted or line.cdt in wanted:
                return position, line
        return None

    def describe_line(self, position: int, line: ClaimLine) -> str:
        """"line 2, E0486 (oral appliance, fixed hinge)": how messages name a line."""
        label = self.billing.label(line.code) if self.billing is not None else ""
        return f"line {position}, {line.code}" + (f" ({label})" if label else "")


def finished_documents(documents: Iterable[Document]) -> Mapping[str, tuple[Document, ...]]:
    grouped: dict[str, list[Document]] = defaultdict(list)
    for document in documents:
        if document.kind and document.status in READABLE_STATUSES:
            grouped[document.kind].append(document)
    return MappingProxyType({kind: tuple(items) for kind, items in grouped.items()})


def build_context(case: Case, claim: Claim, evidence: Evidence, billing, *, wording=None) -> CheckContext:
    return CheckContext(
        case=case,
        claim=claim,
        evidence=evidence,
        documents=finished_documents(case.documents),
        billing=billing,
        payer=resolve_payer(billing, case, claim),
        narrative=case.narrative,
        service_date=service_date_of(case, claim),
        lines=tuple(sorted(claim.lines, key=lambda line: line.position or 0)),
        categories=case_categories(case),
        rules=evidence.rules,
        wording=wording,
    )
