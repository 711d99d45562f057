"""MedLane's local record of what it wrote into Open Dental and how far it has read.

Lives in `$MEDLANE_HOME/plugin.db` (SQLite). It holds Open Dental numbers (AptNum, PatNum,
PopupNum), timestamps and the short texts MedLane itself wrote, never names or notes.
"""
from plugin.state.store import StateStore, TrackedAppointment, TrackedPopup

__all__ = ["StateStore", "TrackedAppointment", "TrackedPopup"]
