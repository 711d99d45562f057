from __future__ import annotations

import pytest

from docservice.checks import run_checks
from tests.docservice.checks.builders import crosswalk


@pytest.fixture
def check():
    """check(case, claim, facts) -> CheckReport on the test crosswalk (or `billing=`)."""

    def run(case, claim, facts, *, billing=None):
        return run_checks(case, claim, facts, crosswalk(billing))

    return run


def of(report, rule):
    """The findings of one rule."""
    return [finding for finding in report.findings if finding.rule == rule]
