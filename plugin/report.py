"""How a pass is shown: a table for people, JSON for programs. Patient names never appear."""
from __future__ import annotations

import json

from plugin.scan import ScanReport


def render_json(report: ScanReport) -> str:
    return json.dumps(
        {
            "window": {"from": report.first.isoformat(), "to": report.last.isoformat()},
            "dry_run": report.dry_run,
            "appointments": len(report.outcomes),
            "flagged": len(report.flagged),
            "errors": len(report.errors),
            "calls": report.calls,
            "decisions": [o.as_dict() for o in report.outcomes],
        },
        indent=2,
    )


def render_table(report: ScanReport, *, verbose: bool = False) -> str:
    lines = [f"{'When':16}  {'AptNum':>7}  {'PatNum':>7}  {'Decision':28}  {'Med plan':8}  Done"]
    for o in report.outcomes:
        when = o.start.strftime("%Y-%m-%d %H:%M") if o.start else "?"
        if o.error:
            decision = "error"
        elif o.flagged:
            flag = o.decision.primary
            decision = f"MEDICAL? {flag.category}" + ("" if flag.strength == "strong" else " (possible)")
        else:
            decision = "-"
        plan = {True: "yes", False: "no", None: ""}[o.medical_plan]
        done = ", ".join(o.actions) or ("(dry run)" if report.dry_run and o.flagged else "")
        lines.append(f"{when:16}  {o.apt_num:>7}  {o.pat_num:>7}  {decision:28}  {plan:8}  {done}")
        if o.flagged or (verbose and o.decision and o.decision.suppressed):
            lines.extend(f"{'':18}why: {reason}" for reason in o.reasons)
        if o.error:
            lines.append(f"{'':18}error: {o.error}")
    lines.append(
        f"{len(report.outcomes)} scheduled appointments from {report.first} to {report.last}: "
        f"{len(report.flagged)} may be medical, {len(report.errors)} errors, {report.calls} Open Dental calls."
    )
    return "\n".join(lines)


def print_report(report: ScanReport, *, as_json: bool) -> None:
    print(render_json(report) if as_json else render_table(report), flush=True)
