"""PromptWriter: make Open Dental show what the flagger decided, writing only what differs.

Idempotence comes from reading before writing: the ApptField value MedLane last wrote is in the
local state, MedLane's note line is visible in the appointment note Open Dental returns, and a
popup whose creation may or may not have happened (MedLane stopped, or Open Dental timed out) is
looked up in Open Dental before another is created.
"""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Callable

from crosswalks.loader import Crosswalk
from plugin.flagger.model import Decision
from plugin.opendental.api import OpenDentalAPI
from plugin.opendental.records import Appointment, PlanOnFile, Popup
from plugin.prompts import text
from plugin.state import StateStore, TrackedAppointment, TrackedPopup

log = logging.getLogger(__name__)


class PromptWriter:
    def __init__(
        self,
        api: OpenDentalAPI,
        state: StateStore,
        crosswalk: Crosswalk,
        *,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.api = api
        self.state = state
        self.crosswalk = crosswalk
        self.now = now
        self._field_def_ready = False

    # -- the appointment: ApptField and note --------------------------------------------------

    def write_appointment(self, appointment: Appointment, decision: Decision, tracked: TrackedAppointment) -> list[str]:
        """Field and note for a flagged appointment. Updates `tracked` as each write succeeds."""
        actions = []
        value = text.field_value(decision, self.crosswalk)
        if tracked.field_value != value:
            self._ensure_field_def()
            self.api.set_apptfield(appointment.apt_num, text.FIELD_NAME, value)
            tracked.field_value = value
            self.state.save_appointment(tracked)
            actions.append("field set")
        if text.has_own_line(appointment.note):
            tracked.note_written = True  # written by an earlier run whose success we never heard of
        elif not tracked.note_written:
            self.api.append_appointment_note(appointment.apt_num, text.note_line(decision))
            tracked.note_written = True
            actions.append("note added")
        self.state.save_appointment(tracked)
        return actions

    def clear_appointment(self, tracked: TrackedAppointment) -> list[str]:
        """The appointment is no longer medical: empty its field. The note line stays: Open Dental
        only appends to notes, and overwriting the note would risk staff text."""
        actions = []
        if tracked.field_value:
            self.api.set_apptfield(tracked.apt_num, text.FIELD_NAME, "")
            tracked.field_value = ""
            actions.append("field cleared")
        self.state.save_appointment(tracked)
        return actions

    def _ensure_field_def(self) -> None:
        if self._field_def_ready:
            return
        if text.FIELD_NAME not in self.api.apptfield_def_names():
            self.api.create_apptfield_def(text.FIELD_NAME)
        self._field_def_ready = True

    # -- the patient: one popup -----------------------------------------------------------------

    def sync_popup(self, pat_num: int, decisions: list[Decision], plans: list[PlanOnFile]) -> list[str]:
        description = text.popup_text(decisions, plans)
        expiry = text.popup_expiry(decisions)
        known = self.state.popup(pat_num)
        if known and known.state == "active" and known.popup_num:
            if known.description == description and known.disabled_at == expiry:
                return []
            return self._update_popup(known, description, expiry)
        if known is None or known.state == "pending":
            found = self._find_own_popup(pat_num)
            if found is not None:
                adopted = TrackedPopup(pat_num, found.popup_num, found.description, found.disabled_at, "active")
                self.state.save_popup(adopted)
                if found.description == description and found.disabled_at == expiry:
                    return ["popup found"]
                return self._update_popup(adopted, description, expiry)
        # Record the intent first: if we stop before hearing back, the next run looks before creating.
        self.state.save_popup(TrackedPopup(pat_num, None, description, expiry, "pending"))
        popup_num = self.api.create_popup(pat_num, description, disabled_at=expiry)
        if popup_num is None:  # Open Dental before 25.1.12 answers a create with no body
            found = self._find_own_popup(pat_num)
            popup_num = found.popup_num if found else None
        self.state.save_popup(TrackedPopup(pat_num, popup_num, description, expiry, "active" if popup_num else "pending"))
        return ["popup created"]

    def expire_popup(self, pat_num: int) -> list[str]:
        known = self.state.popup(pat_num)
        if known is None or known.state == "expired":
            return []
        if known.state == "pending":
            found = self._find_own_popup(pat_num)
            if found is None:
                self.state.save_popup(TrackedPopup(pat_num, None, known.description, None, "expired"))
                return []
            known = TrackedPopup(pat_num, found.popup_num, found.description, found.disabled_at, "active")
        now = self.now().replace(microsecond=0)
        self.api.update_popup(known.popup_num, disabled_at=now)
        self.state.save_popup(TrackedPopup(pat_num, known.popup_num, known.description, now, "expired"))
        return ["popup expired"]

    def _update_popup(self, known: TrackedPopup, description: str, expiry: datetime) -> list[str]:
        # Changing the description makes Open Dental archive the old text, so send it only when it changed.
        self.api.update_popup(
            known.popup_num,
            description=description if description != known.description else None,
            disabled_at=expiry,
        )
        self.state.save_popup(TrackedPopup(known.pat_num, known.popup_num, description, expiry, "active"))
        return ["popup updated"]

    def _find_own_popup(self, pat_num: int) -> Popup | None:
        moment = self.now()
        own = [
            p
            for p in self.api.popups_of_patient(pat_num)
            if p.description.startswith(text.POPUP_PREFIX) and p.active_at(moment)
        ]
        return max(own, key=lambda p: p.popup_num) if own else None
