"""The flagger opens cases in the document service, over HTTP, as an installed MedLane would."""
from __future__ import annotations

import pytest
import requests

from plugin.cases import CaseSink
from plugin.config import DocServiceSettings
from plugin.demo import running_docservice


@pytest.fixture
def docservice(tmp_path):
    with running_docservice(tmp_path / "docs-home") as endpoints:
        yield endpoints


@pytest.mark.slow
def test_scan_opens_and_updates_cases(day, harness, docservice):
    url, tokens = docservice
    token, reader = tokens["service"], tokens["biller"]
    sink = CaseSink(DocServiceSettings(url=url, token=token), practice="test-practice")
    scanner = harness.scanner()
    scanner.cases = sink
    report = scanner.scan_window(day, day)
    assert not report.errors
    listed = requests.get(f"{url}/cases", headers={"Authorization": f"Bearer {reader}"}, timeout=10).json()
    assert {c["apt_num"] for c in listed} == {o.apt_num for o in report.flagged}
    case = listed[0]
    assert case["category"] and case["evidence"] and case["needs"] and case["patient"]["name"]
    # What the medical claim needs of the patient and the plan travels with the case.
    assert all(set(c["patient"]["address"]) == {"line1", "line2", "city", "state", "zip"} for c in listed)
    assert any(c["patient"]["address"]["line1"] and c["patient"]["address"]["zip"] for c in listed)
    plans = [plan for c in listed for plan in c["insurance"]]
    assert plans and all(plan["relationship"] in ("self", "spouse", "child", "employee", "life_partner", "other")
                         for plan in plans)
    # A re-scan updates the same cases instead of opening new ones.
    again = harness.scanner()
    again.cases = sink
    again.scan_window(day, day)
    relisted = requests.get(f"{url}/cases", headers={"Authorization": f"Bearer {reader}"}, timeout=10).json()
    assert len(relisted) == len(listed)
