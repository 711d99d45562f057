"""MedLane's local record of what it wrote into Open Dental and how far it has read.

Lives in `$MEDLANE_HOME/plugin.db` (SQLite). It holds Open Dental numbers (AptNum, PatNum,
PopupNum), timestamps and the short texts MedLane itself wrote, never names or notes; and the visits
it flagged (category, strength, teeth, the visit that opened their case), so a later visit can join
an open case.
"""
from plugin.state.store import FlaggedVisit, StateStore, TrackedAppointment, TrackedPopup

__all__ = ["FlaggedVisit", "StateStore", "TrackedAppointment", "TrackedPopup"]
