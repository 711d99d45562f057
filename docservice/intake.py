"""Document intake: accept an upload whole or not at all, then queue one OCR task per page.

The upload is received into tmp/, its type read from its bytes and the whole file checked by
the engine (truncated or encrypted PDFs, decompression bombs) before anything is kept. Only
then are the Document and Page rows written and the original moved into the content store,
in one transaction: a refused or failed upload leaves no row and no file. The same bytes
uploaded again to the same case are not stored twice: the case's document is the answer.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from flask import current_app, g
from sqlalchemy import exists, select
from werkzeug.datastructures import FileStorage

from docservice import audit
from docservice.documents.duplicates import find_duplicate
from docservice.errors import UploadRejected
from docservice.extensions import db, jobs, ocr, storage
from docservice.models import Case, Document, Page
from docservice.ocr.errors import DocumentError
from docservice.ocr.sniff import SNIFF_BYTES, sniff_media_type

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Accepted:
    """The upload's document, and whether it was already the case's (the same bytes, not stored again)."""

    document: Document
    duplicate: bool = False


def accept_upload(upload: FileStorage, *, case: Case | None = None, kind: str | None = None) -> Accepted:
    """Store an uploaded document and queue its pages for OCR, unless the case already has this file.

    Raises:
        UploadRejected: the file is empty, too large, of an unsupported type, or unreadable.
    """
    store = storage.store
    session = db.session
    session.commit()  # no transaction (on SQLite: no write lock) while the file is copied and checked
    try:
        with store.receive(
            upload.stream, max_bytes=current_app.config["MAX_UPLOAD_BYTES"], head_bytes=SNIFF_BYTES
        ) as incoming:
            sniff_media_type(incoming.head)  # cheap refusal before the whole file is read
            if case is not None:
                existing = find_duplicate(session, case_id=case.id, sha256=incoming.sha256)
                if existing is not None:
                    audit.record("document.duplicate", "document", existing.id, detail={"case_id": case.id})
                    session.commit()
                    log.info("Document %s uploaded again to case %s; not stored twice", existing.id, case.id)
                    return Accepted(existing, duplicate=True)
            info = ocr.engine.inspect(incoming.path)
            if info.page_count < 1:
                raise UploadRejected("The document has no pages.", code="no_pages", status=422)
            document = Document(
                case=case,
                sha256=incoming.sha256,
                size=incoming.size,
                media_type=info.media_type,
                filename=_safe_filename(upload.filename),
                kind=kind,
                kind_source="upload" if kind else "",
                status="queued",
                pages_total=info.page_count,
                pages=[Page(index=index) for index in range(info.page_count)],
                uploaded_by_id=g.user.id if g.get("user") else None,
            )
            session.add(document)
            session.flush()
            audit.record(
                "document.create",
                "document",
                document.id,
                detail={"case_id": case.id if case else None, "pages": info.page_count, "bytes": incoming.size},
            )
            kept = store.keep(incoming)
            try:
                session.commit()
            except Exception:
                session.rollback()
                if kept and not _referenced(incoming.sha256):
                    store.forget(incoming.sha256)
                raise
    except DocumentError as exc:
        session.rollback()
        raise UploadRejected(exc.message, code=exc.code, status=exc.http_status) from None
    except UploadRejected:
        session.rollback()
        raise

    log.info("Document %s received: %s page(s), %s", document.id, document.pages_total, document.media_type)
    queue_pages(document)
    return Accepted(document)


def queue_pages(document: Document) -> None:
    """Enqueue every page. If the queue is down the rows stay `queued` and the sweeper enqueues them later."""
    for page in document.pages:
        try:
            jobs.enqueue_page(document.id, page.index)
        except Exception as exc:  # noqa: BLE001 - the database, not the queue, is the record
            log.warning("Could not queue document %s page %s (%s); the sweeper will retry",
                        document.id, page.index, type(exc).__name__)
            return


def _referenced(sha256: str) -> bool:
    return bool(db.session.scalar(select(exists().where(Document.sha256 == sha256))))


def _safe_filename(name: str | None) -> str:
    """The client's file name, for display only: no directories, control characters or excess length."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(ch for ch in base if ch.isprintable())[:255]
