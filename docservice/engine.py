"""The OCR engine seen by the service: an interface, the real engine, and the extension that picks one.

The real engine delegates to the `docservice.ocr` pipeline library. Tests put a fake behind the
same interface (OCRmyPDF's `tesseract_noop` pattern), and failures are injected the same way.
`MEDLANE_OCR_ENGINE` names the engine: `tesseract` or `package.module:ClassName`.
"""
from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from pathlib import Path
from typing import TYPE_CHECKING

from flask import Flask, current_app

from docservice.errors import ConfigError

if TYPE_CHECKING:
    from docservice.ocr.classify import Classification
    from docservice.ocr.inspect import DocumentInfo
    from docservice.ocr.pages import PageResult

EXTENSION_KEY = "medlane.ocr_engine"


class OcrEngine(ABC):
    """What the service needs from OCR. One instance per process; methods may run in any worker."""

    name = "abstract"

    @abstractmethod
    def inspect(self, path: Path) -> DocumentInfo:
        """Validate the whole file and count its pages.

        Raises:
            docservice.ocr.errors.DocumentError: the file cannot be used (its `code` and `message`
                are what the uploader is told).
        """

    @abstractmethod
    def process_page(self, src: Path, index: int, *, workdir: Path, timeout: float) -> PageResult:
        """OCR page `index` (0-based) of `src`, writing a one-page searchable PDF under `workdir`.

        Never raises for a page that merely reads badly or times out: that page comes back
        with status "needs_review". `DocumentError` means the page cannot be read at all.
        """

    @abstractmethod
    def assemble(self, page_pdfs: list[Path], out: Path) -> None:
        """Join one-page searchable PDFs, in order, into `out`."""

    @abstractmethod
    def classify(self, text: str, *, image_stats: list[dict] | None = None) -> Classification:
        """Guess the document's kind (chart note, imaging report, ...) from its text.

        `image_stats` are the pages' `image_stats` as stored (dicts), for telling photos and
        radiographs from text pages.
        """


class TesseractEngine(OcrEngine):
    """The real engine: the `docservice.ocr` pipeline (tesseract, one page per call)."""

    name = "tesseract"

    def inspect(self, path: Path) -> DocumentInfo:
        from docservice.ocr.inspect import inspect_document

        return inspect_document(path)

    def process_page(self, src: Path, index: int, *, workdir: Path, timeout: float) -> PageResult:
        from docservice.ocr.pages import process_page

        return process_page(src, index, workdir=workdir, timeout=timeout)

    def assemble(self, page_pdfs: list[Path], out: Path) -> None:
        from docservice.ocr.assemble import assemble_searchable_pdf

        assemble_searchable_pdf(page_pdfs, out)

    def classify(self, text: str, *, image_stats: list[dict] | None = None) -> Classification:
        from docservice.ocr.classify import classify_document
        from docservice.ocr.preprocess import ImageStats

        stats = [ImageStats(**values) for values in image_stats or ()]
        return classify_document(text, image_stats=stats or None)


ENGINES: dict[str, type[OcrEngine]] = {"tesseract": TesseractEngine}


def load_engine(spec: str | OcrEngine) -> OcrEngine:
    """Return the engine named by `spec`: an instance, a registered name, or `module:ClassName`.

    Raises:
        ConfigError: the name is unknown or cannot be imported.
    """
    if isinstance(spec, OcrEngine):
        return spec
    if spec in ENGINES:
        return ENGINES[spec]()
    module_name, _, attribute = str(spec).partition(":")
    if not attribute:
        raise ConfigError(
            f"MEDLANE_OCR_ENGINE must be one of {', '.join(ENGINES)} or module:ClassName, got {spec!r}."
        )
    try:
        factory = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"MEDLANE_OCR_ENGINE {spec!r} cannot be loaded: {exc}") from None
    engine = factory()
    if not isinstance(engine, OcrEngine):
        raise ConfigError(f"MEDLANE_OCR_ENGINE {spec!r} is not an OcrEngine.")
    return engine


class OcrEngineExtension:
    """Binds the configured engine to an app: `ocr.engine` inside an app context."""

    def init_app(self, app: Flask) -> None:
        app.extensions[EXTENSION_KEY] = load_engine(app.config["OCR_ENGINE"])

    @property
    def engine(self) -> OcrEngine:
        return current_app.extensions[EXTENSION_KEY]
