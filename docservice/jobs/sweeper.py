"""Recovery: find work the queue lost and give it back. Runs at worker start and every minute.

The database says what must still be done, so the sweeper compares it with reality:

- a page `processing` whose worker is gone (a dead process on this host, or a claim older than
  the lease on another host) goes back to `queued` and into the queue;
- a page `queued` for a while that is not waiting in the queue (lost with a crashed broker,
  or never enqueued because the queue was down) is enqueued again;
- a document whose pages are all final but which was never assembled is assembled.

Enqueuing a page twice is harmless: the second task finds it claimed or done and does nothing.
"""
from __future__ import annotations

import logging
import os
import socket
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import select, update

from docservice.extensions import db, jobs
from docservice.jobs.tasks import finish_document, lease_seconds
from docservice.models import FINAL_STATUSES, Document, Page, utcnow

log = logging.getLogger(__name__)


@dataclass
class SweepReport:
    reclaimed: list[tuple[int, int]] = field(default_factory=list)  # pages of dead workers
    requeued: list[tuple[int, int]] = field(default_factory=list)  # queued pages missing from the queue
    finished: list[int] = field(default_factory=list)  # documents assembled late

    def __bool__(self) -> bool:
        return bool(self.reclaimed or self.requeued or self.finished)


def sweep(*, grace: float | None = None) -> SweepReport:
    """Give back lost pages and finish forgotten documents; see the module docstring.

    Args:
        grace: Seconds a queued page may be missing from the queue before it is enqueued again
            (default SWEEP_GRACE_SECONDS: an upload commits its pages just before it enqueues them).
            A starting worker passes 0: the tasks a killed worker had taken off the queue but not
            yet claimed are lost, and waiting would only delay them.
    """
    report = SweepReport()
    now = utcnow()
    if grace is None:
        grace = float(current_app.config["SWEEP_GRACE_SECONDS"])
    _reclaim_dead_claims(report, now)
    _requeue_missing(report, now, grace)
    _finish_forgotten(report, now)
    if report:
        log.info(
            "Sweeper: %d page(s) of dead workers, %d lost from the queue, %d document(s) finished",
            len(report.reclaimed), len(report.requeued), len(report.finished),
        )
    return report


def _reclaim_dead_claims(report: SweepReport, now: datetime) -> None:
    session = db.session
    expired = now - timedelta(seconds=lease_seconds())
    pages = session.scalars(select(Page).where(Page.status == "processing")).all()
    for page in pages:
        if not claim_is_dead(page.claimed_by, page.claimed_at, expired):
            continue
        given_back = session.execute(
            update(Page)
            .where(Page.id == page.id, Page.status == "processing", Page.claimed_by == page.claimed_by)
            .values(status="queued", claimed_by="", claimed_at=None, queued_at=now)
        ).rowcount
        if given_back:
            report.reclaimed.append((page.document_id, page.index))
    session.commit()
    for document_id, index in report.reclaimed:
        jobs.enqueue_page(document_id, index)


def _requeue_missing(report: SweepReport, now: datetime, grace: float) -> None:
    session = db.session
    candidates = session.execute(
        select(Page.id, Page.document_id, Page.index).where(
            Page.status == "queued", Page.queued_at <= now - timedelta(seconds=grace)
        )
    ).all()
    session.commit()
    if not candidates:
        return
    waiting = jobs.queued_pages()
    for page_id, document_id, index in candidates:
        if (document_id, index) in waiting or (document_id, index) in report.reclaimed:
            continue
        session.execute(update(Page).where(Page.id == page_id, Page.status == "queued").values(queued_at=now))
        report.requeued.append((document_id, index))
    session.commit()
    for document_id, index in report.requeued:
        jobs.enqueue_page(document_id, index)


def _finish_forgotten(report: SweepReport, now: datetime) -> None:
    session = db.session
    expired = now - timedelta(seconds=lease_seconds())
    unfinished = session.scalars(
        select(Document).where(Document.finished_at.is_(None))
    ).all()
    ready = [
        document.id
        for document in unfinished
        if document.pages
        and all(page.status in FINAL_STATUSES for page in document.pages)
        and (document.finishing_at is None or document.finishing_at < expired)
    ]
    session.commit()
    for document_id in ready:
        finish_document(document_id)
        report.finished.append(document_id)


def claim_is_dead(claimed_by: str, claimed_at: datetime | None, expired: datetime) -> bool:
    """Whether a `host:pid` claim belongs to a worker that is gone.

    On this host the process table answers at once; another host's claim is presumed dead
    once it is older than the lease (a page never legitimately runs that long).
    """
    host, _, pid = claimed_by.rpartition(":")
    if host == socket.gethostname() and pid.isdigit():
        return not process_alive(int(pid))
    return claimed_at is None or claimed_at < expired


def process_alive(pid: int) -> bool:
    """True if `pid` runs and is not a zombie (a killed worker not yet reaped counts as dead)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    try:
        state = stat.read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state not in ("Z", "X")
