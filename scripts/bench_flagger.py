#!/usr/bin/env python3
"""Benchmark the scheduling-time flagger against the sandbox over real HTTP on loopback.

For a generated schedule (default 1,000 appointments over 5 days) it reports:
- Open Dental calls of a first scan, per in-window appointment (goal: at most 4);
- calls of an unchanged re-scan by `watch` (goal: under 10);
- wall time of both against the sandbox;
- with a remote key's pacing (--min-interval 1 on both sides), the measured time of a smaller
  day, and the time the full schedule would take at one call per second;
- how far the decisions agree with the generator's truth (the generator was written apart from
  the rules, so this measures generalisation, not tuning).

Usage: python scripts/bench_flagger.py [--appointments 1000] [--days 5] [--remote-sample 25]
"""
from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from plugin.config import load_settings
from plugin.flagger import Flagger
from plugin.opendental.api import OpenDentalAPI
from plugin.opendental.client import OpenDentalClient
from plugin.sandbox.practice import generate_practice
from plugin.sandbox.server import SandboxServer
from plugin.sandbox.settings import SandboxSettings
from plugin.scan import Scanner
from plugin.state import StateStore
from plugin.watch import watch_pass


def make_scanner(server: SandboxServer, home: Path, flagger: Flagger, *, min_interval: float = 0.0) -> Scanner:
    settings = load_settings(
        home=home,
        pms_url=server.url,
        developer_key=server.settings.developer_key,
        customer_key=server.settings.customer_key,
        min_interval=min_interval,
        environ={},
    )
    return Scanner(OpenDentalAPI(OpenDentalClient(settings.pms)), StateStore(settings.state_path), flagger=flagger)


def agreement(report, truth: dict) -> dict:
    got = {o.apt_num: (o.decision.primary.category if o.flagged else None) for o in report.outcomes}
    pairs = [(got[int(k)], v) for k, v in truth.items() if int(k) in got]
    medical = [(g, t) for g, t in pairs if t is not None]
    routine = [(g, t) for g, t in pairs if t is None]
    return {
        "appointments": len(pairs),
        "medical_found": sum(g is not None for g, _ in medical) / max(1, len(medical)),
        "medical_category_right": sum(g == t for g, t in medical) / max(1, len(medical)),
        "routine_left_alone": sum(g is None for g, _ in routine) / max(1, len(routine)),
        "medical": len(medical),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--appointments", type=int, default=1000)
    parser.add_argument("--days", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument("--remote-sample", type=int, default=25, help="appointments for the paced run (0 skips it)")
    args = parser.parse_args()

    # Start tomorrow so the generated change stamps lie in the past, as they do in a real database.
    start = date.today() + timedelta(days=1)
    last = start + timedelta(days=args.days - 1)
    seed, truth = generate_practice(appointments=args.appointments, start=start, days=args.days, seed=args.seed)
    flagger = Flagger.from_crosswalks()
    rows = []
    with tempfile.TemporaryDirectory() as tmp, SandboxServer(seed, settings=SandboxSettings()) as server:
        home = Path(tmp) / "home"
        began = time.perf_counter()
        first = watch_pass(make_scanner(server, home, flagger), start, last)
        first_time = time.perf_counter() - began
        in_window = len(first.outcomes)
        window_all = sum(
            1 for a in server.store.rows("appointments") if start.isoformat() <= a["AptDateTime"][:10] <= last.isoformat()
        )
        began = time.perf_counter()
        again = watch_pass(make_scanner(server, home, flagger), start, last)
        again_time = time.perf_counter() - began
        began = time.perf_counter()
        third = watch_pass(make_scanner(server, home, flagger), start, last)
        third_time = time.perf_counter() - began
        rows += [
            ("appointments in window (scheduled / all)", f"{in_window} / {window_all}"),
            ("flagged as possibly medical", f"{len(first.flagged)}"),
            ("first scan: calls", f"{first.calls} ({first.calls / max(1, window_all):.2f} per in-window appointment)"),
            ("first scan: wall time", f"{first_time:.1f} s"),
            ("watch re-scan, unchanged (sees MedLane's own note writes): calls", f"{again.calls} in {again_time:.2f} s"),
            ("watch re-scan, unchanged again: calls", f"{third.calls} in {third_time:.2f} s"),
            ("remote key at 1 call/s, first scan (calls x 1 s)", f"{first.calls / 60:.0f} min"),
        ]
        score = agreement(first, truth)
    if args.remote_sample:
        sample_seed, _ = generate_practice(appointments=args.remote_sample, start=start, days=1, seed=args.seed + 1)
        paced = SandboxSettings(min_interval=1.0)
        with tempfile.TemporaryDirectory() as tmp, SandboxServer(sample_seed, settings=paced) as server:
            began = time.perf_counter()
            report = make_scanner(server, Path(tmp), flagger, min_interval=1.0).scan_window(start, start)
            elapsed = time.perf_counter() - began
            throttled = server.stats.snapshot()["throttled"]
        rows.append(
            (
                f"remote pacing measured: {len(report.outcomes)}-appointment day, --min-interval 1",
                f"{report.calls} calls in {elapsed:.0f} s, {throttled} throttled (429) answers",
            )
        )
    print("| measure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    print(
        f"\nAgreement with the generator's truth ({score['appointments']} scheduled appointments, "
        f"{score['medical']} medical): medical cases found {score['medical_found']:.1%}, "
        f"right category {score['medical_category_right']:.1%}, routine visits left alone {score['routine_left_alone']:.1%}."
    )


if __name__ == "__main__":
    main()
