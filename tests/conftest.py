"""The suite's one conftest: it registers the fixture modules and keeps area-only fixtures in their area.

Every fixture lives in tests/fixtures/, one module per area of the code. Tests import no helper
from `tests.*`: builders, sample documents, fakes and doubles all arrive as fixtures.

A few fixtures used to be autouse in one directory's conftest; `_area_environment` below still
applies them only there (by the test's path), so they do not leak onto the rest of the suite.
"""
from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = [
    "tests.fixtures.crosswalks",
    "tests.fixtures.flagger",
    "tests.fixtures.ocr",
    "tests.fixtures.sandbox",
    "tests.fixtures.plugin",
    "tests.fixtures.od_claim",
    "tests.fixtures.docservice.app",
    "tests.fixtures.docservice.checks",
    "tests.fixtures.docservice.claimforms",
    "tests.fixtures.docservice.claims",
    "tests.fixtures.docservice.documents",
    "tests.fixtures.docservice.evidence",
    "tests.fixtures.docservice.exports",
    "tests.fixtures.docservice.narratives",
    "tests.fixtures.docservice.opendental",
    "tests.fixtures.docservice.packets",
    "tests.fixtures.golden",
]

TESTS = Path(__file__).resolve().parent

# area (top-level directory under tests/) -> fixtures every test there gets, as its conftest once made them autouse
AREA_FIXTURES = {
    "crosswalks": ("no_practice_descriptors",),
    "docservice": ("clean_medlane_environment",),
    "golden": ("clean_medlane_environment",),
}


def area_of(path: Path) -> str:
    """The top-level directory of tests/ that `path` is in ("" outside tests/)."""
    try:
        return Path(path).resolve().relative_to(TESTS).parts[0]
    except (ValueError, IndexError):
        return ""


@pytest.fixture(autouse=True)
def _area_environment(request) -> None:
    """Apply the fixtures of AREA_FIXTURES to the tests of that area only."""
    for name in AREA_FIXTURES.get(area_of(request.node.path), ()):
        request.getfixturevalue(name)
