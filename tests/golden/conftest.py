"""Fixtures of the golden suite: the docservice app fixtures, on SQLite only, with the real OCR engine.

The suite is slow (real tesseract on the scanned pages), so it runs once, on SQLite; the
PostgreSQL variants of the same API are covered by tests/docservice.
"""
from __future__ import annotations

import shutil

import pytest

from docservice.engine import TesseractEngine

# Reuse the docservice fixtures by name (a non-root conftest cannot declare pytest_plugins).
from tests.docservice.conftest import _clean_environment, auth_for, home, make_app  # noqa: F401

ROLES = ("service", "assistant", "biller", "dentist")


@pytest.fixture
def database_url(tmp_path) -> str:
    """SQLite only: this overrides the SQLite+PostgreSQL parametrization of tests/docservice."""
    return f"sqlite:///{tmp_path / 'home' / 'docservice.db'}"


@pytest.fixture
def golden_client(make_app, auth_for):
    """A test client of an app with the real tesseract engine, and one auth header per office role."""
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed; the golden suite needs the real OCR engine")
    app = make_app(OCR_ENGINE=TesseractEngine(), OCR_TIMEOUT=60)
    headers = {role: auth_for(app, role) for role in ROLES}
    return app.test_client(), headers
