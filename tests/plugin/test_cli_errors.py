"""Bad input at the command line ends with one clear line and a non-zero exit, never a traceback."""
from __future__ import annotations

import subprocess
import sys

import pytest


def medlane(*args, env_extra=None, tmp_path=None, timeout=60):
    """Run the command as a user would; `timeout` only guards against a hang (speed is benchmarked)."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("MEDLANE_")}
    if tmp_path is not None:
        env["MEDLANE_HOME"] = str(tmp_path / "home")
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "plugin", *args], capture_output=True, text=True, env=env,
                          timeout=timeout)


def _one_clear_line(result):
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("medlane: error:")
    assert "Traceback" not in result.stderr


def test_unreachable_open_dental(tmp_path):
    result = medlane("scan", "--from", "2027-01-04", "--to", "2027-01-04", "--pms-url", "http://127.0.0.1:9/api/v1",
                     "--developer-key", "d", "--customer-key", "c", tmp_path=tmp_path)
    _one_clear_line(result)
    assert "Cannot reach Open Dental" in result.stderr


@pytest.mark.parametrize("url", ["127.0.0.1:30223/api/v1", "http://127.0.0.1:30223/"])
def test_malformed_url(url, tmp_path):
    result = medlane("scan", "--from", "2027-01-04", "--to", "2027-01-04", "--pms-url", url,
                     "--developer-key", "d", "--customer-key", "c", tmp_path=tmp_path)
    _one_clear_line(result)


def test_missing_keys(tmp_path):
    result = medlane("scan", "--from", "2027-01-04", "--to", "2027-01-04", "--pms-url", "http://127.0.0.1:9/api/v1",
                     tmp_path=tmp_path)
    _one_clear_line(result)
    assert "keys" in result.stderr


def test_bad_keys_get_401(day, harness, tmp_path):
    result = medlane("scan", "--from", str(day), "--to", str(day), "--pms-url", harness.server.url,
                     "--developer-key", "wrong", "--customer-key", "wrong", tmp_path=tmp_path)
    _one_clear_line(result)
    assert "401" in result.stderr


def test_wrong_url_path_is_explained(day, harness, tmp_path):
    wrong = harness.server.url.replace("/api/v1", "/api/v2/api/v1")
    result = medlane("scan", "--from", str(day), "--to", str(day), "--pms-url", wrong,
                     "--developer-key", "d", "--customer-key", "c", tmp_path=tmp_path)
    _one_clear_line(result)


def test_scan_json_output(day, harness, tmp_path):
    import json

    result = medlane("scan", "--from", str(day), "--to", str(day), "--json", "--dry-run", "--pms-url", harness.server.url,
                     "--developer-key", harness.server.settings.developer_key,
                     "--customer-key", harness.server.settings.customer_key, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["flagged"] > 0 and data["decisions"]


def test_bad_dates(tmp_path):
    result = medlane("scan", "--from", "2027-13-01", "--to", "2027-01-04", tmp_path=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_demo_runs(tmp_path):
    # The whole demo starts the document service, scans a day and exports a case: minutes on a busy machine.
    result = medlane("demo", "--home", str(tmp_path / "demo"), "--json", tmp_path=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    import json

    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["flagged"] > 0 and summary["popups"] > 0 and summary["second_pass_writes"] == 0
    assert summary["cases"] == summary["flagged"]
    # The demo's trauma case goes all the way: exported, back in Open Dental, its claim filled.
    export = summary["export"]
    assert export["exported"] is True and export["pms"] == "uploaded"
    assert {"packet.pdf", "cms1500.pdf", "claim.837p", "narrative.pdf", "manifest.json"} <= set(export["files"])
    assert export["open_dental"]["commlogs"] == 1 and export["acn"] in export["open_dental"]["field"]
    assert export["acn"] in export["od_claim"]
