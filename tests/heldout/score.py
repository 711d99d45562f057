"""Score the held-out cases exactly as the golden suite is scored, plus two things the golden suite
does not measure: the document kind the classifier gave each upload, and false error findings
(errors that fired although the case's `errors` does not list them; the held-out `errors` are
exhaustive).

    python -m tests.heldout.score            # the table, document kinds and false errors
    python -m tests.heldout.score --misses   # and every miss, case by case
    python -m tests.heldout.score --set c    # held-out set C (cases_c.py) instead of set B (cases.py)

Never tune rules on what this prints beyond general mechanisms; see tests/heldout/README.md.
"""
from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
from pathlib import Path

from tests.golden.runner import Outcome, judge, run_case
from tests.golden.score import format_table, make_client

# Each held-out set is a module of CASES written apart from the rules: set B first, set C later.
SETS = {"b": "tests.heldout.cases", "c": "tests.heldout.cases_c"}


def _kinds(client, headers, outcome: Outcome) -> list[str | None]:
    if outcome.case_id is None:
        return []
    answer = client.get(f"/api/v1/cases/{outcome.case_id}/documents", headers=headers["biller"])
    documents = answer.get_json() if answer.status_code == 200 else []
    return [document.get("kind") for document in sorted(documents, key=lambda d: d["id"])]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print every miss, case by case")
    parser.add_argument("-k", dest="only", default="", help="only cases whose name contains this")
    parser.add_argument("--set", dest="which", choices=sorted(SETS), default="b", help="which held-out set")
    args = parser.parse_args(argv)
    cases = importlib.import_module(SETS[args.which]).CASES
    verdicts, kinds_right, kinds_total, false_errors = {}, 0, 0, []
    with tempfile.TemporaryDirectory(prefix="heldout-") as tmp:
        client, headers = make_client(Path(tmp) / "home")
        for case in cases:
            if args.only and args.only not in case.name:
                continue
            try:
                outcome = run_case(client, headers, case)
            except Exception as exc:  # a crash is a miss of everything after it, not a stop
                outcome = Outcome(failures=[f"crashed: {type(exc).__name__}: {str(exc)[:200]}"])
            verdicts[case.name] = verdict = judge(case, outcome)
            kinds = _kinds(client, headers, outcome)
            kind_misses = []
            for document, kind in zip(case.documents, kinds):
                kinds_total += 1
                kinds_right += kind == document.doc_type
                if kind != document.doc_type:
                    kind_misses.append(f"[kind] {document.filename}: {kind}, expected {document.doc_type}")
            fired = {finding.get("rule") for finding in outcome.checks.get("findings", [])
                     if finding.get("severity") == "error"}
            extra = sorted(fired - set(case.errors))
            false_errors.extend((case.name, rule) for rule in extra)
            if args.misses and (verdict.all_misses or extra or kind_misses):
                print(f"{case.name}:", *verdict.all_misses, *kind_misses, *(f"[false error] {rule}" for rule in extra),
                      sep="\n  ")
    if not verdicts:
        print("no case matched", file=sys.stderr)
        return 2
    print(format_table(verdicts, cases))
    print(f"\ndocument kinds right: {kinds_right}/{kinds_total}")
    print(f"false error findings: {len(false_errors)} over {len(verdicts)} cases "
          f"({10 * len(false_errors) / len(verdicts):.1f} per 10 cases)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
