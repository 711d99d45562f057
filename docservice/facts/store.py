"""Store a case's facts: read every finished document page and the appointment note, replace the old ones."""
from __future__ import annotations

import dataclasses
import functools
import re
from datetime import date, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from crosswalks.clinical.dates import parse_date
from crosswalks.clinical.rules import load_clinical_rules
from crosswalks.evidence import load_evidence_rules
from docservice.facts.extract import ExtractedFact, document_head, extract_text_facts
from docservice.facts.patterns import expand, load_patterns
from docservice.models import READABLE_STATUSES, Case, Document, Fact

REPLACED_SOURCES = ("document", "appointment")  # facts a person added ("person") are kept
DOUBTFUL_PAGE = 0.85  # confidence factor for a page OCR flagged for review
LOW_OCR_CONFIDENCE = 60.0  # mean word confidence (0-100) below which a page's words are doubtful
VISIT_DATED_CONFIDENCE = 0.6  # a date read from what a visit charts, not from words about it
RECORDS_AFTER_VISIT = timedelta(days=366)  # a document dated later than this after the case's visit is misread
DOCUMENT_DATED_CONFIDENCE = 0.6  # a date fact read from the document's own date, not from words about it
OTHER_LABEL_REACH = 30  # characters before a date in which a label saying whose date it is stands


@functools.cache
def _date_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a labelled document date, any written date, a label that claims a date for something else);
    the labels are data (crosswalks/data/clinical_text.yaml), the date any form {absolute_date} reads."""
    rules = load_clinical_rules()["dates"]
    any_date = expand("{absolute_date}", load_patterns().macros)
    labels = "|".join(f"(?:{label})" for label in rules["document_labels"])
    others = "|".join(f"(?:{label})" for label in rules["other_labels"])
    return (re.compile(rf"(?:{labels})\s*[:#-]?\s*(?P<date>{any_date})", re.IGNORECASE),
            re.compile(any_date, re.IGNORECASE),
            re.compile(rf"(?:{others})\W{{0,12}}$", re.IGNORECASE))


def document_date(text: str, *, latest: date | None = None) -> date | None:
    """The date a document was written or the visit it records, the day its relative words ("today",
    "last night") count from: a labelled one anywhere ("Date of service: 03/14/2026", "DOS 14-Mar-26"),
    else the latest date in its head that no other label claims (a birth or injury date is not the
    document's: "02/10/2026 - OAT insert" is); None when it states none. A date after `latest` is a
    misreading ("December 18, 40 minutes in" is no 2040), not the document's."""
    found = _document_date_match(text, latest=latest)
    return found[0] if found else None


def _document_date_match(text: str, *, latest: date | None = None) -> tuple[date, int, int] | None:
    """(date, start, end) of the document's own date in `text` (see `document_date`)."""
    labelled, any_date, other_label = _date_patterns()
    latest = latest or date.max
    found = labelled.search(text)
    if found:
        day = parse_date(found.group("date"))
        return (day, found.start(), found.end()) if day is not None and day <= latest else None
    # The latest, not the first: an unlabelled birth date ("Test, Pat  03/04/1962") stands before it.
    head = document_head(text)
    found_dates = [(parse_date(match.group(0)), match.start(), match.end()) for match in any_date.finditer(head)
                   if not other_label.search(head[max(0, match.start() - OTHER_LABEL_REACH):match.start()])]
    found_dates = [found for found in found_dates if found[0] is not None and found[0] <= latest]
    return max(found_dates, key=lambda found: found[0], default=None)


def read_document(document: Document) -> list[tuple[int, ExtractedFact]]:
    """(page id, fact) for each fact on the finished pages of one document."""
    pages = [page for page in document.pages if page.status in READABLE_STATUSES and page.text]
    first_page = "\n".join(page.text for page in pages[:1])
    # a case's records are written around its visit, not years after it
    visit = document.case.apt_start if document.case is not None and document.case.apt_start else None
    latest = visit.date() + RECORDS_AFTER_VISIT if visit else None
    reference = document_date(first_page, latest=latest)
    head = document_head(first_page)  # page 2 of a letter is still the letter its letterhead says
    out = []
    for page in pages:
        factor = DOUBTFUL_PAGE if page.status == "needs_review" else 1.0
        if page.mean_confidence is not None and page.mean_confidence < LOW_OCR_CONFIDENCE:
            factor *= DOUBTFUL_PAGE
        for fact in extract_text_facts(page.text, page=page.index + 1, reference_date=reference,
                                       kind=document.kind, head=head):
            out.append((page.id, _scaled(fact, factor)))
    dated = _dated_by_document(document.kind, first_page, [fact for _, fact in out], latest=latest)
    if dated is not None:
        out.append((pages[0].id, dataclasses.replace(dated, page=pages[0].index + 1)))
    return out


def _dated_by_document(kind: str | None, first_page: str, facts: list[ExtractedFact], *,
                       latest: date | None = None) -> ExtractedFact | None:
    """The date fact a document of this kind is about (evidence.yaml `document_dates`), read from its own
    date when its words state none: a sleep report headed "Date: 03/04/2026" recorded that night."""
    name = load_evidence_rules().document_dates.get(kind or "")
    if name is None or any(fact.name == name and fact.present for fact in facts):
        return None
    found = _document_date_match(first_page, latest=latest)
    if found is None:
        return None
    day, start, end = found
    line_start = first_page.rfind("\n", 0, start) + 1
    line_end = first_page.find("\n", end)
    snippet = first_page[line_start:line_end if line_end >= 0 else len(first_page)].strip()
    return ExtractedFact(name=name, value=day.isoformat(), display=f"{day.isoformat()} (the document's own date)",
                         snippet=snippet[:200], start=start, end=end, page=1, confidence=DOCUMENT_DATED_CONFIDENCE)


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


def _visit_dated(case: Case) -> list[Fact]:
    """Facts a visit's procedures date (evidence.yaml `visit_dates`): the appliance charted on a visit
    was delivered that day. Less sure than a document that says so, which outranks it by authority."""
    rows = []
    visits = [(case.apt_start, [procedure.code for procedure in case.procedures])]
    visits += [(visit.apt_start, [str(p.get("code") or "") for p in visit.procedures or []]) for visit in case.visits]
    for name, codes in load_evidence_rules().visit_dates.items():
        for start, charted in visits:
            code = next((code.upper() for code in charted if code.upper() in codes), None)
            if start is None or code is None:
                continue
            day = start.date().isoformat()
            fact = ExtractedFact(name=name, value=day, display=f"{day} (the visit {code} is charted on)",
                                 snippet=f"{code} on the appointment of {day}", start=0, end=0,
                                 confidence=VISIT_DATED_CONFIDENCE, source="appointment")
            rows.append(_row(case, fact, document_id=None))
            break  # the first visit that carries it
    return rows


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
    rows.extend(_visit_dated(case))
    session.execute(
        # "fetch": the replaced rows leave the session too, so a new row that gets a freed id (SQLite
        # reuses them) is not mistaken for the old one still held in the identity map.
        delete(Fact).where(Fact.case_id == case.id, Fact.source.in_(REPLACED_SOURCES)).execution_options(
            synchronize_session="fetch"
        )
    )
    session.add_all(rows)
    session.flush()
    session.expire(case, ["facts"])
    return list(case.facts)
