"""`medlane demo`: the whole Open Dental side on the embedded defaults, in one command.

Starts the sandbox with the bundled demo practice day on a free loopback port and the document
service (`medlane serve`, its own process, reached over HTTP like any install), scans that day,
prints the decisions, what was written into "Open Dental" and the cases opened, then scans again
to show that a second pass writes nothing.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TextIO

import requests

from crosswalks.exitcodes import ExitCode
from plugin.config import default_home, load_settings
from plugin.errors import DocServiceError
from plugin.report import print_report
from plugin.scan import open_scanner
from plugin.sandbox.seed import DEMO_SEED, read_json
from plugin.sandbox.server import SandboxServer
from plugin.sandbox.settings import SandboxSettings

DEMO_DAY = date(2027, 1, 4)
# The demo day's trauma visit, for which the seed holds a medical claim made in Open Dental.
DEMO_CLAIM_APPOINTMENT = 42641
STARTUP_SECONDS = 60


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _child_env(home: Path, **extra: str) -> dict:
    return dict(os.environ, MEDLANE_HOME=str(home), **extra)


def _medlane(*args: str, home: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "plugin", *args], capture_output=True, text=True, env=_child_env(home))


DEMO_ROLES = ("service", "admin", "assistant", "biller", "dentist")


@contextmanager
def running_docservice(home: Path, *, pms: dict[str, str] | None = None):
    """`medlane serve` in a child process, writing back to `pms` (MEDLANE_PMS_URL and keys);
    yields (api url, {role: token})."""
    tokens = {}
    for role in DEMO_ROLES:
        added = _medlane("users", "add", f"demo-{role}", "--role", role, home=home)
        if added.returncode != 0:
            raise DocServiceError(f"Could not create the demo's {role} user: {added.stderr.strip()}")
        tokens[role] = added.stdout.strip().splitlines()[-1]
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "plugin", "serve", "--port", str(port)],
        env=_child_env(home, **(pms or {})),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/api/v1"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                if requests.get(f"{url}/health", timeout=1).ok:
                    break
            except requests.RequestException:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise DocServiceError("The demo's document service did not start.")
            time.sleep(0.2)
        yield url, tokens
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


def run_demo(*, home: str | None, as_json: bool, out: TextIO) -> int:
    demo_home = Path(home) if home else default_home() / "demo"
    # The sandbox starts fresh every time, so the demo's local state must too. Only what the demo
    # itself made is removed: --home may name a folder that holds other things.
    for leftover in demo_home.glob("plugin.db*"):
        leftover.unlink()
    shutil.rmtree(demo_home / "docservice", ignore_errors=True)
    demo_home.mkdir(parents=True, exist_ok=True)
    sandbox_settings = SandboxSettings()
    with SandboxServer(read_json(DEMO_SEED, what="demo seed"), settings=sandbox_settings) as sandbox:
        pms = {"MEDLANE_PMS_URL": sandbox.url, "MEDLANE_OD_DEVELOPER_KEY": sandbox_settings.developer_key,
               "MEDLANE_OD_CUSTOMER_KEY": sandbox_settings.customer_key}
        with running_docservice(demo_home / "docservice", pms=pms) as (docs_url, tokens):
            return _run(sandbox, sandbox_settings, docs_url, tokens, home=demo_home, as_json=as_json, out=out)


def _run(sandbox, sandbox_settings, docs_url: str, tokens: dict[str, str], *, home: Path, as_json: bool,
         out: TextIO) -> int:
    from plugin.demo_export import Office, walk_case_to_payer

    demo_home = home
    service_token, biller_token = tokens["service"], tokens["biller"]
    settings = load_settings(
        home=demo_home,
        pms_url=sandbox.url,
        developer_key=sandbox_settings.developer_key,
        customer_key=sandbox_settings.customer_key,
        docservice_url=docs_url,
        docservice_token=service_token,
        environ={},
    )
    print(f"Sandbox Open Dental with a demo practice day at {sandbox.url}", file=out)
    print(f"Document service at {docs_url}\n", file=out)
    first = open_scanner(settings, dry_run=False).scan_window(DEMO_DAY, DEMO_DAY)
    print_report(first, as_json=as_json)
    second = open_scanner(settings, dry_run=False).scan_window(DEMO_DAY, DEMO_DAY)
    written = sum(len([a for a in o.actions if a != "case sent"]) for o in second.outcomes)
    popups = [r for r in sandbox.store.rows("popups") if str(r.get("Description", "")).startswith("MedLane:")]
    cases = requests.get(
        f"{docs_url}/cases", params={"page_size": 100}, headers={"Authorization": f"Bearer {biller_token}"}, timeout=10
    ).json()
    fields = [r for r in sandbox.store.rows("apptfields") if r.get("FieldName") == "MedLane" and r.get("FieldValue")]
    summary = {
        "flagged": len(first.flagged),
        "apptfields_set": len(fields),
        "popups": len(popups),
        "cases": len(cases),
        "first_pass_calls": first.calls,
        "second_pass_calls": second.calls,
        "second_pass_writes": written,
    }
    if not as_json:
        print(
            f"\nOpen Dental now shows {len(fields)} MedLane appointment fields and {len(popups)} popups;"
            f" the document service holds {len(cases)} cases."
            f"\nA second pass made {second.calls} calls and wrote {written} things (it should write none).",
            file=out,
        )
    chosen = next((case for case in cases if case["apt_num"] == DEMO_CLAIM_APPOINTMENT), None)
    if chosen is not None:
        walk_out = io.StringIO() if as_json else out
        exported = walk_case_to_payer(Office(docs_url, tokens), case=chosen, day=DEMO_DAY,
                                      home=demo_home, out=walk_out)
        summary["export"] = exported
        if exported.get("exported"):
            summary["export"]["open_dental"] = _show_open_dental(sandbox, chosen, out=walk_out)
            summary["export"]["od_claim"] = _fill_od_claim(settings, biller_token, chosen["id"], out=walk_out)
    if as_json:
        print(json.dumps(summary), file=out)
    return ExitCode.ok


def _show_open_dental(sandbox, case: dict, *, out: TextIO) -> dict:
    """What the export left in (sandbox) Open Dental for the patient."""
    documents = [row for row in sandbox.store.rows("documents") if row.get("PatNum") == case["pat_num"]]
    notes = [row["Note"] for row in sandbox.store.rows("commlogs")
             if row.get("PatNum") == case["pat_num"] and "Medical claim packet" in str(row.get("Note"))]
    field = next((row["FieldValue"] for row in sandbox.store.rows("apptfields")
                  if row.get("AptNum") == case["apt_num"] and row.get("FieldName") == "MedLane"), "")
    print(f"  Open Dental: {len(documents)} document(s) on the patient, commlog \"{notes[-1] if notes else ''}\",",
          file=out)
    print(f"               appointment field \"{field}\"", file=out)
    return {"documents": len(documents), "commlogs": len(notes), "field": field}


def _fill_od_claim(settings, biller_token: str, case_id: int, *, out: TextIO) -> str:
    """`medlane od-claim CASE`: the medical claim staff made in Open Dental gets the ACN and note."""
    from dataclasses import replace

    from plugin.odclaim.case_export import read_case_export
    from plugin.odclaim.run import fill_od_claim, render_fill
    from plugin.opendental.client import OpenDentalClient

    docservice = replace(settings.docservice, token=biller_token)
    with OpenDentalClient(settings.pms) as client:
        fill = fill_od_claim(client, read_case_export(docservice, case_id), claim_num=None, dry_run=False)
    text = render_fill(fill)
    print(f"\n$ medlane od-claim {case_id}\n{text}", file=out)
    return text
