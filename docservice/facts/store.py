"""Store a case's facts: read every finished document page and the appointment note, replace the old ones."""
from __future__ import annotations

import functools
import re
from datetime import date

from sqlalchemy import delete
from sqlalchemy.orm import Session

from crosswalks.clinical.dates import parse_date
from docservice.facts.extract import ExtractedFact, document_head, extract_text_facts
from docservice.facts.patterns import expand, load_patterns
from docservice.models import READABLE_STATUSES, Case, Document, Fact

REPLACED_SOURCES = ("document", "appointment")  # facts a person added ("person") are kept
DOUBTFUL_PAGE = 0.85  # confidence factor for a page OCR flagged for review
LOW_OCR_CONFIDENCE = 60.0  # mean word confidence (0-100) below which a page's words are doubtful
# Labels of the date a document was written or the visit it records; the date itself is any written
# form the patterns' {absolute_date} reads (one placeholder pattern for dates).
DOCUMENT_DATE_LABEL = (
    r"(?:date\s+of\s+(?:service|visit|exam\w*|report|consult\w*|encounter|evaluation)|(?:visit|exam|report|encounter|"
    r"service|consult\w*)\s+date|\bDOS\b|seen(?:\s+on)?|(?:^|\n)\s*date(?:\s+signed)?)"
)


@functools.cache
def _document_date_pattern() -> re.Pattern[str]:
    date_pattern = expand("{absolute_date}", load_patterns().macros)
    return re.compile(DOCUMENT_DATE_LABEL + r"\s*[:#-]?\s*(" + date_pattern + ")", re.IGNORECASE)


def document_date(text: str) -> date | None:
    """The date written at the head of a document ("Date of service: 03/14/2026", "DOS 14-Mar-26"),
    the day its relative words ("today", "last night") count from; None when it states none."""
    found = _document_date_pattern().search(text)
    return parse_date(found.group(1)) if found else None


def read_document(document: Document) -> list[tuple[int, ExtractedFact]]:
    """(page id, fact) for each fact on the finished pages of one document."""
    pages = [page for page in document.pages if page.status in READABLE_STATUSES and page.text]
    first_page = "\n".join(page.text for page in pages[:1])
    reference = document_date(first_page)
    head = document_head(first_page)  # page 2 of a letter is still the letter its letterhead says
    out = []
    for page in pages:
        factor = DOUBTFUL_PAGE if page.status == "needs_review" else 1.0
        if page.mean_confidence is not None and page.mean_confidence < LOW_OCR_CONFIDENCE:
            factor *= DOUBTFUL_PAGE
        for fact in extract_text_facts(page.text, page=page.index + 1, reference_date=reference,
                                       kind=document.kind, head=head):
            out.append((page.id, _scaled(fact, factor)))
    return out


def _scaled(fact: ExtractedFact, factor: float) -> ExtractedFact:
    if factor == 1.0:
        return fact
    return ExtractedFact(**{**fact.__dict__, "confidence": round(fact.confidence * factor, 3)})


def _row(case: Case, fact: ExtractedFact, *, document_id: int | None) -> Fact:
    return Fact(
        case_id=case.id,
        document_id=document_id,
        page=fact.page,
        source=fact.source,
        name=fact.name,
        value=fact.value,
        display=fact.display,
        snippet=fact.snippet,
        start=fact.start,
        end=fact.end,
        negated=fact.negated,
        historical=fact.historical,
        context=fact.context,
        section=fact.section[:40],
        confidence=fact.confidence,
    )


def extract_case_facts(session: Session, case: Case) -> list[Fact]:
    """Replace the case's document and appointment facts with a fresh reading; return all its facts.

    Runs in the caller's transaction (it flushes, the caller commits or rolls back), so the old
    facts are never gone without the new ones. Facts a person added (source "person") stay.
    """
    rows: list[Fact] = []
    # Another patient's document (identity "mismatch") gives no facts until a person confirms or moves it.
    documents = [document for document in case.documents
                 if document.status in READABLE_STATUSES and document.identity != "mismatch"]
    for document in documents:
        rows.extend(_row(case, fact, document_id=document.id) for _, fact in read_document(document))
    # The case's own appointment note, then each later visit's, each anchored to its own day.
    notes = [(case.apt_note, case.apt_start)] + [(visit.note, visit.apt_start) for visit in case.visits]
    for note, start in notes:
        if not note:
            continue
        reference = start.date() if start else None
        rows.extend(
            _row(case, fact, document_id=None)
            for fact in extract_text_facts(note, reference_date=reference, source="appointment")
        )
    session.execute(
        delete(Fact).where(Fact.case_id == case.id, Fact.source.in_(REPLACED_SOURCES)).execution_options(
            synchronize_session=False
        )
    )
    session.add_all(rows)
    session.flush()
    session.expire(case, ["facts"])
    return list(case.facts)
