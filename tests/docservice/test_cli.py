"""`medlane users|worker|serve`: the commands as a person runs them, and a worker killed mid-document."""
from __future__ import annotations

import argparse
import io
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from crosswalks.exitcodes import ExitCode
from docservice import create_app
from docservice.cli import register
from docservice.extensions import db, jobs
from docservice.models import Document, Page


REPO = Path(__file__).resolve().parents[2]


def medlane_command() -> list[str]:
    script = Path(sys.executable).parent / "medlane"
    return [str(script)] if script.exists() else [sys.executable, "-m", "plugin"]


def medlane_env(home: Path, **extra: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("MEDLANE_")}
    env.update(MEDLANE_HOME=str(home), PYTHONPATH=str(REPO), **extra)
    return env


def run(home, *args, **extra) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*medlane_command(), *args], env=medlane_env(home, **extra), capture_output=True, text=True, timeout=120
    )


def run_in_process(capsys, *argv) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="medlane")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    code = args.handler(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_users_add_prints_a_working_token_last(case_body, home):
    result = run(home, "users", "add", "dr-smith", "--role", "dentist")
    assert result.returncode == 0, result.stderr
    token = result.stdout.strip().splitlines()[-1]
    assert token.startswith("mlt_")
    assert (home / "docservice.db").exists()  # created on first use, no init step

    app = create_app({"MEDLANE_HOME": home, "QUEUE_URL": "immediate:"})
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/cases", headers=headers).status_code == 200
    assert client.post("/api/v1/cases", json=case_body(), headers=headers).status_code == 201
    with app.app_context():
        db.engine.dispose()


def test_users_errors_are_one_line(home):
    run(home, "users", "add", "dr-smith", "--role", "dentist")
    result = run(home, "users", "add", "dr-smith", "--role", "dentist")
    assert result.returncode == ExitCode.users
    assert result.stderr.strip() == (
        "medlane: error: A user named 'dr-smith' already exists; use `medlane users token dr-smith` for a new token."
    )
    assert "Traceback" not in result.stderr


def test_bad_configuration_is_one_line(home):
    result = run(home, "users", "list", MEDLANE_DATABASE_URL="mysql://db/x")
    assert result.returncode == ExitCode.usage
    assert result.stderr.startswith("medlane: error: MEDLANE_DATABASE_URL must be")
    assert len(result.stderr.strip().splitlines()) == 1


def test_users_list_token_and_disable(home, monkeypatch, capsys):
    monkeypatch.setenv("MEDLANE_HOME", str(home))
    code, out, _ = run_in_process(capsys, "users", "add", "front-desk", "--role", "assistant")
    old = out.strip().splitlines()[-1]
    code, out, _ = run_in_process(capsys, "users", "list")
    assert out.startswith("front-desk\tassistant\tactive")
    assert old not in out
    code, out, _ = run_in_process(capsys, "users", "token", "front-desk")
    new = out.strip().splitlines()[-1]
    assert code == 0 and new != old

    app = create_app({"MEDLANE_HOME": home, "QUEUE_URL": "immediate:"})
    client = app.test_client()
    assert client.get("/api/v1/cases", headers={"Authorization": f"Bearer {old}"}).status_code == 401
    assert client.get("/api/v1/cases", headers={"Authorization": f"Bearer {new}"}).status_code == 200
    run_in_process(capsys, "users", "disable", "front-desk")
    assert client.get("/api/v1/cases", headers={"Authorization": f"Bearer {new}"}).status_code == 401
    code, _, err = run_in_process(capsys, "users", "token", "nobody")
    assert code == ExitCode.users and err.startswith("medlane: error: There is no user named 'nobody'")
    with app.app_context():
        db.engine.dispose()


def test_worker_refuses_an_immediate_queue(home, monkeypatch, capsys):
    monkeypatch.setenv("MEDLANE_HOME", str(home))
    monkeypatch.setenv("MEDLANE_QUEUE_URL", "immediate:")
    code, _, err = run_in_process(capsys, "worker")
    assert code == ExitCode.queue
    assert err.startswith("medlane: error: MEDLANE_QUEUE_URL=immediate:")


def test_worker_with_an_unreachable_queue_is_one_line(home, monkeypatch, capsys):
    monkeypatch.setenv("MEDLANE_HOME", str(home))
    monkeypatch.setenv("MEDLANE_QUEUE_URL", "redis://127.0.0.1:1/0")
    code, _, err = run_in_process(capsys, "worker")
    assert code == ExitCode.queue
    assert err.startswith("medlane: error: The job queue at redis://127.0.0.1:1/0 cannot be used")
    assert len(err.strip().splitlines()) == 1


# ---------------------------------------------------------------------------- worker crash


def _document_state(app, document_id):
    with app.app_context():
        document = db.session.get(Document, document_id)
        pages = db.session.execute(
            select(Page.status, Page.attempts).where(Page.document_id == document_id).order_by(Page.index)
        ).all()
        state = (document.status, document.finished_at is not None, [tuple(page) for page in pages])
        db.session.rollback()
        return state


def _wait_for(predicate, *, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}")


def _start_worker(home: Path, log: Path, ocr_engine: str) -> subprocess.Popen:
    return subprocess.Popen(
        [*medlane_command(), "worker", "--workers", "2"],
        env=medlane_env(home, MEDLANE_OCR_ENGINE=ocr_engine),
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: killed whole, like a machine that dies
    )


def _kill(worker: subprocess.Popen, sig=signal.SIGKILL) -> None:
    try:
        os.killpg(worker.pid, sig)
    except ProcessLookupError:
        pass
    worker.wait(timeout=30)


@pytest.mark.slow
def test_a_worker_killed_mid_document_loses_nothing(fake_engines, samples, tmp_path, auth_for):
    home = tmp_path / "home"
    app = create_app({"MEDLANE_HOME": home})  # the defaults: SQLite database and SQLite queue under home
    response = app.test_client().post(
        "/api/v1/documents",
        data={"file": (io.BytesIO(samples.blank_pdf(8)), "eight-pages.pdf")},
        headers=auth_for(app, "dentist"),
    )
    document_id = response.json["id"]
    log = tmp_path / "worker.log"

    worker = _start_worker(home, log, fake_engines.spec("SlowEngine"))
    try:
        _wait_for(lambda: sum(status == "done" for status, _ in _document_state(app, document_id)[2]) >= 2,
                  timeout=60, what="the worker to finish two pages")
    finally:
        _kill(worker)  # kill -9, mid-document
    status, finished, pages = _document_state(app, document_id)
    assert not finished, "the document finished before the worker was killed; nothing was tested"
    assert any(page_status != "done" for page_status, _ in pages)

    worker = _start_worker(home, log, fake_engines.spec("SlowEngine"))
    try:
        _wait_for(lambda: _document_state(app, document_id)[1], timeout=45, what="the document to finish after restart")
    finally:
        _kill(worker, signal.SIGTERM)
    status, finished, pages = _document_state(app, document_id)
    assert status == "done", log.read_text()[-2000:]
    assert [page_status for page_status, _ in pages] == ["done"] * 8
    client, headers = app.test_client(), auth_for(app, "biller")
    document = client.get(f"/api/v1/documents/{document_id}", headers=headers).json
    assert (document["pages_done"], document["pages_total"]) == (8, 8)
    pdf = client.get(f"/api/v1/documents/{document_id}/pdf", headers=headers)
    assert pdf.status_code == 200
    with app.app_context():
        db.engine.dispose()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
def test_serve_is_a_working_install(fake_engines, samples, tmp_path):
    """One command: waitress serves the API and an embedded worker OCRs the upload."""
    home = tmp_path / "home"
    token = run(home, "users", "add", "dr-who", "--role", "dentist").stdout.strip().splitlines()[-1]
    port = _free_port()
    log = tmp_path / "serve.log"
    server = subprocess.Popen(
        [*medlane_command(), "serve", "--port", str(port)],
        env=medlane_env(home, MEDLANE_OCR_ENGINE=fake_engines.spec("FakeEngine")),
        stdout=subprocess.DEVNULL, stderr=log.open("wb"), start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"

    def healthy() -> bool:
        try:
            return requests.get(f"{base}/health", timeout=2).status_code == 200
        except requests.ConnectionError:
            return False

    try:
        _wait_for(healthy, timeout=30, what="medlane serve to answer")
        assert requests.get(f"{base}/cases", timeout=5).status_code == 401
        response = session.post(f"{base}/documents", files={"file": ("scan.pdf", samples.blank_pdf(3))}, timeout=30)
        assert response.status_code == 202
        document_id = response.json()["id"]
        _wait_for(lambda: session.get(f"{base}/documents/{document_id}", timeout=5).json()["status"] == "done",
                  timeout=30, what="the embedded worker to OCR the upload")
    finally:
        _kill(server, signal.SIGTERM)
    assert server.returncode == 0, log.read_text()


@pytest.mark.slow
@pytest.mark.redis
@pytest.mark.postgres
def test_workers_on_several_machines_share_redis_and_postgresql(fake_engines, samples, tmp_path, postgres_db, redis_url, auth_for):
    """Scale-out: two worker processes (as on two machines) take pages of one document from Redis."""
    home = tmp_path / "shared-home"  # originals and OCR output on storage both machines see
    settings = {
        "MEDLANE_DATABASE_URL": postgres_db,
        "MEDLANE_QUEUE_URL": redis_url,
        "MEDLANE_QUEUE_NAME": f"medlane-test-{uuid.uuid4().hex[:8]}",
    }
    app = create_app({"MEDLANE_HOME": home, **{key.removeprefix("MEDLANE_"): value for key, value in settings.items()}})
    log = tmp_path / "workers.log"
    workers = []
    try:
        response = app.test_client().post(
            "/api/v1/documents",
            data={"file": (io.BytesIO(samples.blank_pdf(6)), "six-pages.pdf")},
            headers=auth_for(app, "dentist"),
        )
        document_id = response.json["id"]
        for _ in range(2):
            workers.append(subprocess.Popen(
                [*medlane_command(), "worker", "--workers", "1"],
                env=medlane_env(home, MEDLANE_OCR_ENGINE=fake_engines.spec("SlowEngine"), **settings),
                stdout=log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True,
            ))
        _wait_for(lambda: _document_state(app, document_id)[1], timeout=60, what="both workers to finish")
        with app.app_context():
            claimants = set(db.session.scalars(select(Page.claimed_by).where(Page.document_id == document_id)))
        assert _document_state(app, document_id)[0] == "done"
        assert len(claimants) == 2, claimants  # both workers did pages
    finally:
        for worker in workers:
            _kill(worker, signal.SIGTERM)
        jobs.huey(app).storage.flush_all()
        with app.app_context():
            db.engine.dispose()
