"""Scan end to end against the sandbox over real HTTP: decisions, prompts, idempotence."""
from __future__ import annotations

from plugin.prompts.text import NOTE_END


def _scheduled_in_window(harness, day) -> dict[int, dict]:
    return {
        int(a["AptNum"]): a
        for a in harness.rows("appointments")
        if a["AptStatus"] == "Scheduled" and a["AptDateTime"].startswith(day.isoformat())
    }


def test_scan_prompts_flagged_appointments_and_only_them(day, harness, practice):
    report = harness.scanner().scan_window(day, day)
    flagged = {o.apt_num for o in report.flagged}
    assert flagged, "a practice day with medical cases flags something"
    assert not report.errors
    fields = harness.medlane_fields()
    assert {n for n, v in fields.items() if v} == flagged
    assert all(v.startswith("Medical? ") for n, v in fields.items() if n in flagged)
    notes = {int(a["AptNum"]): a["Note"] for a in harness.rows("appointments")}
    for apt_num, note in notes.items():
        assert note.count(NOTE_END) == (1 if apt_num in flagged else 0)
    flagged_patients = {o.pat_num for o in report.flagged}
    popups = harness.medlane_popups()
    assert sorted(int(p["PatNum"]) for p in popups) == sorted(flagged_patients)
    for popup in popups:  # expires at the end of the appointment day
        assert popup["DateTimeDisabled"] == f"{day.isoformat()} 23:59:59"


def test_scan_never_touches_broken_planned_complete_or_out_of_window(day, harness):
    harness.scanner().scan_window(day, day)
    untouchable = {
        int(a["AptNum"])
        for a in harness.rows("appointments")
        if a["AptStatus"] != "Scheduled" or not a["AptDateTime"].startswith(day.isoformat())
    }
    assert untouchable, "the generated practice has broken/planned/complete/other-day appointments"
    assert not (set(harness.medlane_fields()) & untouchable)
    for a in harness.rows("appointments"):
        if int(a["AptNum"]) in untouchable:
            assert "MedLane:" not in a["Note"]


def test_second_scan_writes_nothing(day, harness):
    harness.scanner().scan_window(day, day)
    harness.server.stats.reset()
    report = harness.scanner().scan_window(day, day)
    assert harness.writes() == 0
    assert all(not o.actions for o in report.outcomes)


def test_dry_run_writes_nothing_and_still_decides(day, harness):
    report = harness.scanner(dry_run=True).scan_window(day, day)
    assert report.flagged
    assert harness.writes() == 0


def test_decisions_match_the_generated_truth(day, harness, practice):
    """The generator was written independently of the rules; most of its cases must be found."""
    _seed, truth = practice
    report = harness.scanner(dry_run=True).scan_window(day, day)
    got = {o.apt_num: (o.decision.primary.category if o.flagged else None) for o in report.outcomes}
    expected = {int(k): v for k, v in truth.items() if int(k) in got}
    flag_agree = sum((got[k] is not None) == (v is not None) for k, v in expected.items())
    assert flag_agree / len(expected) >= 0.9
    false_flags = [k for k, v in expected.items() if v is None and got[k] is not None]
    assert len(false_flags) <= 1


def test_appointment_that_stops_being_medical_is_cleared(day, harness):
    report = harness.scanner().scan_window(day, day)
    target = report.flagged[0]
    # Staff take every procedure off the appointment and rewrite the note.
    for proc in harness.rows("procedurelogs"):
        if int(proc["AptNum"]) == target.apt_num:
            harness.server.store.update("procedurelogs", int(proc["ProcNum"]), {"AptNum": 0})
    harness.server.store.update("appointments", target.apt_num, {"Note": "recall, prophy only"})
    others = [o for o in report.flagged if o.pat_num == target.pat_num and o.apt_num != target.apt_num]
    again = harness.scanner().scan_window(day, day)
    assert target.apt_num not in {o.apt_num for o in again.flagged}
    assert harness.medlane_fields()[target.apt_num] == ""
    if not others:
        assert target.pat_num not in {int(p["PatNum"]) for p in harness.medlane_popups()}
