"""Fake OCR engines behind the service's `OcrEngine` interface (OCRmyPDF's `tesseract_noop` pattern).

They validate uploads with the real `inspect_document` (fast, and the point of the bad-input
tests) but replace OCR with a canned page, so API and job tests take milliseconds. Failures are
injected the same way: an engine that crashes on some pages, one that is slow enough to kill.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfWriter

from docservice.engine import OcrEngine


@dataclass(frozen=True)
class FakePageResult:
    index: int
    text: str
    mean_confidence: float
    status: str
    method: str
    pdf_path: Path


@dataclass(frozen=True)
class FakeClassification:
    kind: str
    confidence: float
    evidence: tuple = ()


class FakeEngine(OcrEngine):
    """Every page reads "page N of the fake scan"; the document is a chart note."""

    name = "fake"
    delay = 0.0
    status = "done"

    def inspect(self, path: Path):
        from docservice.ocr.inspect import inspect_document

        return inspect_document(path)

    def process_page(self, src: Path, index: int, *, workdir: Path, timeout: float) -> FakePageResult:
        if self.delay:
            time.sleep(self.delay)
        workdir.mkdir(parents=True, exist_ok=True)
        pdf_path = workdir / f"page-{index:04d}.pdf"
        writer = PdfWriter()
        writer.add_blank_page(width=612, height=792)
        writer.write(pdf_path)
        return FakePageResult(
            index=index,
            text=f"page {index + 1} of the fake scan",
            mean_confidence=91.5,
            status=self.status,
            method="fake",
            pdf_path=pdf_path,
        )

    def assemble(self, page_pdfs: list[Path], out: Path) -> None:
        writer = PdfWriter()
        for pdf in page_pdfs:
            writer.append(pdf)
        writer.write(out)

    def classify(self, text: str, *, image_stats=None) -> FakeClassification:
        return FakeClassification(kind="chart_note", confidence=0.8)


class SlowEngine(FakeEngine):
    """A page takes most of a second: long enough to kill a worker in the middle of a document."""

    delay = 0.8


class DoubtfulEngine(FakeEngine):
    """Every page comes back with low confidence."""

    status = "needs_review"


class CrashingEngine(FakeEngine):
    """OCR raises on the second page (index 1), as a tool crash would."""

    def process_page(self, src, index, *, workdir, timeout):
        if index == 1:
            raise RuntimeError("simulated tesseract crash")
        return super().process_page(src, index, workdir=workdir, timeout=timeout)
