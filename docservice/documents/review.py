"""A person's corrections to a document: its kind, its patient, its case; and what they change downstream.

Each correction re-reads the facts of the case(s) it touches in the caller's transaction
(`docservice.facts.extract_case_facts` flushes, the caller commits), so a claim or check never
sees a corrected document with its old facts.
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from docservice.documents.identity import apply_identity
from docservice.models import Case, Document

# A kind given at upload or corrected by a person is never replaced by the classifier's guess.
PERSON_KIND_SOURCES = ("upload", "person")
KIND_REASON_PREFIX = "kind "  # in Document.reason: "kind not sure: referral 0.46 vs chart_note 0.41"


def kind_review_reason(reason: str) -> str:
    """The classifier's doubt as the document's `reason`, marked so a correction can take it away again."""
    return (KIND_REASON_PREFIX + (reason or "not sure"))[:255]


def correct_kind(document: Document, kind: str) -> None:
    """A person says what kind the document is: the classifier no longer decides, nothing is left to review."""
    document.kind = kind
    document.kind_source = "person"
    document.kind_confidence = None
    document.kind_review = False
    document.reason = "; ".join(part for part in (document.reason or "").split("; ")
                                if part and not part.startswith(KIND_REASON_PREFIX))


def confirm_identity(document: Document) -> str:
    """A person says the document is this case's patient's after all (its facts count again).
    Returns the status it had."""
    was = document.identity
    document.identity = "confirmed"
    return was


def move_document(document: Document, case: Case | None) -> list[Case]:
    """Put the document in another case (or none) and check its patient against that case.
    Returns the cases whose facts it changes: the one it left and the one it joined."""
    left = document.case
    document.case = case
    apply_identity(document)
    return [touched for touched in (left, case) if touched is not None]


def recheck_case_patient(session: Session, case: Case) -> bool:
    """The case's patient changed: check every document of the case again; re-read the facts if a
    document became, or stopped being, another patient's. Returns whether the facts were re-read."""
    changed = False
    for document in case.documents:
        changed |= apply_identity(document)
    if changed:
        reread_facts(session, [case])
    return changed


def reread_facts(session: Session, cases: list[Case]) -> None:
    """Read each case's facts again (once per case), in the caller's transaction."""
    from docservice.facts import extract_case_facts

    seen = set()
    for case in cases:
        if case.id in seen:
            continue
        seen.add(case.id)
        extract_case_facts(session, case)
