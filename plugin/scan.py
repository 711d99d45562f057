"""One pass of the flagger over a date window: read Open Dental, decide, prompt.

Call budget (what the benchmark measures): the window's appointments in pages, then per
scheduled appointment its procedures, per patient their problems, and for flagged patients
only their coverage and the prompt writes. Lookup tables are read once per pass.
"""
from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from crosswalks.loader import Crosswalk
from plugin.cases import CaseSink
from plugin.errors import DocServiceError, PMSAuthError, PMSError, PMSUnreachable
from plugin.flagger import Flagger, format_reasons
from plugin.flagger.model import AppointmentContext, Decision, Problem, Procedure
from plugin.opendental.api import OpenDentalAPI
from plugin.opendental.records import Appointment, PlanOnFile
from plugin.prompts import text
from plugin.prompts.writer import PromptWriter
from plugin.state import StateStore, TrackedAppointment

log = logging.getLogger(__name__)
SCHEDULED = "Scheduled"


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
        )
        self._contexts[appointment.apt_num] = context
        return context

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
