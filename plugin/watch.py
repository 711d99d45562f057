"""`medlane watch`: keep the prompts in line with a changing schedule, cheaply.

A pass asks Open Dental only for appointments and procedures changed since the last pass
(`DateTStamp`, fed with Open Dental's own `serverDateTime`), so an unchanged schedule costs two
calls. The cursors are stored under MEDLANE_HOME and advanced only after a pass succeeded, so a
restart or an Open Dental outage repeats work instead of losing it; repeating is harmless because
every write is checked against what is already there.

Problems (diseases) have no change stamp in the API: a new problem is seen when its appointment
changes, or at the next full pass, which happens whenever the window moves (with --days, daily).
"""
from __future__ import annotations

import logging
import time
from datetime import date, datetime, timedelta
from typing import Callable

from plugin.errors import PMSError
from plugin.opendental.values import format_datetime, parse_datetime
from plugin.scan import SCHEDULED, ScanReport, Scanner, appointment_fingerprint

log = logging.getLogger(__name__)

APPOINTMENT_CURSOR = "appointments.DateTStamp"
PROCEDURE_CURSOR = "procedurelogs.DateTStamp"
WINDOW_KEY = "watch.window"
# Ask from one second before the cursor: stamps have one-second resolution, and a row changed in
# the same second as the last answer must not be missed. Rows seen twice are recognised and skipped.
OVERLAP = timedelta(seconds=1)


def _since(cursor: str) -> str:
    moment = parse_datetime(cursor)
    return format_datetime(moment - OVERLAP) if moment else cursor


def watch_pass(scanner: Scanner, first: date, last: date) -> ScanReport:
    """One incremental pass (a full one the first time, or when the window moved)."""
    state, api = scanner.state, scanner.api
    window = f"{first.isoformat()}..{last.isoformat()}"
    report = ScanReport(first=first, last=last, dry_run=scanner.dry_run)
    calls_before = api.client.total_calls

    def in_window(a):
        return a.start is not None and first <= a.start.date() <= last

    cursor = state.cursor(APPOINTMENT_CURSOR)
    if not cursor or state.cursor(WINDOW_KEY) != window:
        appointments = api.appointments_between(first, last)
        scanner.evaluate(appointments, report, in_window=in_window)
        stamps = [a.server_datetime for a in appointments if a.server_datetime]
        new_appointment_cursor = max(stamps, default=cursor)
        new_procedure_cursor = new_appointment_cursor
    else:
        changed = api.appointments_changed_since(_since(cursor))
        procedures, proc_server_time = api.procedures_changed_since(_since(state.cursor(PROCEDURE_CURSOR) or cursor))
        tracked = state.appointments()
        by_num = {a.apt_num: a for a in changed}
        todo = {
            a.apt_num: a
            for a in changed
            if (a.apt_num in tracked and tracked[a.apt_num].fingerprint != appointment_fingerprint(a))
            or (a.apt_num not in tracked and a.status == SCHEDULED and in_window(a))
        }
        owner_of = {mark.split("@")[0]: num for num, t in tracked.items() for mark in t.procedure_marks}
        touched: set[int] = set()
        for proc in procedures:
            seen_in = owner_of.get(str(proc.proc_num))
            if seen_in is not None and proc.mark in tracked[seen_in].procedure_marks and proc.apt_num == seen_in:
                continue  # reported again, unchanged (the overlap second, or a stamp in the future)
            touched.update(n for n in (proc.apt_num, seen_in) if n)
        for apt_num in touched - set(todo):
            if apt_num in by_num:
                todo[apt_num] = by_num[apt_num]
            elif apt_num in tracked:
                fetched = api.appointment(apt_num)
                if fetched is not None:
                    todo[apt_num] = fetched
        if todo:
            scanner.evaluate(list(todo.values()), report, in_window=in_window)
        new_appointment_cursor = max([a.server_datetime for a in changed if a.server_datetime], default=cursor)
        new_procedure_cursor = proc_server_time or state.cursor(PROCEDURE_CURSOR) or cursor
    report.calls = api.client.total_calls - calls_before
    if not report.errors and not scanner.dry_run:
        state.save_cursor(APPOINTMENT_CURSOR, new_appointment_cursor)
        state.save_cursor(PROCEDURE_CURSOR, new_procedure_cursor)
        state.save_cursor(WINDOW_KEY, window)
    return report


def watch_forever(
    make_scanner: Callable[[], Scanner],
    window: Callable[[], tuple[date, date]],
    *,
    interval: float,
    on_report: Callable[[ScanReport], None],
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Run passes until interrupted. An Open Dental outage is logged and waited out, never fatal."""
    failures = 0
    while True:
        try:
            first, last = window()
            on_report(watch_pass(make_scanner(), first, last))
            failures = 0
            delay = interval
        except PMSError as exc:
            failures += 1
            delay = min(interval * (2 ** min(failures, 5)), 900)
            log.warning("pass failed at %s: %s; next try in %.0f s", datetime.now().strftime("%H:%M:%S"), exc, delay)
        sleep(delay)
