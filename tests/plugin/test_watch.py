"""watch: cursors, cheap unchanged passes, changes picked up, restarts survived."""
from __future__ import annotations

from plugin.watch import APPOINTMENT_CURSOR, watch_pass


def test_first_pass_is_full_and_unchanged_pass_costs_two_calls(day, harness):
    first = watch_pass(harness.scanner(), day, day)
    assert first.flagged
    assert harness.scanner().state.cursor(APPOINTMENT_CURSOR)
    harness.server.stats.reset()
    again = watch_pass(harness.scanner(), day, day)  # sees our own note appends, recognises them
    again2 = watch_pass(harness.scanner(), day, day)
    assert again.calls < 10 and again2.calls < 10
    assert harness.writes() == 0


def test_watch_picks_up_a_new_medical_note(day, harness):
    watch_pass(harness.scanner(), day, day)
    fields = harness.medlane_fields()
    routine = next(
        a for a in harness.rows("appointments")
        if a["AptStatus"] == "Scheduled" and a["AptDateTime"].startswith(day.isoformat()) and not fields.get(int(a["AptNum"]))
    )
    apt_num = int(routine["AptNum"])
    harness.server.store.update(
        "appointments", apt_num, {"Note": "pt referred by sleep MD, OSA dx on PSG, CPAP intolerant - wants oral appliance"}
    )
    report = watch_pass(harness.scanner(), day, day)
    assert apt_num in {o.apt_num for o in report.flagged}
    assert harness.medlane_fields()[apt_num].startswith("Medical? sleep")
    assert report.calls < 20


def test_watch_picks_up_a_broken_appointment_and_expires_its_popup(day, harness):
    first = watch_pass(harness.scanner(), day, day)
    lone = next(o for o in first.flagged if sum(x.pat_num == o.pat_num for x in first.flagged) == 1)
    harness.server.store.update("appointments", lone.apt_num, {"AptStatus": "Broken"})
    watch_pass(harness.scanner(), day, day)
    assert lone.pat_num not in {int(p["PatNum"]) for p in harness.medlane_popups()}
    # The broken appointment itself is left alone: its field keeps what it had.
    assert harness.medlane_fields()[lone.apt_num].startswith("Medical?")


def test_window_change_triggers_a_full_pass(day, harness):
    watch_pass(harness.scanner(), day, day)
    harness.server.stats.reset()
    from datetime import timedelta

    report = watch_pass(harness.scanner(), day - timedelta(days=1), day)
    assert report.outcomes  # a full pass re-reads the window
