"""Running workers: the Huey consumer, one OCR task per core, after a recovery sweep.

`medlane worker` runs this in the foreground; `medlane serve` runs it in a child process.
"""
from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from typing import Any

from flask import Flask

from crosswalks.exitcodes import ExitCode
from docservice.errors import DocServiceError, QueueError
from docservice.extensions import db, jobs
from docservice.jobs.sweeper import sweep

log = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1


def run_worker(app: Flask, *, workers: int | None = None, worker_type: str | None = None) -> int:
    """Sweep, then consume the queue until stopped (SIGINT finishes running pages; SIGTERM stops now).

    Raises:
        QueueError: the queue is configured to run tasks immediately, or cannot be reached.
    """
    huey = jobs.huey(app)
    if huey.immediate:
        raise QueueError("MEDLANE_QUEUE_URL=immediate: runs tasks in the server itself; there is nothing to consume.")
    workers = workers or app.config["WORKERS"]
    worker_type = worker_type or app.config["WORKER_TYPE"]
    # Tesseract's OpenMP threads fight each other when several pages run at once: one page per
    # core, one thread per page (2.5x faster per page on 2 cores, measured).
    os.environ["OMP_THREAD_LIMIT"] = "1"

    if worker_type == "process":

        @huey.on_startup("medlane_worker_process")
        def _start_worker_process() -> None:
            # A forked worker must not reuse the parent's database connections, nor outlive it.
            with app.app_context():
                db.engine.dispose(close=False)
            die_with_parent()

    try:
        huey.pending_count()  # reach the queue now: a dead Redis is one clear line, not a log storm
    except Exception as exc:  # noqa: BLE001 - redis.ConnectionError, sqlite3.OperationalError, ...
        raise QueueError(f"The job queue at {_describe_queue(app)} cannot be used: {exc}") from None
    with app.app_context():
        sweep(grace=0)

    consumer = huey.create_consumer(
        workers=workers,
        worker_type=worker_type,
        periodic=True,
        # SQLite is polled: keep the idle delay short so a new upload starts within a second.
        max_delay=1.0 if not huey.storage.blocking else 10.0,
        check_worker_health=True,
    )
    log.info("Worker started: %d %s worker(s) on %s", workers, worker_type, _describe_queue(app))
    consumer.run()
    return ExitCode.ok


def die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (no orphaned OCR workers). No-op elsewhere."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except OSError:
        pass


def _describe_queue(app: Flask) -> str:
    url = app.config["QUEUE_URL"]
    return url.split("@")[-1] if url.startswith("redis") else url


def run_worker_process(create_app: Callable[..., Flask], overrides: dict[str, Any] | None = None) -> None:
    """Entry point of the worker child that `medlane serve` starts (spawned: a fresh interpreter).

    `create_app` is the app factory, passed in (by reference) because the factory imports these jobs.
    """
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    die_with_parent()
    try:
        sys.exit(run_worker(create_app(overrides)))
    except DocServiceError as exc:
        print(f"medlane: error: the OCR worker stopped: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)


def start_worker_process(create_app: Callable[..., Flask],
                         overrides: dict[str, Any] | None = None) -> multiprocessing.Process:
    """Start the embedded worker of `medlane serve` in a child process that builds its app with `create_app`."""
    process = multiprocessing.get_context("spawn").Process(
        target=run_worker_process, args=(create_app, overrides), name="medlane-worker"
    )
    process.start()
    return process
