"""Jobs: the database is the record, the sweeper recovers what the queue or a dead worker lost, Redis works too."""
from __future__ import annotations

import io
import socket
import subprocess
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from docservice.extensions import db, jobs
from docservice.jobs import create_huey
from docservice.jobs.sweeper import claim_is_dead, process_alive, sweep
from docservice.models import Document, Page, utcnow


@pytest.fixture
def queued_app(make_app, home):
    """An app with a real (SQLite) queue and no worker: uploads stay queued until a test runs them."""
    return make_app(QUEUE_URL=f"sqlite:///{home / 'queue.db'}", SWEEP_GRACE_SECONDS=0)


@pytest.fixture
def upload(samples):
    """upload(app, auth_for, pages=2) -> the id of a blank scan a dentist uploaded (202: queued)."""

    def post(app, auth_for, pages=2) -> int:
        response = app.test_client().post(
            "/api/v1/documents", data={"file": (io.BytesIO(samples.blank_pdf(pages)), "scan.pdf")}, headers=auth_for(app, "dentist")
        )
        assert response.status_code == 202
        return response.json["id"]

    return post


def run_queue(app) -> int:
    """Do what a worker would: run every waiting task. Returns how many ran."""
    huey, ran = jobs.huey(app), 0
    while (task := huey.dequeue()) is not None:
        huey.execute(task)
        ran += 1
    return ran


def dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def set_page(app, document_id, index, **values):
    with app.app_context():
        db.session.execute(update(Page).where(Page.document_id == document_id, Page.index == index).values(**values))
        db.session.commit()


def page_statuses(app, document_id) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(Page.status).where(Page.document_id == document_id).order_by(Page.index)))


def test_pages_of_a_dead_worker_are_given_back(upload, queued_app, auth_for):
    document_id = upload(queued_app, auth_for)
    jobs.huey(queued_app).flush()  # the dead worker had taken both tasks off the queue
    host = socket.gethostname()
    set_page(queued_app, document_id, 0, status="processing", claimed_by=f"{host}:{dead_pid()}", claimed_at=utcnow())
    set_page(queued_app, document_id, 1, status="processing", claimed_by=f"{host}:{dead_pid()}", claimed_at=utcnow())
    with queued_app.app_context():
        report = sweep()
    assert sorted(report.reclaimed) == [(document_id, 0), (document_id, 1)]
    assert page_statuses(queued_app, document_id) == ["queued", "queued"]
    assert run_queue(queued_app) == 2
    assert page_statuses(queued_app, document_id) == ["done", "done"]


def test_a_live_worker_keeps_its_page(upload, queued_app, auth_for):
    import os

    document_id = upload(queued_app, auth_for, pages=1)
    set_page(queued_app, document_id, 0, status="processing",
             claimed_by=f"{socket.gethostname()}:{os.getpid()}", claimed_at=utcnow())
    with queued_app.app_context():
        assert sweep().reclaimed == []
    assert page_statuses(queued_app, document_id) == ["processing"]


def test_another_hosts_claim_expires_after_the_lease(upload, queued_app, auth_for):
    document_id = upload(queued_app, auth_for)
    long_ago = utcnow() - timedelta(hours=2)
    set_page(queued_app, document_id, 0, status="processing", claimed_by="ocr-2:4242", claimed_at=long_ago)
    set_page(queued_app, document_id, 1, status="processing", claimed_by="ocr-2:4243", claimed_at=utcnow())
    with queued_app.app_context():
        assert sweep().reclaimed == [(document_id, 0)]
    assert page_statuses(queued_app, document_id) == ["queued", "processing"]


def test_queued_pages_lost_by_the_queue_are_enqueued_again(upload, queued_app, auth_for):
    document_id = upload(queued_app, auth_for)
    huey = jobs.huey(queued_app)
    with queued_app.app_context():
        assert jobs.queued_pages() == {(document_id, 0), (document_id, 1)}
        assert sweep().requeued == []  # both are still waiting: nothing to do
        huey.flush()  # the broker lost them
        assert sorted(sweep().requeued) == [(document_id, 0), (document_id, 1)]
        assert sweep().requeued == []  # and only once
    assert huey.pending_count() == 2
    run_queue(queued_app)
    assert page_statuses(queued_app, document_id) == ["done", "done"]


def test_a_document_whose_last_page_finished_unassembled_is_assembled(upload, queued_app, auth_for):
    document_id = upload(queued_app, auth_for)
    run_queue(queued_app)
    with queued_app.app_context():  # as if the worker died between the last page and the assembly
        db.session.execute(update(Document).where(Document.id == document_id)
                           .values(status="processing", finished_at=None, pdf_path="", text=""))
        db.session.commit()
        assert sweep().finished == [document_id]
        document = db.session.get(Document, document_id)
        assert (document.status, bool(document.pdf_path), bool(document.text)) == ("done", True, True)


def test_claim_is_dead():
    now = utcnow()
    host = socket.gethostname()
    assert claim_is_dead(f"{host}:{dead_pid()}", now, expired=now - timedelta(minutes=5))
    assert not claim_is_dead("elsewhere:1", now, expired=now - timedelta(minutes=5))
    assert claim_is_dead("elsewhere:1", now - timedelta(minutes=10), expired=now - timedelta(minutes=5))
    assert not process_alive(dead_pid())


@pytest.mark.parametrize("url", ["sqlite:///", "amqp://x", "sqlite:relative"])
def test_bad_queue_urls(url):
    from docservice.errors import ConfigError

    with pytest.raises(ConfigError):
        create_huey(url)


# -------------------------------------------------------------------------------------- Redis


@pytest.mark.redis
def test_redis_queue_carries_the_same_tasks(upload, make_app, auth_for, redis_url):
    app = make_app(QUEUE_URL=redis_url, QUEUE_NAME=f"medlane-test-{uuid.uuid4().hex[:8]}")
    huey = jobs.huey(app)
    try:
        document_id = upload(app, auth_for, pages=3)
        assert type(huey).__name__ == "RedisHuey"
        with app.app_context():
            assert jobs.queued_pages() == {(document_id, 0), (document_id, 1), (document_id, 2)}
        assert run_queue(app) == 3
        assert page_statuses(app, document_id) == ["done"] * 3
        with app.app_context():
            assert db.session.get(Document, document_id).status == "done"
        health = app.test_client().get("/api/v1/health").json
        assert health["queue"] == "ok"
    finally:
        huey.storage.flush_all()


def test_a_queue_that_is_down_loses_nothing(upload, make_app, auth_for, caplog):
    """Uploads are still accepted (the rows are the record); health says so; the sweeper enqueues later."""
    app = make_app(QUEUE_URL="redis://127.0.0.1:1/0")
    document_id = upload(app, auth_for)
    assert page_statuses(app, document_id) == ["queued", "queued"]
    assert "the sweeper will retry" in caplog.text
    health = app.test_client().get("/api/v1/health")
    assert health.status_code == 503
    assert health.json == {"status": "degraded", "database": "ok", "queue": "down"}
