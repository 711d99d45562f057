"""`medlane export --from DATE --to DATE --out DIR`: the batch export from the command line.

Does what `POST /api/v1/exports` does (one ZIP, one 837P interchange, a folder per case) for
the cases with an appointment in the range, shows a progress bar while the packets are built,
and ends with one summary line: how many were exported, how many refused and why.
"""
from __future__ import annotations

import argparse
import functools
import zipfile
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

from flask import Flask

from crosswalks.exitcodes import ExitCode
from docservice.errors import DocServiceError


class ExportCommandError(DocServiceError):
    """The command's own arguments cannot be used (the dates, the output folder)."""

    exit_code = ExitCode.usage


def add_export_command(subparsers: argparse._SubParsersAction, *, reporting,
                       create_app: Callable[[], Flask]) -> None:
    """Add `export`; `create_app` is the app factory (passed in: the factory imports the exports)."""
    export = subparsers.add_parser(
        "export", help="export ready cases' packets, CMS-1500s and one 837P into a folder",
        description="Export every ready case with an appointment in the date range: one ZIP holding one "
        "837P interchange and a folder per case (packet, CMS-1500, narrative, manifest), unpacked beside it.",
    )
    export.add_argument("--from", dest="date_from", required=True, type=_day, help="first appointment day, YYYY-MM-DD")
    export.add_argument("--to", dest="date_to", required=True, type=_day, help="last appointment day, YYYY-MM-DD")
    export.add_argument("--out", required=True, type=Path, help="folder for the ZIP and its unpacked files")
    export.add_argument("--override-reason", default="", help="export despite errors, for this reason (recorded)")
    export.add_argument("--no-pms", action="store_true", help="do not upload the packets to Open Dental")
    export.set_defaults(handler=reporting(functools.partial(cmd_export, create_app=create_app)))


def cmd_export(args: argparse.Namespace, *, create_app: Callable[[], Flask]) -> int:
    from rich.progress import Progress

    from docservice.cases import filter_cases
    from docservice.exports.errors import ExportRefused
    from docservice.exports.run import export_cases
    from docservice.exports.writeback import write_back_all
    from docservice.extensions import db

    if args.date_from > args.date_to:
        raise ExportCommandError("--from is after --to.")
    _ensure_folder(args.out)
    app = create_app()
    with app.app_context():
        statement = filter_cases({"date_from": args.date_from, "date_to": args.date_to})
        cases = [case for case in db.session.scalars(statement) if case.status not in ("closed", "dismissed")]
        if not cases:
            print(f"No case has an appointment from {args.date_from} to {args.date_to}; nothing exported.")
            return ExitCode.ok
        with Progress(transient=True) as progress:
            task = progress.add_task("Building packets", total=len(cases))
            try:
                result = export_cases(db.session, cases, home=Path(app.config["MEDLANE_HOME"]), user=None,
                                      actor="cli", override_reason=args.override_reason,
                                      progress=lambda case: progress.advance(task))
            except ExportRefused as refusal:
                print(summary_line(exported=0, refused=refusal.refused or [(cases[0], refusal)]))
                return refusal.exit_code
        pms, _ = write_back_all(db.session, result, to_pms=not args.no_pms)
        target = args.out / f"medlane-batch-{result.export.interchange_control_number}.zip"
        target.write_bytes(result.zip_path.read_bytes())
        with zipfile.ZipFile(target) as archive:
            archive.extractall(target.with_suffix(""))
        print(f"Wrote {target} (unpacked beside it); Open Dental: {pms}.")
        print(summary_line(exported=len(result.exports), refused=result.refused))
    return ExitCode.ok


def summary_line(*, exported: int, refused: list) -> str:
    """e.g. "Exported 7, refused 2 (attachment-missing 2, narrative-unsigned 1)."."""
    rules = Counter(rule for _, refusal in refused for rule in {finding.rule for finding in refusal.findings
                                                                  if finding.severity == "error"})
    why = ", ".join(f"{rule} {count}" for rule, count in rules.most_common())
    return f"Exported {exported}, refused {len(refused)}" + (f" ({why})." if why else ".")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2027-01-04") from None


def _ensure_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportCommandError(f"Cannot create {folder}: {error.strerror or error}.") from None
