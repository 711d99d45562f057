"""The golden suite: each realistic case end to end through the API, judged as a dental-medical biller would.

One test per case (the id is the case name), so a failure names the case and lists every miss:
facts, claim lines, rule ids and narrative together.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_golden_case(golden_client, golden_case, run_golden_case):
    client, headers = golden_client
    verdict = run_golden_case(client, headers, golden_case)
    assert not verdict.all_misses, f"{golden_case.name}:\n  " + "\n  ".join(verdict.all_misses)


def test_every_category_has_a_ready_case_and_a_defect(golden_cases):
    """The suite itself: each category is judged both ways, and the OCR load stays small."""
    categories = {case.category for case in golden_cases}
    for category in categories:
        kinds = {case.ready for case in golden_cases if case.category == category}
        assert True in kinds, f"{category} has no ready case"
        if category != "impacted":
            assert kinds - {True}, f"{category} has no defect case"
    assert {"sleep", "tmd", "trauma", "pathology", "infection", "bone_graft", "frenum", "clearance"} <= categories
    assert sum(case.scanned_pages for case in golden_cases) <= 4  # real OCR stays well under a minute on 2 cores
    assert len({case.name for case in golden_cases}) == len(golden_cases)
