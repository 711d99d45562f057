"""Shared fixtures for the OCR tests: synthetic documents rendered at test time."""
from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import jiwer
import pytest

from tests.ocr import synth


def pytest_configure(config):
    for tool in ("tesseract", "pdftoppm", "pdftotext", "qpdf"):
        if shutil.which(tool) is None:
            raise pytest.UsageError(f"the OCR tests need {tool} (Debian: tesseract-ocr, poppler-utils, qpdf)")
    if not synth.SANS.exists():
        raise pytest.UsageError(f"the OCR tests need {synth.SANS} (Debian: fonts-dejavu-core)")


def cer(truth: str, hypothesis: str) -> float:
    """Character error rate with whitespace normalised (line breaks are layout, not content)."""
    return jiwer.cer(" ".join(truth.split()), " ".join(hypothesis.split()))


@pytest.fixture(scope="session")
def pages_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pages")


@pytest.fixture
def workdir(tmp_path) -> Path:
    path = tmp_path / "work"
    path.mkdir()
    return path


@pytest.fixture(scope="session")
def pdftotext() -> Callable[..., str]:
    """A PDF's text as pdftotext extracts it without -layout, i.e. in the reading order it infers
    from the glyphs, as copy-paste does; whitespace collapsed (its line breaks are layout)."""

    def extract(pdf: Path, *, page: int | None = None) -> str:
        pages = ["-f", str(page), "-l", str(page)] if page else []
        text = subprocess.run(["pdftotext", *pages, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        return " ".join(text.split())

    return extract


@pytest.fixture(scope="session")
def char_error_rate() -> Callable[[str, str], float]:
    """`cer` as a fixture."""
    return cer


@pytest.fixture
def save_jpeg(tmp_path) -> Callable[..., Path]:
    """Save a synthetic page as a JPEG upload, by default at quality 75 (libjpeg's and Pillow's
    default: an ordinary JPEG, not a degraded one)."""

    def save(page: synth.Page, *, quality: int = 75) -> Path:
        path = tmp_path / f"upload-q{quality}.jpg"
        page.image.save(path, "JPEG", quality=quality, dpi=page.dpi)
        return path

    return save
