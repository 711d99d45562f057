"""The flagger opens cases in the document service, over HTTP, as an installed MedLane would."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest
import requests

from plugin.cases import CaseSink
from plugin.config import DocServiceSettings
from tests.plugin.conftest import DAY


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def docservice(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEDLANE_")}
    env["MEDLANE_HOME"] = str(tmp_path / "docs-home")
    added = subprocess.run(
        [sys.executable, "-m", "plugin", "users", "add", "flagger", "--role", "service"],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert added.returncode == 0, added.stderr
    token = added.stdout.strip().splitlines()[-1]
    reader = subprocess.run(
        [sys.executable, "-m", "plugin", "users", "add", "biller1", "--role", "biller"],
        capture_output=True, text=True, env=env, timeout=60,
    ).stdout.strip().splitlines()[-1]
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "plugin", "serve", "--port", str(port), "--no-worker"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/api/v1"
    for _ in range(100):
        try:
            if requests.get(f"{url}/health", timeout=1).ok:
                break
        except requests.RequestException:
            time.sleep(0.1)
    try:
        yield url, token, reader
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.slow
def test_scan_opens_and_updates_cases(harness, docservice):
    url, token, reader = docservice
    sink = CaseSink(DocServiceSettings(url=url, token=token), practice="test-practice")
    scanner = harness.scanner()
    scanner.cases = sink
    report = scanner.scan_window(DAY, DAY)
    assert not report.errors
    listed = requests.get(f"{url}/cases", headers={"Authorization": f"Bearer {reader}"}, timeout=10).json()
    assert {c["apt_num"] for c in listed} == {o.apt_num for o in report.flagged}
    case = listed[0]
    assert case["category"] and case["evidence"] and case["needs"] and case["patient"]["name"]
    # A re-scan updates the same cases instead of opening new ones.
    again = harness.scanner()
    again.cases = sink
    again.scan_window(DAY, DAY)
    relisted = requests.get(f"{url}/cases", headers={"Authorization": f"Bearer {reader}"}, timeout=10).json()
    assert len(relisted) == len(listed)
