"""The OCR tasks: one page per task, results and status in the database.

A task carries only ids. It claims its page with a conditional UPDATE (`queued` → `processing`,
stamped with the worker's `host:pid`), so a page queued twice is still done once, and a page
whose worker died is recognisable by the sweeper. The worker that finishes a document's last
page assembles the searchable PDF; a second conditional UPDATE keeps that to one worker.
"""
from __future__ import annotations

import dataclasses
import logging
import os
import socket
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import func, or_, select, update

from docservice import audit
from docservice.documents.identity import apply_identity
from docservice.documents.review import PERSON_KIND_SOURCES, kind_review_reason
from docservice.extensions import db, jobs, ocr, storage
from docservice.models import FINAL_STATUSES, Case, Document, Page, utcnow
from docservice.ocr.errors import DocumentError

log = logging.getLogger(__name__)

RETRY_DELAY = 10.0  # seconds before a page that hit an unexpected error is tried again


def worker_id() -> str:
    """Who holds a claim: this host and process (the sweeper checks whether the process still lives)."""
    return f"{socket.gethostname()}:{os.getpid()}"


def lease_seconds() -> float:
    """How long a claim may stand before another machine may assume its worker died."""
    return float(current_app.config["OCR_TIMEOUT"]) * 2 + 60


@dataclass(frozen=True)
class Claim:
    """A page this worker holds: what the OCR needs, read before the transaction ends."""

    page_id: int
    document_id: int
    index: int
    sha256: str
    claimed_by: str


def process_page(document_id: int, index: int) -> None:
    """Claim page `index` of a document, OCR it, store the result; assemble the document after its last page.

    No transaction stays open while the OCR runs: on SQLite an open transaction holds the
    database's write lock, and the other workers would wait for it.
    """
    claim = claim_page(document_id, index)
    if claim is None:
        return
    store = storage.store
    try:
        result = ocr.engine.process_page(
            store.original_path(claim.sha256),
            index,
            workdir=store.derived_dir(document_id),
            timeout=float(current_app.config["OCR_TIMEOUT"]),
        )
    except DocumentError as exc:  # the page itself cannot be read: retrying will not help
        log.warning("Document %s page %s cannot be read: %s", document_id, index, exc.code)
        _close_page(claim, status="failed", reason=exc.message[:255])
    except Exception as exc:  # noqa: BLE001 - a bug or a crash of a tool; the page is tried again
        log.exception("OCR of document %s page %s failed (%s)", document_id, index, type(exc).__name__)
        _give_back(claim, reason=f"OCR failed ({type(exc).__name__}); will retry")
        return
    else:
        _close_page(claim, status=result.status, **_page_values(result))
    if _pages_left(document_id) == 0:
        finish_document(document_id)


def _page_values(result) -> dict:
    """The columns of a `PageResult` (optional attributes may be missing from other engines' results)."""
    pdf_path = getattr(result, "pdf_path", None)
    stats = getattr(result, "image_stats", None)
    return {
        "text": result.text or "",
        "mean_confidence": result.mean_confidence,
        "method": getattr(result, "method", "") or "",
        "pdf_path": storage.store.relative(Path(pdf_path)) if pdf_path else "",
        "reason": (getattr(result, "reason", None) or "")[:255],
        "image_kind": getattr(result, "image_kind", "") or "",
        "image_stats": dataclasses.asdict(stats) if dataclasses.is_dataclass(stats) else stats,
    }


def claim_page(document_id: int, index: int) -> Claim | None:
    """Take a queued page for this worker, or return None if it is taken, done or out of attempts."""
    session = db.session
    me = worker_id()
    claimed = session.execute(
        update(Page)
        .where(Page.document_id == document_id, Page.index == index, Page.status == "queued")
        .values(status="processing", claimed_by=me, claimed_at=utcnow(), attempts=Page.attempts + 1)
    ).rowcount
    if not claimed:
        session.commit()
        return None
    page_id, attempts, sha256 = session.execute(
        select(Page.id, Page.attempts, Document.sha256)
        .join(Document, Page.document_id == Document.id)
        .where(Page.document_id == document_id, Page.index == index)
    ).one()
    claim = Claim(page_id=page_id, document_id=document_id, index=index, sha256=sha256, claimed_by=me)
    max_attempts = int(current_app.config["OCR_MAX_ATTEMPTS"])
    if attempts > max_attempts:
        session.commit()
        log.warning("Document %s page %s failed %s times; giving up", document_id, index, max_attempts)
        _close_page(claim, status="failed", reason=f"OCR did not succeed after {max_attempts} attempts.")
        if _pages_left(document_id) == 0:
            finish_document(document_id)
        return None
    session.execute(
        update(Document).where(Document.id == document_id, Document.status == "queued").values(status="processing")
    )
    session.commit()
    return claim


def _pages_left(document_id: int) -> int:
    session = db.session
    left = session.scalar(
        select(func.count()).select_from(Page).where(
            Page.document_id == document_id, Page.status.not_in(FINAL_STATUSES)
        )
    )
    session.commit()
    return left


def _close_page(claim: Claim, *, status: str, **values) -> None:
    """Record the outcome, unless this worker lost the claim meanwhile (the sweeper gave the page away)."""
    session = db.session
    stored = session.execute(
        update(Page)
        .where(Page.id == claim.page_id, Page.status == "processing", Page.claimed_by == claim.claimed_by)
        .values(status=status, finished_at=utcnow(), **values)
    ).rowcount
    session.commit()
    if not stored:
        log.warning("Document %s page %s was reassigned while it ran; result dropped", claim.document_id, claim.index)


def _give_back(claim: Claim, *, reason: str) -> None:
    """Return a page to the queue after an unexpected error, to be tried again after a delay."""
    session = db.session
    session.rollback()
    session.execute(
        update(Page)
        .where(Page.id == claim.page_id, Page.status == "processing", Page.claimed_by == claim.claimed_by)
        .values(status="queued", claimed_by="", claimed_at=None, queued_at=utcnow(), reason=reason[:255])
    )
    session.commit()
    jobs.enqueue_page(claim.document_id, claim.index, delay=RETRY_DELAY)


def finish_document(document_id: int) -> None:
    """Join the page texts and PDFs, classify, and set the document's final status. Idempotent.

    Like the OCR, the classification and the PDF assembly run outside any transaction.
    """
    session = db.session
    now = utcnow()
    stale = now - timedelta(seconds=lease_seconds())
    claimed = session.execute(
        update(Document)
        .where(
            Document.id == document_id,
            Document.finished_at.is_(None),
            or_(Document.finishing_at.is_(None), Document.finishing_at < stale),
        )
        .values(finishing_at=now)
    ).rowcount
    session.commit()
    if not claimed:
        return
    document = session.get(Document, document_id, populate_existing=True)
    pages = list(document.pages)
    session.commit()  # objects stay readable (expire_on_commit=False); the lock is released
    if any(page.status not in FINAL_STATUSES for page in pages):
        document.finishing_at = None
        session.commit()
        return
    try:
        outcome = _assemble(document, pages)
    except Exception as exc:  # noqa: BLE001 - keep the page results; say the document failed
        log.exception("Assembling document %s failed (%s)", document_id, type(exc).__name__)
        outcome = {"status": "failed", "reason": "The searchable PDF could not be assembled."}
    for key, value in outcome.items():
        setattr(document, key, value)
    document.finished_at = utcnow()
    document.finishing_at = None
    apply_identity(document)  # before the facts are read: another patient's document gives none
    audit.record(
        "document.process",
        "document",
        document_id,
        actor="worker",
        detail={"status": document.status, "pages": len(pages), "identity": document.identity},
    )
    session.commit()
    log.info("Document %s finished: %s", document_id, document.status)
    if document.case_id is not None:
        refresh_case_facts(document.case_id, document_id)


def refresh_case_facts(case_id: int, document_id: int) -> None:
    """Read the case's facts again now that one of its documents finished. Never fails the OCR job:
    the document's result is already stored, and the facts can be re-read through the API.
    """
    # Deferred: the fact readers load spaCy (seconds), which an app that only enqueues pages never needs.
    from docservice.facts import extract_case_facts

    session = db.session
    try:
        session.expire_all()  # everything is committed; read the case's documents and pages afresh
        case = session.get(Case, case_id)
        if case is not None:
            extract_case_facts(session, case)
            session.commit()
    except Exception as exc:  # noqa: BLE001 - ids and the error's type only: the text is patient data
        session.rollback()
        log.error("Fact extraction for case %s after document %s failed (%s)", case_id, document_id, type(exc).__name__)


def _assemble(document: Document, pages: list[Page]) -> dict:
    """The finished document's text, kind, searchable PDF and status, as column values."""
    store = storage.store
    # Pages separated by form feeds, as pdftotext (and the OCR library) do.
    outcome: dict = {"text": "\f".join(page.text for page in pages)}
    if document.kind_source not in PERSON_KIND_SOURCES:
        stats = [page.image_stats for page in pages if page.image_stats]
        classification = ocr.engine.classify(outcome["text"], image_stats=stats)
        review = bool(getattr(classification, "review", False))  # engines written before review may lack it
        outcome.update(
            kind=classification.kind, kind_confidence=classification.confidence, kind_source="classifier",
            kind_review=review,
        )
        if review:
            outcome["reason"] = kind_review_reason(classification.reason)
    page_pdfs = [store.absolute(page.pdf_path) for page in pages if page.pdf_path]
    if page_pdfs:
        out = store.derived_dir(document.id) / "searchable.pdf"
        out.parent.mkdir(parents=True, exist_ok=True)
        ocr.engine.assemble(page_pdfs, out)
        outcome["pdf_path"] = store.relative(out)
    statuses = {page.status for page in pages}
    if statuses <= {"failed"}:
        outcome.update(status="failed", reason="No page could be read.")
    elif statuses == {"done"}:
        outcome["status"] = "done"
    else:
        outcome["status"] = "needs_review"
    return outcome
