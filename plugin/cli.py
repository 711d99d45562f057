"""The `medlane` console script: one argparse dispatcher, errors mapped to exit codes at this edge.

Every exit code is an `ExitCode` (crosswalks/exitcodes.py), shared with the document service's
subcommands so each kind of failure has one number whichever side reports it.

Subcommands come from the `medlane.commands` entry-point group, so each area (the Open Dental
side here, the document service later) registers its own commands without importing the other.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from importlib.metadata import entry_points

from crosswalks.exitcodes import ExitCode
from plugin.errors import MedLaneError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="medlane",
        description="MedLane: find dental appointments that medical insurance should pay for, "
        "and prompt the team inside Open Dental.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for entry in sorted(entry_points(group="medlane.commands"), key=lambda e: e.name):
        entry.load()(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        return int(args.handler(args) or ExitCode.ok)
    except MedLaneError as exc:
        print(f"medlane: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("medlane: interrupted", file=sys.stderr)
        return ExitCode.interrupted
    except Exception as exc:  # last line of defence: a person never sees a traceback
        if os.environ.get("MEDLANE_DEBUG"):
            raise
        print(
            f"medlane: internal error ({type(exc).__name__}); rerun with MEDLANE_DEBUG=1 for details",
            file=sys.stderr,
        )
        return ExitCode.internal


if __name__ == "__main__":
    sys.exit(main())
