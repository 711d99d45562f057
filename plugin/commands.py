"""The Open Dental side's subcommands: sandbox, scan, watch, demo, od-claim."""
from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta

from crosswalks.exitcodes import ExitCode
from plugin.config import Settings, load_settings
from plugin.errors import ConfigError


def register(subparsers: argparse._SubParsersAction) -> None:
    from plugin.sandbox.command import add_sandbox_command

    add_sandbox_command(subparsers)
    _add_scan(subparsers)
    _add_watch(subparsers)
    _add_demo(subparsers)
    _add_od_claim(subparsers)


def _add_connection_flags(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("Open Dental connection (flags, else environment, else config file)")
    group.add_argument("--pms-url", help="API base with /api/v1 (MEDLANE_PMS_URL)")
    group.add_argument("--developer-key", help="(MEDLANE_OD_DEVELOPER_KEY)")
    group.add_argument("--customer-key", help="(MEDLANE_OD_CUSTOMER_KEY)")
    group.add_argument("--min-interval", type=float, help="seconds between calls; default 1 for the remote API, 0 otherwise")
    group.add_argument("--page-size", type=int, help="rows per page; default 100 remote, 1000 local")
    group.add_argument("--config", help="TOML config file (default $MEDLANE_HOME/medlane.toml)")
    group.add_argument("--home", help="folder for MedLane's local state (MEDLANE_HOME, default ./instance)")


def _settings_from(args) -> Settings:
    """The settings from the flags (commands without document-service flags leave those to the environment)."""
    return load_settings(
        home=args.home,
        config_file=args.config,
        pms_url=args.pms_url,
        developer_key=args.developer_key,
        customer_key=args.customer_key,
        page_size=args.page_size,
        min_interval=args.min_interval,
        docservice_url=getattr(args, "docservice_url", None),
        docservice_token=getattr(args, "docservice_token", None),
    )


def parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2027-01-04") from None


def _window(args) -> tuple[date, date]:
    days = getattr(args, "days", None)
    first = args.date_from or date.today()
    last = args.date_to or (first + timedelta(days=(days or 1) - 1))
    if last < first:
        raise ConfigError(f"--to {last} is before --from {first}.")
    return first, last


def _add_scan(subparsers) -> None:
    parser = subparsers.add_parser("scan", help="one pass over a date window: decide and prompt in Open Dental")
    parser.add_argument("--from", dest="date_from", type=parse_day, required=True, metavar="DATE")
    parser.add_argument("--to", dest="date_to", type=parse_day, required=True, metavar="DATE")
    parser.add_argument("--dry-run", action="store_true", help="decide and print, write nothing")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _add_connection_flags(parser)
    parser.set_defaults(handler=run_scan_command)


def _add_watch(subparsers) -> None:
    parser = subparsers.add_parser("watch", help="keep prompts current as the schedule changes (incremental)")
    parser.add_argument("--from", dest="date_from", type=parse_day, metavar="DATE")
    parser.add_argument("--to", dest="date_to", type=parse_day, metavar="DATE")
    parser.add_argument("--days", type=int, default=None, help="window of N days from today (default 14)")
    parser.add_argument("--once", action="store_true", help="one pass, then exit")
    parser.add_argument("--interval", type=float, default=60.0, help="seconds between passes (default 60)")
    parser.add_argument("--json", action="store_true")
    _add_connection_flags(parser)
    parser.set_defaults(handler=run_watch_command)


def _add_demo(subparsers) -> None:
    parser = subparsers.add_parser("demo", help="a sandbox practice day, scanned and prompted, end to end")
    parser.add_argument("--home", help="folder for the demo's state (default $MEDLANE_HOME/demo)")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=run_demo_command)


def _add_od_claim(subparsers) -> None:
    parser = subparsers.add_parser(
        "od-claim",
        help="fill in the medical claim staff made in Open Dental from a case's newest export",
        description="Finds the unsent medical claim holding the case's procedures, writes the export's "
        "note (ACN first), prior authorization and accident fields on it, and prints what staff must "
        "still type in Open Dental.",
    )
    parser.add_argument("case_id", type=int, metavar="CASE_ID", help="the case's id in the document service")
    parser.add_argument("--claim", type=int, metavar="CLAIMNUM", help="this Open Dental claim, not the one found")
    parser.add_argument("--dry-run", action="store_true", help="print what would be written, write nothing")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    group = parser.add_argument_group("document service (flags, else environment, else config file)")
    group.add_argument("--docservice-url", help="API base with /api/v1 (MEDLANE_DOCSERVICE_URL)")
    group.add_argument("--docservice-token", help="a biller's token (MEDLANE_DOCSERVICE_TOKEN)")
    _add_connection_flags(parser)
    parser.set_defaults(handler=run_od_claim_command)


# The handlers import the scanner when they run: it loads the flagger's spaCy pipeline (seconds),
# which every other `medlane` command would otherwise pay for at start.


def run_scan_command(args) -> int:
    from plugin.report import print_report
    from plugin.scan import open_scanner

    settings = _settings_from(args)
    first, last = _window(args)
    scanner = open_scanner(settings, dry_run=args.dry_run)
    report = scanner.scan_window(first, last)
    print_report(report, as_json=args.json)
    return ExitCode.scan_incomplete if report.errors else ExitCode.ok


def run_watch_command(args) -> int:
    from plugin.report import print_report
    from plugin.scan import open_scanner
    from plugin.watch import watch_forever, watch_pass

    settings = _settings_from(args)
    if args.days is None and args.date_from is None:
        args.days = 14
    _window(args)  # validate now, not at the first pass
    if args.once:
        report = watch_pass(open_scanner(settings, dry_run=False), *_window(args))
        print_report(report, as_json=args.json)
        return ExitCode.scan_incomplete if report.errors else ExitCode.ok

    def on_report(report) -> None:
        if report.outcomes:
            print_report(report, as_json=args.json)

    watch_forever(
        lambda: open_scanner(settings, dry_run=False),
        lambda: _window(args),
        interval=args.interval,
        on_report=on_report,
    )
    return ExitCode.ok


def run_demo_command(args) -> int:
    from plugin.demo import run_demo

    return run_demo(home=args.home, as_json=args.json, out=sys.stdout)


def run_od_claim_command(args) -> int:
    import json

    from plugin.odclaim.case_export import read_case_export
    from plugin.odclaim.run import fill_as_json, fill_od_claim, render_fill
    from plugin.opendental.client import OpenDentalClient

    settings = _settings_from(args)
    with OpenDentalClient(settings.pms) as client:  # checks the Open Dental settings before anything is read
        case = read_case_export(settings.docservice, args.case_id)
        fill = fill_od_claim(client, case, claim_num=args.claim, dry_run=args.dry_run)
    print(json.dumps(fill_as_json(fill)) if args.json else render_fill(fill), flush=True)
    return ExitCode.ok
