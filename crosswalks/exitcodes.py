"""The exit codes of the one `medlane` command, one per kind of failure (like OCRmyPDF's ExitCode).

Both sides' subcommands end with these: the Open Dental side (`plugin`) and the document
service (`docservice`) each import this module and never each other, and `crosswalks` is the one
package both already depend on. A script may switch on the number; the README lists them.
"""
from __future__ import annotations

from enum import IntEnum, unique


@unique
class ExitCode(IntEnum):
    ok = 0
    failure = 1  # a MedLane error of no more particular kind below
    usage = 2  # the command line or a setting is wrong (argparse ends with 2 too)
    seed_file = 3  # `medlane sandbox`: the seed or state file cannot be used
    open_dental = 4  # Open Dental could not be reached, refused the keys or failed
    local_state = 5  # the Open Dental side's state under MEDLANE_HOME cannot be read or written
    document_service = 6  # the document service refused a request or could not be reached
    scan_incomplete = 7  # `medlane scan`/`watch` finished, but some appointments could not be handled
    claim_not_matched = 8  # `medlane od-claim`: no one Open Dental claim is the case's
    users = 9  # `medlane users`: unknown role, duplicate or unknown name
    queue = 10  # the job queue cannot be reached or used
    database = 11  # the database cannot be reached, created or migrated
    serve = 12  # the server cannot start (port taken, address not this machine's)
    settings_invalid = 13  # the practice settings would not be valid
    export_refused = 14  # `medlane export`: no case was ready (what stands in the way is printed)
    export_failed = 15  # `medlane export`: MedLane could not write a valid file (a defect; report it)
    internal = 70  # an unexpected error (BSD EX_SOFTWARE); MEDLANE_DEBUG=1 shows the traceback
    interrupted = 130  # Ctrl-C (128 + SIGINT)
