"""The functions the queue runs, registered on one Huey instance: a page's OCR and the sweeper's pass.

Its own module so that the page tasks and the sweeper, which finishes documents with the tasks'
code, need not import each other; the app factory passes `register_tasks` to the queue.
"""
from __future__ import annotations

from flask import Flask
from huey import Huey, crontab

from docservice.jobs.sweeper import sweep
from docservice.jobs.tasks import process_page
from docservice.queue import Tasks


def register_tasks(huey: Huey, app: Flask) -> Tasks:
    """Register the tasks on `huey`; each runs inside an app context of `app`."""

    @huey.task(name="ocr_page")
    def ocr_page(document_id: int, index: int) -> None:
        with app.app_context():
            process_page(document_id, index)

    @huey.periodic_task(crontab(minute="*"), name="sweep")
    def sweep_task() -> None:
        with app.app_context():
            sweep()

    return Tasks(ocr_page=ocr_page, sweep=sweep_task)
