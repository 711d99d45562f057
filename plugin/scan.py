"""One pass of the flagger over a date window: read Open Dental, decide, prompt.

Call budget (what the benchmark measures): the window's appointments in pages, then per
scheduled appointment its procedures, per patient their problems, and for flagged patients
only their coverage and the prompt writes. Lookup tables are read once per pass.

The scan remembers the visits it flagged (local state, `FlaggedVisit`), including after they are
done, and hands a patient's open cases to the flagger with each later visit: a follow-up that joins
a case is prompted as part of it and is posted to that case as a later visit, never as a second case.
"""
from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from crosswalks.loader import Crosswalk
from plugin.cases import CaseSink
from plugin.config import Settings
from plugin.errors import DocServiceError, PMSAuthError, PMSError, PMSUnreachable
from plugin.flagger import Flagger, format_reasons
from plugin.flagger.joining import teeth_of
from plugin.flagger.model import AppointmentContext, Decision, OpenCase, Problem, Procedure
from plugin.opendental.api import OpenDentalAPI
from plugin.opendental.client import OpenDentalClient
from plugin.opendental.records import Appointment, PlanOnFile
from plugin.prompts import text
from plugin.prompts.writer import PromptWriter
from plugin.state import FlaggedVisit, StateStore, TrackedAppointment

log = logging.getLogger(__name__)
SCHEDULED = "Scheduled"
COMPLETE = "Complete"
# Appointments that did not (or will not) take place: a case they opened is forgotten.
NOT_HELD = frozenset({"Broken", "UnschedList", "Planned", "PtNote", "PtNoteCompleted"})


@dataclass
class AppointmentOutcome:
    apt_num: int
    pat_num: int
    start: datetime | None
    decision: Decision | None
    reasons: list[str] = field(default_factory=list)
    medical_plan: bool | None = None  # None: not looked up (appointment not flagged)
    actions: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def flagged(self) -> bool:
        return bool(self.decision and self.decision.flagged)

    def as_dict(self) -> dict:
        flag = self.decision.primary if self.decision else None
        return {
            "apt_num": self.apt_num,
            "pat_num": self.pat_num,
            "start": self.start.strftime("%Y-%m-%d %H:%M") if self.start else None,
            "flagged": self.flagged,
            "category": flag.category if flag else None,
            "strength": flag.strength if flag else None,
            "categories": [c.category for c in self.decision.categories] if self.decision else [],
            "needs": list(flag.needs) if flag else [],
            "fired_by": list(flag.fired_by) if flag else [],
            "joins_apt": self.decision.joins_apt if self.decision else None,
            "reasons": self.reasons,
            "medical_plan": self.medical_plan,
            "actions": self.actions,
            "error": self.error,
        }


@dataclass
class ScanReport:
    first: date
    last: date
    outcomes: list[AppointmentOutcome] = field(default_factory=list)
    calls: int = 0
    dry_run: bool = False

    @property
    def errors(self) -> list[AppointmentOutcome]:
        return [o for o in self.outcomes if o.error]

    @property
    def flagged(self) -> list[AppointmentOutcome]:
        return [o for o in self.outcomes if o.flagged]


def appointment_fingerprint(appointment: Appointment) -> str:
    """What of the appointment row a decision depends on; MedLane's own note line excluded."""
    parts = [
        appointment.status,
        appointment.start.isoformat() if appointment.start else "",
        text.strip_own_lines(appointment.note),
        appointment.proc_descript,
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


class Scanner:
    def __init__(
        self,
        api: OpenDentalAPI,
        state: StateStore,
        *,
        flagger: Flagger,
        dry_run: bool = False,
        cases: CaseSink | None = None,
    ) -> None:
        self.api = api
        self.cases = cases
        self.state = state
        self.flagger = flagger
        self.crosswalk: Crosswalk = flagger.crosswalk
        self.dry_run = dry_run
        self.writer = PromptWriter(api, state, self.crosswalk)
        self._problems: dict[int, tuple[Problem, ...]] = {}
        self._plans: dict[int, list[PlanOnFile]] = {}
        self._procedure_marks: dict[int, str] = {}
        self._contexts: dict[int, AppointmentContext] = {}
        # Flagged visits decided this pass (None: forgotten), ahead of the stored ones: a dry run
        # writes nothing, yet a follow-up later in the window must still see the case it continues.
        self._visits: dict[int, FlaggedVisit | None] = {}
        self._stored_visits: set[int] | None = None  # AptNums of the stored flagged visits, read when needed

    def scan_window(self, first: date, last: date) -> ScanReport:
        report = ScanReport(first=first, last=last, dry_run=self.dry_run)
        appointments = self.api.appointments_between(first, last)
        self.evaluate(appointments, report, in_window=lambda a: a.start is not None and first <= a.start.date() <= last)
        report.calls = self.api.client.total_calls
        return report

    def evaluate(self, appointments: list[Appointment], report: ScanReport, *, in_window) -> None:
        """Decide each scheduled in-window appointment, then bring Open Dental's prompts in line."""
        tracked = self.state.appointments()
        touched_patients: set[int] = set()
        decided: list[tuple[Appointment, Decision]] = []
        for appointment in sorted(appointments, key=lambda a: (a.start or datetime.min, a.apt_num)):
            if appointment.status != SCHEDULED or not in_window(appointment):
                if appointment.status in NOT_HELD:
                    self._forget_visit(appointment.apt_num)
                elif appointment.status == COMPLETE and in_window(appointment):
                    self._remember_done_visit(appointment)
                previous = tracked.get(appointment.apt_num)
                if previous and previous.flagged:
                    # Broken, completed or moved away: leave the appointment alone, but its popup may go.
                    previous.flagged = False
                    previous.status = appointment.status
                    previous.fingerprint = appointment_fingerprint(appointment)
                    if not self.dry_run:
                        self.state.save_appointment(previous)
                    touched_patients.add(appointment.pat_num)
                continue
            outcome = AppointmentOutcome(appointment.apt_num, appointment.pat_num, appointment.start, None)
            report.outcomes.append(outcome)
            try:
                decision = self.flagger.decide(self._context_of(appointment))
            except (PMSUnreachable, PMSAuthError):
                raise
            except PMSError as exc:
                outcome.error = str(exc)
                continue
            outcome.decision = decision
            outcome.reasons = format_reasons(decision, self.crosswalk) if decision.flagged else []
            decided.append((appointment, decision))
            self._remember_visit(appointment, decision)
        self._apply(decided, report, tracked, touched_patients)

    def _apply(self, decided, report: ScanReport, tracked: dict, touched_patients: set[int]) -> None:
        outcomes = {o.apt_num: o for o in report.outcomes}
        for appointment, decision in decided:
            outcome = outcomes[appointment.apt_num]
            record = tracked.get(appointment.apt_num) or TrackedAppointment(
                appointment.apt_num, appointment.pat_num, appointment.start
            )
            was_flagged = record.flagged
            record.pat_num, record.start, record.status = appointment.pat_num, appointment.start, appointment.status
            record.fingerprint = appointment_fingerprint(appointment)
            record.procedures = self._procedure_marks.get(appointment.apt_num, "")
            record.flagged = decision.flagged
            record.category = decision.primary.category if decision.primary else ""
            if decision.flagged or was_flagged:
                touched_patients.add(appointment.pat_num)
            if self.dry_run:
                continue
            try:
                if decision.flagged:
                    outcome.actions += self.writer.write_appointment(appointment, decision, record)
                else:
                    outcome.actions += self.writer.clear_appointment(record)
            except (PMSUnreachable, PMSAuthError):
                raise
            except PMSError as exc:
                outcome.error = str(exc)
        self._sync_popups(touched_patients, decided, report)
        if self.cases is not None and not self.dry_run:
            self._post_cases(decided, outcomes)

    def _post_cases(self, decided, outcomes: dict) -> None:
        patients: dict[int, dict] = {}
        for appointment, decision in decided:
            if not decision.flagged:
                continue
            outcome = outcomes[appointment.apt_num]
            if decision.joins_apt is not None:
                self._post_visit(appointment, decision, outcome)
                continue
            try:
                if appointment.pat_num not in patients:
                    patients[appointment.pat_num] = self.api.patient(appointment.pat_num)
                plans = self._plans_of(appointment.pat_num)
                # A medical claim names the subscriber: read them only when it is someone else.
                for plan in plans:
                    other = plan.subscriber_pat_num
                    if plan.is_medical and other and other != appointment.pat_num and other not in patients:
                        patients[other] = self.api.patient(other)
                self.cases.post_case(
                    appointment=appointment,
                    context=self._contexts[appointment.apt_num],
                    decision=decision,
                    patient=patients[appointment.pat_num],
                    plans=plans,
                    subscribers={plan.subscriber_pat_num: patients[plan.subscriber_pat_num] for plan in plans
                                 if plan.subscriber_pat_num in patients},
                )
                outcome.actions.append("case sent")
            except (PMSUnreachable, PMSAuthError):
                raise
            except (PMSError, DocServiceError) as exc:
                outcome.error = outcome.error or str(exc)

    def _post_visit(self, appointment: Appointment, decision: Decision, outcome: AppointmentOutcome) -> None:
        """Add a visit that continues a case to that case: one case per episode, never a second one.

        Posting again is answered with the stored visit, so every pass may post it."""
        root = decision.joins_apt
        try:
            visit_id = self.cases.post_visit(root, appointment=appointment, context=self._contexts[appointment.apt_num])
        except DocServiceError as exc:
            outcome.error = outcome.error or str(exc)
            return
        if visit_id is None:
            # The opening visit was done before MedLane saw it (or never sent): no case to add to.
            outcome.actions.append(f"visit not sent: appointment {root}'s case is not in the document service")
        else:
            outcome.actions.append(f"visit sent: continues appointment {root}'s case")

    def _sync_popups(self, patients: set[int], decided, report: ScanReport) -> None:
        by_patient: dict[int, list[Decision]] = defaultdict(list)
        for _, decision in decided:
            if decision.flagged:
                by_patient[decision.pat_num].append(decision)
        outcomes = defaultdict(list)
        for o in report.outcomes:
            outcomes[o.pat_num].append(o)
        for pat_num in sorted(patients | set(by_patient)):
            try:
                decisions = self._flagged_decisions_of(pat_num, by_patient.get(pat_num, []))
                if decisions:
                    plans = self._plans_of(pat_num)
                    for o in outcomes[pat_num]:
                        if o.flagged:
                            o.medical_plan = any(p.is_medical for p in plans)
                    actions = [] if self.dry_run else self.writer.sync_popup(pat_num, decisions, plans)
                else:
                    actions = [] if self.dry_run else self.writer.expire_popup(pat_num)
            except (PMSUnreachable, PMSAuthError):
                raise
            except PMSError as exc:
                for o in outcomes[pat_num]:
                    o.error = o.error or str(exc)
                continue
            first = next((o for o in outcomes[pat_num] if o.flagged), None) or next(iter(outcomes[pat_num]), None)
            if first is not None:
                first.actions += actions

    def _flagged_decisions_of(self, pat_num: int, fresh: list[Decision]) -> list[Decision]:
        """This pass's flagged decisions for the patient, plus earlier flagged ones this pass did not
        revisit (watch only re-decides what changed), so the popup always lists them all."""
        seen = {d.apt_num for d in fresh}
        kept = list(fresh)
        for record in self.state.flagged_appointments_of(pat_num):
            if record.apt_num in seen or record.start is None:
                continue
            appointment = self.api.appointment(record.apt_num)
            if appointment and appointment.status == SCHEDULED:
                decision = self.flagger.decide(self._context_of(appointment))
                if decision.flagged:
                    kept.append(decision)
        return kept

    def _context_of(self, appointment: Appointment) -> AppointmentContext:
        rows = self.api.procedures_for_appointment(appointment.apt_num)
        self._procedure_marks[appointment.apt_num] = ";".join(sorted(p.mark for p in rows))
        procedures = tuple(Procedure(p.proc_num, p.code, p.descript, p.tooth, p.surface, p.status, p.fee) for p in rows)
        context = AppointmentContext(
            apt_num=appointment.apt_num,
            pat_num=appointment.pat_num,
            start=appointment.start,
            note=text.strip_own_lines(appointment.note),
            procedures=procedures,
            problems=self._problems_of(appointment.pat_num),
            proc_descript=appointment.proc_descript,
            open_cases=self._open_cases_before(appointment),
        )
        self._contexts[appointment.apt_num] = context
        return context

    # -- the cases later visits may join

    def _flagged_visits_of(self, pat_num: int) -> list[FlaggedVisit]:
        stored = {v.apt_num: v for v in self.state.flagged_visits_of(pat_num)}
        for apt_num, visit in self._visits.items():
            if visit is None:
                stored.pop(apt_num, None)
            elif visit.pat_num == pat_num:
                stored[apt_num] = visit
        return list(stored.values())

    def _open_cases_before(self, appointment: Appointment) -> tuple[OpenCase, ...]:
        """The patient's cases as they stood before this visit: one per opening visit, with its latest visit."""
        if appointment.start is None:
            return ()
        earlier = [
            v for v in self._flagged_visits_of(appointment.pat_num)
            if v.apt_num != appointment.apt_num and v.start < appointment.start
        ]
        by_case: dict[int, list[FlaggedVisit]] = defaultdict(list)
        for visit in earlier:
            by_case[visit.case_apt].append(visit)
        cases = []
        for case_apt, visits in by_case.items():
            visits.sort(key=lambda v: v.start)
            # the opening visit may have been forgotten (broken): its earliest remaining visit stands for it
            opening = next((v for v in visits if v.apt_num == case_apt), visits[0])
            teeth = sorted({t for v in visits for t in v.teeth}, key=lambda t: (len(t), t))
            cases.append(
                OpenCase(
                    apt_num=opening.apt_num,
                    category=opening.category,
                    opened=opening.start,
                    last_visit=visits[-1].start,
                    strength=opening.strength,  # type: ignore[arg-type]
                    teeth=tuple(teeth),
                )
            )
        return tuple(cases)

    def _remember_visit(self, appointment: Appointment, decision: Decision) -> None:
        if not decision.flagged or appointment.start is None:
            self._forget_visit(appointment.apt_num)
            return
        flag = decision.primary
        context = self._contexts.get(appointment.apt_num)
        visit = FlaggedVisit(
            apt_num=appointment.apt_num,
            pat_num=appointment.pat_num,
            start=appointment.start,
            category=flag.category,
            strength=flag.strength,
            case_apt=decision.joins_apt or appointment.apt_num,
            teeth=teeth_of(context) if context else (),
        )
        self._visits[appointment.apt_num] = visit
        if not self.dry_run:
            self.state.remember_visit(visit)

    def _remember_done_visit(self, appointment: Appointment) -> None:
        """A visit done before MedLane saw it scheduled (a walk-in injury) may still open a case that
        its follow-up joins: decide it, remember it if medical, and write nothing to it."""
        if self._stored_visits is None:
            self._stored_visits = self.state.flagged_visit_numbers()
        if appointment.apt_num in self._visits or appointment.apt_num in self._stored_visits:
            return
        try:
            decision = self.flagger.decide(self._context_of(appointment))
        except (PMSUnreachable, PMSAuthError):
            raise
        except PMSError as exc:
            log.info("completed appointment %s not read: %s", appointment.apt_num, exc)
            return
        if decision.flagged:
            self._remember_visit(appointment, decision)

    def _forget_visit(self, apt_num: int) -> None:
        if self._stored_visits is None:
            self._stored_visits = self.state.flagged_visit_numbers()
        if apt_num in self._visits or apt_num in self._stored_visits:
            self._visits[apt_num] = None
            if not self.dry_run:
                self.state.forget_visit(apt_num)

    def _problems_of(self, pat_num: int) -> tuple[Problem, ...]:
        if pat_num not in self._problems:
            self._problems[pat_num] = tuple(
                Problem(p.disease_num, p.name, self.api.icd10_of_problem(p.def_num), p.note)
                for p in self.api.problems_for_patient(pat_num)
                if p.status.lower() == "active"
            )
        return self._problems[pat_num]

    def _plans_of(self, pat_num: int) -> list[PlanOnFile]:
        if pat_num not in self._plans:
            self._plans[pat_num] = self.api.plans_on_file(pat_num)
        return self._plans[pat_num]


def open_scanner(settings: Settings, *, dry_run: bool) -> Scanner:
    """A scanner on the configured Open Dental, local state and (when configured) document service."""
    client = OpenDentalClient(settings.pms)
    state = StateStore(settings.state_path)
    cases = CaseSink(settings.docservice, practice=settings.practice) if settings.docservice.enabled else None
    return Scanner(OpenDentalAPI(client), state, flagger=Flagger.from_crosswalks(), dry_run=dry_run, cases=cases)
