"""The job queue extension: a Huey instance chosen by configuration, and the service's way to enqueue work.

One machine needs no broker: the queue is a SQLite file under MEDLANE_HOME (`SqliteHuey`).
Workers on several machines share Redis (`MEDLANE_QUEUE_URL=redis://…` gives `RedisHuey`),
and `immediate:` runs each task at once in the caller (tests, development). The task code is
the same in every case (`docservice.jobs`), and the queue only carries ids: the database is the
record of status.

The task code uses this extension to enqueue pages again, so the queue does not import it: the
app factory hands `init_app` the function that registers the tasks.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, current_app
from huey import Huey, MemoryHuey, RedisHuey, SqliteHuey
from huey.api import TaskWrapper

from docservice.errors import ConfigError

EXTENSION_KEY = "medlane.jobs"


@dataclass(frozen=True)
class Tasks:
    """The task functions registered on one Huey instance."""

    ocr_page: TaskWrapper
    sweep: TaskWrapper


def create_huey(url: str, *, name: str = "medlane-docservice") -> Huey:
    """The Huey instance for a queue URL: `sqlite:///path`, `redis://…` or `immediate:`.

    `name` keeps apart several services (or test runs) sharing one Redis.
    """
    scheme, _, rest = url.partition(":")
    if scheme == "immediate":
        return MemoryHuey(name, immediate=True, results=False)
    if scheme == "sqlite":
        filename = rest.removeprefix("///") if rest.startswith("///") else ""
        if not filename:
            raise ConfigError("A sqlite:/// queue URL needs a file name, e.g. sqlite:////var/lib/medlane/queue.db.")
        return SqliteHuey(name, filename=filename, results=False, timeout=30)
    if scheme in ("redis", "rediss", "unix"):
        return RedisHuey(name, url=url, results=False)
    raise ConfigError(f"MEDLANE_QUEUE_URL must start with redis:// or sqlite:///, got {scheme}:…")


@dataclass
class _State:
    huey: Huey
    tasks: Tasks


class JobQueue:
    """Binds a Huey instance and the task functions registered on it to an app."""

    def init_app(self, app: Flask, register_tasks: Callable[[Huey, Flask], Tasks]) -> None:
        huey = create_huey(app.config["QUEUE_URL"], name=app.config["QUEUE_NAME"])
        app.extensions[EXTENSION_KEY] = _State(huey, register_tasks(huey, app))

    @staticmethod
    def _state(app: Flask | None = None) -> _State:
        return (app or current_app).extensions[EXTENSION_KEY]

    def huey(self, app: Flask | None = None) -> Huey:
        return self._state(app).huey

    def enqueue_page(self, document_id: int, index: int, *, delay: float | None = None) -> None:
        """Queue the OCR of one page. `delay` (seconds) schedules a retry instead."""
        task = self._state().tasks.ocr_page
        if delay:
            task.schedule(args=(document_id, index), delay=delay)
        else:
            task(document_id, index)

    def queued_pages(self) -> set[tuple[int, int]]:
        """(document id, page index) of every OCR task waiting in the queue or scheduled for a retry."""
        state = self._state()
        huey = state.huey
        page_task = state.tasks.ocr_page.task_class
        waiting = list(huey.pending()) + list(huey.scheduled())
        return {tuple(task.args) for task in waiting if isinstance(task, page_task)}
