"""Open Dental misbehaving: injected 400/504s (some after the write happened), restarts mid-scan.

Whatever happens, once a scan gets through there is exactly one MedLane popup per flagged
patient, one note line per flagged appointment, and every field set."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from plugin.demo import free_port
from plugin.errors import PMSError
from plugin.prompts.text import NOTE_END
from plugin.sandbox.server import SandboxServer
from plugin.sandbox.settings import SandboxSettings


def _assert_converged(harness, flagged) -> None:
    patients = sorted({o.pat_num for o in flagged})
    assert sorted(int(p["PatNum"]) for p in harness.medlane_popups()) == patients
    fields = harness.medlane_fields()
    for o in flagged:
        assert fields[o.apt_num].startswith("Medical?")
    for a in harness.rows("appointments"):
        assert a["Note"].count(NOTE_END) == (1 if int(a["AptNum"]) in {o.apt_num for o in flagged} else 0)


def test_injected_faults_cause_no_duplicates_and_lose_nothing(day, practice, make_harness):
    seed, _ = practice
    faulty = SandboxSettings(fail_rate=0.25, fault_seed=11)
    with SandboxServer(seed, settings=faulty) as server:
        harness = make_harness(server)
        report, attempts = None, 0
        while attempts < 40:
            attempts += 1
            try:
                report = harness.scanner().scan_window(day, day)
            except PMSError:
                continue
            if not report.errors:
                break
        assert report is not None and not report.errors, "a scan eventually gets through"
        assert server.stats.snapshot()["faults"] > 0
        _assert_converged(harness, report.flagged)


def _start_sandbox(seed_file: Path, state_file: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "plugin", "sandbox", "--seed", str(seed_file), "--state", str(state_file),
         "--port", str(port), "--latency", "15"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    line = proc.stdout.readline()
    assert "sandbox on http://127.0.0.1:" in line, proc.stderr.read()
    return proc


@pytest.mark.slow
def test_sandbox_killed_mid_scan_then_restarted(day, practice, tmp_path, make_harness):
    import json

    seed, _ = practice
    seed_file = tmp_path / "seed.json"
    seed_file.write_text(json.dumps(seed))
    state_file = tmp_path / "od-state.json"
    port = free_port()
    sandbox = _start_sandbox(seed_file, state_file, port)

    class Remote:  # what Harness needs of a server, for a sandbox in another process
        url = f"http://127.0.0.1:{port}/api/v1"
        settings = SandboxSettings()

    harness = make_harness(Remote)
    outcome = {}

    def scan():
        try:
            outcome["report"] = harness.scanner().scan_window(day, day)
        except PMSError as exc:
            outcome["error"] = exc

    worker = threading.Thread(target=scan)
    worker.start()
    time.sleep(1.2)  # part way through: some prompts written, others not
    os.kill(sandbox.pid, signal.SIGKILL)
    sandbox.wait()
    worker.join(timeout=60)
    assert "error" in outcome, "the scan noticed Open Dental going away"

    sandbox = _start_sandbox(seed_file, state_file, port)
    try:
        report = harness.scanner().scan_window(day, day)
        assert not report.errors
    finally:
        sandbox.send_signal(signal.SIGTERM)
        sandbox.wait(timeout=10)
    state = json.loads(state_file.read_text())["resources"]
    popups = [p for p in state["popups"] if p["Description"].startswith("MedLane:") and p.get("IsArchived") != "true"]
    assert sorted(int(p["PatNum"]) for p in popups) == sorted({o.pat_num for o in report.flagged})
    flagged = {o.apt_num for o in report.flagged}
    for a in state["appointments"]:
        assert a["Note"].count(NOTE_END) == (1 if int(a["AptNum"]) in flagged else 0)
