"""Held-out practice day B: three synthetic clinic days from a practice the flagger was never tuned on.

`practice_day.json` holds the appointments (note, procedures, problem list) and, for each, the expected
answer written from clinical and front-desk knowledge, without reading the flagger's rules or fixtures.
Expectations are fixed; do not edit them to match the flagger's output.

    load_day() -> list[(AppointmentContext, expected dict)]

Score the current flagger (prints recall / precision / category accuracy):

    .venv/bin/python -m tests.heldout.practice_day [--misses] [--set c]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterable

from plugin.flagger.model import AppointmentContext, Problem, Procedure

DAY_FILE = Path(__file__).with_name("practice_day.json")
# Each held-out day is written apart from the rules: day B first, day C later.
DAY_FILES = {"b": DAY_FILE, "c": Path(__file__).with_name("practice_day_c.json")}

CATEGORIES = (
    "sleep", "tmd", "trauma", "pathology", "impacted", "infection", "bone_graft", "frenum",
    "clearance", "orthognathic", "maxillofacial", "imaging",
)
SOURCES = ("procedure", "problem", "note", "combination")


def _procedures(apt: dict[str, Any]) -> tuple[Procedure, ...]:
    return tuple(
        Procedure(
            proc_num=apt["apt_num"] * 100 + i,
            code=p["code"],
            descript=p.get("descript", ""),
            tooth=str(p.get("tooth", "")),
            surface=p.get("surface", ""),
            status=p.get("status", "TP"),
        )
        for i, p in enumerate(apt.get("procedures", []), start=1)
    )


def _problems(apt: dict[str, Any]) -> tuple[Problem, ...]:
    # disease_num is stable per patient and position, so a patient's repeat visits carry the same problems
    return tuple(
        Problem(
            disease_num=apt["pat_num"] * 100 + i,
            name=p["name"],
            icd10=p.get("icd10", "") or "",
            note=p.get("note", "") or "",
        )
        for i, p in enumerate(apt.get("problems", []), start=1)
    )


def _context(apt: dict[str, Any]) -> AppointmentContext:
    procs = _procedures(apt)
    return AppointmentContext(
        apt_num=apt["apt_num"],
        pat_num=apt["pat_num"],
        start=datetime.fromisoformat(apt["start"]),
        note=apt.get("note", "") or "",
        procedures=procs,
        problems=_problems(apt),
        proc_descript=", ".join(f"#{p.tooth}-{p.code}" if p.tooth else p.code for p in procs),
    )


def load_raw(path: Path = DAY_FILE) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def load_day(path: Path = DAY_FILE) -> list[tuple[AppointmentContext, dict[str, Any]]]:
    """Every appointment of the held-out days as (context, expected), in schedule order."""
    doc = load_raw(path)
    out = []
    for apt in doc["appointments"]:
        exp = dict(apt["expected"])
        exp.setdefault("categories", [])
        exp.setdefault("source", None)
        exp.setdefault("joins_apt", None)
        out.append((_context(apt), exp))
    return out


def _flagged_categories(decision: Any) -> list[str]:
    return [c.category for c in getattr(decision, "categories", ()) or ()]


def _pct(num: int, den: int) -> str:
    return f"{num}/{den} = {num / den:.1%}" if den else f"{num}/0 = n/a"


def score(pairs: Iterable[tuple[AppointmentContext, dict[str, Any]]],
          decide: Callable[[AppointmentContext], Any]) -> dict[str, Any]:
    """Run `decide` on every appointment and compare with the expectations."""
    rows = []
    for ctx, exp in pairs:
        try:
            decision = decide(ctx)
        except Exception:
            print(f"decide() raised on apt {ctx.apt_num}", file=sys.stderr)
            raise
        rows.append((ctx, exp, bool(decision.flagged), _flagged_categories(decision)))

    tp = [r for r in rows if r[1]["medical"] and r[2]]
    fn = [r for r in rows if r[1]["medical"] and not r[2]]
    fp = [r for r in rows if not r[1]["medical"] and r[2]]
    cat_ok = [r for r in tp if set(r[3]) & set(r[1]["categories"])]
    cat_wrong = [r for r in tp if not set(r[3]) & set(r[1]["categories"])]
    expected = [r for r in rows if r[1]["medical"]]

    by_source = {s: (sum(1 for r in tp if r[1]["source"] == s), sum(1 for r in expected if r[1]["source"] == s))
                 for s in SOURCES}
    by_cat = {}
    for c in CATEGORIES:
        exp_c = [r for r in expected if c in r[1]["categories"]]
        by_cat[c] = (sum(1 for r in exp_c if r[2]), len(exp_c))

    return {
        "rows": rows, "tp": tp, "fn": fn, "fp": fp, "cat_ok": cat_ok, "cat_wrong": cat_wrong,
        "expected": expected, "flagged": [r for r in rows if r[2]], "by_source": by_source, "by_cat": by_cat,
        "joins": sum(1 for r in rows if r[1].get("joins_apt")),
        "joins_medical": sum(1 for r in expected if r[1].get("joins_apt")),
    }


def report(res: dict[str, Any], misses: bool = False, out=sys.stdout) -> None:
    rows = res["rows"]
    days = Counter(ctx.start.date().isoformat() for ctx, *_ in rows)
    p = lambda *a: print(*a, file=out)  # noqa: E731
    p(f"appointments:          {len(rows)}  ({', '.join(f'{d}: {n}' for d, n in sorted(days.items()))})")
    p(f"expected medical:      {len(res['expected'])}")
    p(f"flagged:               {len(res['flagged'])}")
    p(f"recall:                {_pct(len(res['tp']), len(res['expected']))}")
    p(f"precision:             {_pct(len(res['tp']), len(res['flagged']))}")
    p(f"category accuracy(TP): {_pct(len(res['cat_ok']), len(res['tp']))}")
    p("recall by source:      " + ", ".join(f"{s} {a}/{b}" for s, (a, b) in res["by_source"].items()))
    p("recall by category:    " + ", ".join(f"{c} {a}/{b}" for c, (a, b) in res["by_cat"].items()))
    p(f"expected joins_apt links: {res['joins']} (flagger does not expose joins yet; counted only)")
    if not misses:
        return
    p("")
    for ctx, exp, _, cats in res["fn"]:
        p(f"FN  apt {ctx.apt_num}  expected {'/'.join(exp['categories'])} ({exp['source']}): {exp['why']}")
    for ctx, exp, _, cats in res["fp"]:
        p(f"FP  apt {ctx.apt_num}  flagged {'/'.join(cats)}; expected not medical: {exp['why']}")
    for ctx, exp, _, cats in res["cat_wrong"]:
        p(f"CAT apt {ctx.apt_num}  flagged {'/'.join(cats)}, expected {'/'.join(exp['categories'])}: {exp['why']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.heldout.practice_day", description=__doc__.split("\n")[0])
    ap.add_argument("--misses", action="store_true", help="list false negatives / false positives / wrong categories")
    ap.add_argument("--set", dest="which", choices=sorted(DAY_FILES), default="b", help="which held-out day")
    args = ap.parse_args(argv)

    from crosswalks import load_crosswalk
    from plugin.flagger import Flagger

    flagger = Flagger.from_crosswalks(load_crosswalk())
    res = score(load_day(DAY_FILES[args.which]), flagger.decide)
    report(res, misses=args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
