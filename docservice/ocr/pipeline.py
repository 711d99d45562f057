"""Process a whole document in one call, pages in parallel (for tests, scripts and benchmarks).

The service does not use this: it calls `inspect_document`, queues one `process_page` task per
page on its job queue, then `assemble_searchable_pdf` and `classify_document` when all are done.
"""
from __future__ import annotations

import logging
import multiprocessing
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from docservice.ocr.assemble import assemble_searchable_pdf
from docservice.ocr.classify import Classification, classify_document
from docservice.ocr.inspect import DocumentInfo, inspect_document
from docservice.ocr.limits import DEFAULT_LIMITS, Limits
from docservice.ocr.pages import NEEDS_REVIEW, PageResult, process_page

log = logging.getLogger(__name__)


@dataclass
class DocumentResult:
    """A processed document.

    Attributes:
        info: What `inspect_document` found.
        pages: One result per page, in order.
        text: All pages' text, separated by form feeds (as pdftotext does).
        pdf_path: The searchable PDF.
        classification: The document's kind.
        elapsed: Wall-clock seconds for the whole document.
    """

    info: DocumentInfo
    pages: list[PageResult]
    text: str
    pdf_path: Path
    classification: Classification
    elapsed: float

    @property
    def needs_review(self) -> bool:
        return any(page.status == NEEDS_REVIEW for page in self.pages)


def process_document(
    src: Path,
    *,
    workdir: Path,
    jobs: int = 2,
    timeout: float = 60.0,
    lang: str = "eng",
    limits: Limits = DEFAULT_LIMITS,
) -> DocumentResult:
    """Validate, OCR, assemble and classify a document.

    Args:
        src: The uploaded file.
        workdir: Folder for per-page files and the output `searchable.pdf`.
        jobs: Worker processes; one per core is fastest (tesseract runs single-threaded).
        timeout: Seconds allowed per page.
        lang: Tesseract language(s).
        limits: Page and pixel budgets.

    Returns:
        The `DocumentResult`.

    Raises:
        DocumentError: The file cannot be used (see `inspect_document`).
    """
    started = time.monotonic()
    info = inspect_document(src, limits=limits)
    workdir.mkdir(parents=True, exist_ok=True)
    tasks = [
        dict(src=src, index=page.index, workdir=workdir, timeout=timeout, info=page, media_type=info.media_type, lang=lang)
        for page in info.pages
    ]
    workers = max(1, min(jobs, len(tasks)))
    if workers == 1:
        pages = [process_page(**task) for task in tasks]
    else:
        # Processes, not threads: the Python steps (numpy, Pillow, pypdf) hold the GIL for a good
        # part of each page.
        with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context()) as pool:
            futures = [pool.submit(_process_page_task, task) for task in tasks]
            pages = [future.result() for future in futures]
    pdf = assemble_searchable_pdf([page.pdf_path for page in pages], workdir / "searchable.pdf")
    text = "\f".join(page.text for page in pages)
    classification = classify_document(text, image_stats=[page.image_stats for page in pages if page.image_stats])
    return DocumentResult(
        info=info,
        pages=pages,
        text=text,
        pdf_path=pdf,
        classification=classification,
        elapsed=round(time.monotonic() - started, 3),
    )


def _pool_context() -> multiprocessing.context.BaseContext:
    # Fork starts a worker in milliseconds with our modules already imported; spawn and
    # forkserver pay 0.9 s of imports (scikit-image via deskew), 15% of a 10-page document.
    # But forking a process that runs other threads (a web server, a queue consumer) can
    # deadlock the child on a lock some thread held, so only a single-threaded parent forks.
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn")


def _process_page_task(task: dict) -> PageResult:
    return process_page(**task)
