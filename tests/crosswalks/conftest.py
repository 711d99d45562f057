"""Fixtures for crosswalk tests: a private copy of the shipped data to break on purpose."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crosswalks import clear_cache
from crosswalks.billing import DESCRIPTORS_ENV
from crosswalks.loader import DATA_DIR


@pytest.fixture(autouse=True)
def _no_practice_descriptors(monkeypatch):
    # A developer's own licensed file must not change what the tests see.
    monkeypatch.delenv(DESCRIPTORS_ENV, raising=False)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    clear_cache()
    yield target
    clear_cache()
