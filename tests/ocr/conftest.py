"""Shared fixtures for the OCR tests: synthetic documents rendered at test time."""
from __future__ import annotations

import shutil
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
