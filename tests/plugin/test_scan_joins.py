"""The scan remembers flagged visits: a later visit of the patient that continues the case is prompted
as part of it and posted to that case as a later visit, never as a second case."""
from __future__ import annotations

from datetime import datetime, time, timedelta


class RecordingSink:
    """Stands in for the document service's case and visit endpoints, idempotent as they are."""

    def __init__(self) -> None:
        self.posted: list[int] = []
        self.cases: dict[int, int] = {}  # AptNum -> case id
        self.visits: dict[int, int] = {}  # visit AptNum -> case id
        self.visits_created = 0

    def post_case(self, *, appointment, **_kwargs) -> int:
        self.posted.append(appointment.apt_num)
        return self.cases.setdefault(appointment.apt_num, 100 + len(self.cases))

    def post_visit(self, opened_by: int, *, appointment, context) -> int | None:
        """As POST /cases/visits: the case is found by the appointment that opened it (None: no such case)."""
        assert context.apt_num == appointment.apt_num
        case_id = self.cases.get(opened_by)
        if case_id is None:
            return None
        if appointment.apt_num not in self.visits:
            self.visits_created += 1
        self.visits[appointment.apt_num] = case_id
        return 1


INJURY = "pt fell off bike yesterday, #8 avulsed, replanted at ER"


def _injury_and_follow_up(book, day, *, after_days: int = 7, follow_note: str = "f/u #8 recheck"):
    injured = datetime.combine(day, time(17, 30))
    pat_num, injury = book(injured, INJURY, [("D7270", "8")])
    _, follow = book(injured + timedelta(days=after_days), follow_note, ["D0140"], pat_num=pat_num)
    return pat_num, injury, follow


def test_follow_up_joins_the_injury_case_and_opens_no_second_case(harness, book, day):
    pat_num, injury, follow = _injury_and_follow_up(book, day)
    scanner, sink = harness.scanner(), RecordingSink()
    scanner.cases = sink
    report = scanner.scan_window(day, day + timedelta(days=7))
    outcomes = {o.apt_num: o for o in report.outcomes}
    assert outcomes[injury].flagged and outcomes[injury].decision.joins_apt is None
    assert outcomes[follow].flagged and outcomes[follow].decision.joins_apt == injury
    assert outcomes[follow].as_dict()["joins_apt"] == injury
    assert injury in sink.posted and follow not in sink.posted
    assert sink.visits == {follow: sink.cases[injury]}
    assert any("continues appointment" in action for action in outcomes[follow].actions)
    # The prompt says it continues that case.
    assert harness.medlane_fields()[follow] == "Medical? trauma - continues 2027-01-04 case"
    note = next(a["Note"] for a in harness.rows("appointments") if int(a["AptNum"]) == follow)
    assert f"continues the trauma case of 2027-01-04 (appointment {injury})" in note
    popup = next(p for p in harness.medlane_popups() if int(p["PatNum"]) == pat_num)
    assert "continues the trauma case of 2027-01-04" in popup["Description"]
    assert "why: procedure D7270" in popup["Description"]


def test_the_case_is_remembered_from_one_scan_to_the_next(harness, book, day):
    _, injury, follow = _injury_and_follow_up(book, day, follow_note="PO CHECK #8")
    harness.scanner().scan_window(day, day)
    later = harness.scanner().scan_window(day + timedelta(days=7), day + timedelta(days=7))
    decision = next(o.decision for o in later.outcomes if o.apt_num == follow)
    assert decision.joins_apt == injury


def test_a_dry_run_joins_within_its_window_and_writes_nothing(harness, book, day):
    _, injury, follow = _injury_and_follow_up(book, day)
    report = harness.scanner(dry_run=True).scan_window(day, day + timedelta(days=7))
    assert next(o.decision for o in report.outcomes if o.apt_num == follow).joins_apt == injury
    assert harness.writes() == 0


def test_outside_the_window_a_follow_up_stands_alone(harness, book, day):
    _, _, follow = _injury_and_follow_up(book, day, after_days=40)
    report = harness.scanner().scan_window(day, day + timedelta(days=40))
    assert not next(o for o in report.outcomes if o.apt_num == follow).flagged


def test_a_broken_injury_visit_opens_no_case(harness, book, day):
    _, injury, follow = _injury_and_follow_up(book, day)
    harness.scanner().scan_window(day, day)
    harness.server.store.update("appointments", injury, {"AptStatus": "Broken"})
    report = harness.scanner().scan_window(day, day + timedelta(days=7))
    assert not next(o for o in report.outcomes if o.apt_num == follow).flagged


def test_a_rescan_with_a_joined_visit_writes_nothing(harness, book, day):
    _injury_and_follow_up(book, day)
    harness.scanner().scan_window(day, day + timedelta(days=7))
    harness.server.stats.reset()
    harness.scanner().scan_window(day, day + timedelta(days=7))
    assert harness.writes() == 0


def test_an_injury_seen_before_medlane_saw_it_scheduled_still_opens_the_case(harness, book, day):
    injured = datetime.combine(day, time(8, 0))
    pat_num, injury = book(injured, INJURY, [("D7270", "8")], status="Complete")
    _, follow = book(injured + timedelta(days=5), "F/U #8", ["D0140"], pat_num=pat_num)
    report = harness.scanner().scan_window(day, day + timedelta(days=5))
    assert injury not in {o.apt_num for o in report.outcomes}  # a done visit is never written to
    assert next(o.decision for o in report.outcomes if o.apt_num == follow).joins_apt == injury
    assert injury not in harness.medlane_fields()


def test_the_joined_visit_is_posted_to_the_case_once_over_two_passes(harness, book, day):
    _, injury, follow = _injury_and_follow_up(book, day)
    sink = RecordingSink()
    for _ in range(2):
        scanner = harness.scanner()
        scanner.cases = sink
        report = scanner.scan_window(day, day + timedelta(days=7))
        assert not report.errors
    assert sink.visits == {follow: sink.cases[injury]} and sink.visits_created == 1
    assert sink.posted.count(injury) == 2 and follow not in sink.posted  # never a case of its own


def test_a_follow_up_scanned_later_finds_its_case_in_the_document_service(harness, book, day):
    _, injury, follow = _injury_and_follow_up(book, day)
    sink = RecordingSink()
    first = harness.scanner()
    first.cases = sink
    first.scan_window(day, day)
    later = harness.scanner()
    later.cases = sink
    report = later.scan_window(day + timedelta(days=7), day + timedelta(days=7))
    assert not report.errors and sink.visits == {follow: sink.cases[injury]}


def test_a_follow_up_of_a_case_the_service_does_not_have_sends_nothing(harness, book, day):
    _, injury, follow = _injury_and_follow_up(book, day)
    harness.scanner().scan_window(day, day)  # no document service configured: no case was sent
    sink = RecordingSink()
    later = harness.scanner()
    later.cases = sink
    report = later.scan_window(day + timedelta(days=7), day + timedelta(days=7))
    outcome = next(o for o in report.outcomes if o.apt_num == follow)
    assert not outcome.error and sink.visits == {} and follow not in sink.posted
    assert any("not in the document service" in action for action in outcome.actions)
