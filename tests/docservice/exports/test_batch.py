"""Batches: POST /api/v1/exports and `medlane export`: one 837P interchange, a folder per case."""
from __future__ import annotations

import json
import subprocess
import sys

from docservice.claimforms.x837p import validate_837p


def test_batch_by_ids_has_one_interchange_and_a_folder_per_case(client, auth, make_ready_case, open_zip):
    ready = [make_ready_case(apt_num=9101), make_ready_case(apt_num=9102)]
    unsigned = make_ready_case(apt_num=9103, sign=False)
    answer = client.post("/api/v1/exports", json={"case_ids": [*ready, unsigned], "to_pms": False},
                         headers=auth("biller"))
    assert answer.status_code == 200, answer.get_json()
    assert answer.headers["X-MedLane-Exported"] == "2" and answer.headers["X-MedLane-Refused"] == "1"
    archive = open_zip(answer.data)
    names = archive.namelist()
    claim = archive.read("claim.837p").decode()
    assert validate_837p(claim) == []
    assert claim.count("~ISA*") + claim.startswith("ISA*") == 1
    assert sum(1 for s in claim.split("~") if s.strip().startswith("CLM*")) == 2
    for case_id in ready:
        manifest = json.loads(archive.read(f"case-{case_id}/manifest.json"))
        assert manifest["case_id"] == case_id
        assert f"case-{case_id}/packet.pdf" in names
        assert manifest["acn"] in claim
    assert not any(name.startswith(f"case-{unsigned}/") for name in names)
    summary = json.loads(archive.read("batch.json"))
    assert [item["case_id"] for item in summary["refused"]] == [unsigned]
    assert "narrative-unsigned" in summary["refused"][0]["rules"]
    acns = {json.loads(archive.read(f"case-{c}/manifest.json"))["acn"] for c in ready}
    assert len(acns) == 2


def test_batch_by_dates_and_nothing_ready(client, auth, make_ready_case):
    make_ready_case(apt_num=9201, sign=False)
    answer = client.post("/api/v1/exports", json={"date_from": "2026-03-01", "date_to": "2026-03-31",
                                                  "to_pms": False}, headers=auth("biller"))
    assert answer.status_code == 409
    assert answer.get_json()["code"] == "not_ready"
    empty = client.post("/api/v1/exports", json={"date_from": "2030-01-01", "date_to": "2030-01-31"},
                        headers=auth("biller"))
    assert empty.status_code == 409 and empty.get_json()["code"] == "nothing_to_export"
    bad = client.post("/api/v1/exports", json={"date_from": "2026-03-31"}, headers=auth("biller"))
    assert bad.status_code == 422


def test_interchange_control_numbers_never_repeat(client, auth, make_ready_case, open_zip):
    case_id = make_ready_case()
    seen = set()
    for _ in range(3):
        claim = open_zip(client.get(f"/api/v1/cases/{case_id}/export", query_string={"to_pms": "false"},
                                    headers=auth("biller")).data).read("claim.837p").decode()
        isa13 = claim.split("~")[0].split("*")[13]
        assert isa13 not in seen
        seen.add(isa13)


def test_cli_export_writes_the_batch_and_a_summary(app, make_ready_case, home, database_url, tmp_path):
    make_ready_case(apt_num=9301)
    make_ready_case(apt_num=9302, sign=False)
    out = tmp_path / "out"
    env = {"MEDLANE_HOME": str(home), "MEDLANE_DATABASE_URL": database_url, "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "plugin", "export", "--from", "2026-03-01", "--to", "2026-03-31",
                           "--out", str(out), "--no-pms"], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    last = done.stdout.strip().splitlines()[-1]
    assert last.startswith("Exported 1, refused 1") and "narrative-unsigned" in last
    zips = list(out.glob("medlane-batch-*.zip"))
    assert len(zips) == 1
    unpacked = zips[0].with_suffix("")
    assert (unpacked / "claim.837p").is_file()
    assert validate_837p((unpacked / "claim.837p").read_text()) == []


def test_cli_export_bad_dates_are_one_line(home, database_url, tmp_path):
    env = {"MEDLANE_HOME": str(home), "MEDLANE_DATABASE_URL": database_url, "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "plugin", "export", "--from", "2026-03-31", "--to", "2026-03-01",
                           "--out", str(tmp_path)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "--from is after --to" in done.stderr
