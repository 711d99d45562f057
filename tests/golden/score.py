"""Score the golden cases: per category, the share of expectations met for facts, claim, rules and narrative.

    python -m tests.golden.score            # the table (for the README)
    python -m tests.golden.score --misses   # and every miss, case by case

Runs every case end to end on a throw-away SQLite database with the real OCR engine, exactly as
tests/golden/test_golden.py does, but counts instead of stopping at the first failing case.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from tests.golden.cases import CASES, GoldenCase
from tests.golden.runner import DIMENSIONS, Outcome, Verdict, judge, run_case

ROLES = ("service", "assistant", "biller", "dentist")


def make_client(home: Path):
    """An app on a fresh SQLite database with the real tesseract engine, and one header per role."""
    from docservice import create_app
    from docservice.auth import create_user
    from docservice.engine import TesseractEngine
    from docservice.extensions import db

    app = create_app({"MEDLANE_HOME": home, "DATABASE_URL": f"sqlite:///{home / 'docservice.db'}",
                      "QUEUE_URL": "immediate:", "OCR_ENGINE": TesseractEngine(), "OCR_TIMEOUT": 60})
    headers = {}
    with app.app_context():
        for role in ROLES:
            _, token = create_user(db.session, f"golden-{role}", role)
            headers[role] = {"Authorization": f"Bearer {token}"}
        db.session.commit()
    return app.test_client(), headers


def score_case(client, headers, case: GoldenCase) -> Verdict:
    try:
        outcome = run_case(client, headers, case)
    except Exception as exc:  # a crash in the code under test is a miss of everything after it, not a stop
        outcome = Outcome(failures=[f"crashed: {type(exc).__name__}: {str(exc)[:200]}"])
    return judge(case, outcome)


def format_table(verdicts: dict[str, Verdict], cases: list[GoldenCase] = CASES) -> str:
    totals: dict[str, dict[str, list[int]]] = defaultdict(lambda: {name: [0, 0] for name in DIMENSIONS})
    ready_cases: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in (case for case in cases if case.name in verdicts):
        verdict = verdicts[case.name]
        for name in DIMENSIONS:
            totals[case.category][name][0] += verdict.expected[name] - len(verdict.misses[name])
            totals[case.category][name][1] += verdict.expected[name]
        ready_cases[case.category][0] += not verdict.all_misses
        ready_cases[case.category][1] += 1
    header = f"| category | cases fully right | {' | '.join(DIMENSIONS)} |"
    rows = [header, "|" + "---|" * (len(DIMENSIONS) + 2)]
    overall = {name: [0, 0] for name in DIMENSIONS}
    for category in sorted(totals):
        cells = []
        for name in DIMENSIONS:
            met, expected = totals[category][name]
            overall[name][0] += met
            overall[name][1] += expected
            cells.append(f"{met}/{expected} ({100 * met / expected:.0f}%)" if expected else "-")
        right, count = ready_cases[category]
        rows.append(f"| {category} | {right}/{count} | {' | '.join(cells)} |")
    cells = [f"{m}/{e} ({100 * m / e:.0f}%)" if e else "-" for m, e in overall.values()]
    right = sum(not v.all_misses for v in verdicts.values())
    rows.append(f"| **all** | {right}/{len(verdicts)} | {' | '.join(cells)} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print every miss, case by case")
    parser.add_argument("-k", dest="only", default="", help="only cases whose name contains this")
    args = parser.parse_args(argv)
    verdicts = {}
    with tempfile.TemporaryDirectory(prefix="golden-") as tmp:
        client, headers = make_client(Path(tmp) / "home")
        for case in CASES:
            if args.only and args.only not in case.name:
                continue
            verdicts[case.name] = verdict = score_case(client, headers, case)
            if args.misses and verdict.all_misses:
                print(f"{case.name}:", *verdict.all_misses, sep="\n  ")
    if not verdicts:
        print("no case matched", file=sys.stderr)
        return 2
    print(format_table(verdicts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
