"""`medlane demo`: the whole Open Dental side on the embedded defaults, in one command.

Starts the sandbox with the bundled demo practice day on a free loopback port, scans that day,
prints the decisions and what was written into "Open Dental", then scans again to show that a
second pass writes nothing.
"""
from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import TextIO

from plugin.config import default_home, load_settings
from plugin.sandbox.seed import DEMO_SEED, read_json
from plugin.sandbox.server import SandboxServer
from plugin.sandbox.settings import SandboxSettings

DEMO_DAY = date(2027, 1, 4)


def run_demo(*, home: str | None, as_json: bool, out: TextIO) -> int:
    from plugin.commands import _open, _print_report

    demo_home = Path(home) if home else default_home() / "demo"
    # The sandbox starts fresh every time, so the demo's local state must too.
    shutil.rmtree(demo_home, ignore_errors=True)
    demo_home.mkdir(parents=True, exist_ok=True)
    sandbox_settings = SandboxSettings()
    with SandboxServer(read_json(DEMO_SEED, what="demo seed"), settings=sandbox_settings) as sandbox:
        settings = load_settings(
            home=demo_home,
            pms_url=sandbox.url,
            developer_key=sandbox_settings.developer_key,
            customer_key=sandbox_settings.customer_key,
            environ={},
        )
        print(f"Sandbox Open Dental with a demo practice day at {sandbox.url}\n", file=out)
        first = _open(settings, dry_run=False).scan_window(DEMO_DAY, DEMO_DAY)
        _print_report(first, as_json=as_json)
        second = _open(settings, dry_run=False).scan_window(DEMO_DAY, DEMO_DAY)
        written = sum(len(o.actions) for o in second.outcomes)
        popups = [r for r in sandbox.store.rows("popups") if str(r.get("Description", "")).startswith("MedLane:")]
        fields = [r for r in sandbox.store.rows("apptfields") if r.get("FieldName") == "MedLane" and r.get("FieldValue")]
        summary = {
            "flagged": len(first.flagged),
            "apptfields_set": len(fields),
            "popups": len(popups),
            "first_pass_calls": first.calls,
            "second_pass_calls": second.calls,
            "second_pass_writes": written,
        }
        if as_json:
            print(json.dumps(summary), file=out)
        else:
            print(
                f"\nOpen Dental now shows {len(fields)} MedLane appointment fields and {len(popups)} popups."
                f"\nA second pass made {second.calls} calls and wrote {written} things (it should write none).",
                file=out,
            )
    return 0
