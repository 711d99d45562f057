"""`medlane sandbox` as a process: start line, clean stop, one-line errors, state across kill -9."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time

import pytest
import requests

from plugin.sandbox.command import add_sandbox_command, settings_from_args


@pytest.fixture
def run_cli(project_root):
    """run_cli(*args) -> `medlane sandbox --port 0 *args` run to completion."""

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "plugin", "sandbox", "--port", "0", *args],
            capture_output=True,
            text=True,
            cwd=project_root,
            env=dict(os.environ, PYTHONPATH=str(project_root)),
            timeout=30,
        )

    return run


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"patients": [', "is not valid JSON: Expecting value (line 1, column 15)"),
        ('{"patientz": []}', "unknown resource 'patientz'"),
        ('{"patients": [{"PatNum": 1, "LName": "Sample1"}]}', "patients[0] (PatNum 1) is missing the required field"),
        ("[]", "expected a JSON object"),
    ],
)
def test_bad_seed_is_one_line_on_stderr(run_cli, tmp_path, content, expected):
    seed = tmp_path / "seed.json"
    seed.write_text(content)
    result = run_cli("--seed", str(seed))
    assert result.returncode == 3
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("medlane: error: ")
    assert expected in lines[0]
    assert "Traceback" not in result.stderr


def test_missing_seed_and_bad_flags(run_cli, tmp_path):
    missing = run_cli("--seed", str(tmp_path / "nope.json"))
    assert missing.returncode == 3 and missing.stderr.startswith("medlane: error: seed file")
    rate = run_cli("--fail-rate", "2")
    assert rate.returncode == 2 and rate.stderr.strip() == "medlane: error: --fail-rate must be between 0 and 1."


def test_serves_until_sigterm_then_exits_zero(make_seed, write_json, tmp_path, run_sandbox_process):
    process = run_sandbox_process("--seed", str(write_json(tmp_path / "seed.json", make_seed())))
    response = requests.get(f"{process.url}/appointments/100", headers=process.headers, timeout=5)
    assert response.status_code == 200
    assert process.stop() == 0
    assert "Traceback" not in process.process.stderr.read()


def test_without_seed_serves_the_demo_practice(run_sandbox_process):
    process = run_sandbox_process()
    assert len(requests.get(f"{process.url}/appointments", headers=process.headers, timeout=5).json()) == 63


def test_state_survives_kill_9(make_seed, write_json, tmp_path, run_sandbox_process):
    seed = write_json(tmp_path / "seed.json", make_seed())
    state = tmp_path / "state" / "sandbox.json"
    first = run_sandbox_process("--seed", str(seed), "--state", str(state))
    assert state.exists()  # written at start, before any write
    session = requests.Session()
    session.headers.update(first.headers)
    popup = session.post(f"{first.url}/popups", json={"PatNum": 1, "Description": "MedLane: review"}).json()

    # Append notes from another thread and pull the plug in the middle of it.
    acknowledged = []

    def append_notes():
        for i in range(500):
            try:
                response = session.put(f"{first.url}/appointments/101/Note", json={"Note": f"n{i}"}, timeout=5)
            except requests.RequestException:
                return
            if response.status_code == 200:
                acknowledged.append(i)

    writer = threading.Thread(target=append_notes)
    writer.start()
    time.sleep(0.4)
    first.kill_hard()
    writer.join(10)
    assert acknowledged, "no write went through before the kill"

    second = run_sandbox_process("--state", str(state))  # no seed: the state file is the database
    get = lambda path, **params: requests.get(f"{second.url}/{path}", params=params, headers=second.headers, timeout=5)
    assert popup["PopupNum"] in {p["PopupNum"] for p in get("popups", PatNum=1).json()}
    note_lines = requests.get(f"{second.url}/appointments/101", headers=second.headers, timeout=5)
    stored = note_lines.json()["Note"].split(" ")[1:]  # "recall n0 n1 ..." on the wire
    # Every acknowledged write is there; at most one more was applied but not acknowledged.
    assert len(acknowledged) <= len(stored) <= len(acknowledged) + 1
    again = requests.post(
        f"{second.url}/popups", json={"PatNum": 1, "Description": "second"}, headers=second.headers, timeout=5
    )
    assert again.json()["PopupNum"] > popup["PopupNum"]


def test_keys_come_from_flags_then_environment_then_defaults():
    parser = argparse.ArgumentParser()
    add_sandbox_command(parser.add_subparsers())
    env = {"MEDLANE_OD_DEVELOPER_KEY": "env-dev", "MEDLANE_OD_CUSTOMER_KEY": "env-cust"}
    from_env = settings_from_args(parser.parse_args(["sandbox"]), env)
    assert (from_env.developer_key, from_env.customer_key) == ("env-dev", "env-cust")
    from_flags = settings_from_args(parser.parse_args(["sandbox", "--customer-key", "flag-cust"]), env)
    assert (from_flags.developer_key, from_flags.customer_key) == ("env-dev", "flag-cust")
    defaults = settings_from_args(parser.parse_args(["sandbox"]), {})
    assert (defaults.developer_key, defaults.customer_key, defaults.page_limit) == (
        "sandbox-developer",
        "sandbox-customer",
        100,
    )
