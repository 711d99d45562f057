"""The words of each prompt. Deterministic: the same decision always renders the same text,
which is what lets a re-scan see that there is nothing new to write."""
from __future__ import annotations

import re
from datetime import datetime, time

from crosswalks.loader import Crosswalk
from plugin.flagger.model import Decision
from plugin.opendental.records import PlanOnFile

FIELD_NAME = "MedLane"
POPUP_PREFIX = "MedLane:"
NOTE_PREFIX = "MedLane:"
NOTE_END = "[ML]"  # closes our note line, so it can be told apart from staff text even after CR/LF became spaces
_OWN_NOTE = re.compile(re.escape(NOTE_PREFIX) + r".*?" + re.escape(NOTE_END), re.DOTALL)
FIELD_MAX = 100
NEEDS_IN_POPUP = 3


def strip_own_lines(note: str) -> str:
    """The note as staff wrote it, without the lines MedLane appended."""
    return " ".join(_OWN_NOTE.sub(" ", note).split())


def has_own_line(note: str) -> bool:
    return _OWN_NOTE.search(note) is not None


def field_value(decision: Decision, crosswalk: Crosswalk) -> str:
    flag = decision.primary
    if flag is None:
        return ""
    category = crosswalk.category(flag.category)
    maybe = "" if flag.strength == "strong" else " (possible)"
    collect = category.collect or (flag.needs[0] if flag.needs else "review")
    return f"Medical? {flag.category}{maybe} - {collect}"[:FIELD_MAX]


def note_line(decision: Decision) -> str:
    flag = decision.primary
    if flag is None:
        return ""
    needs = "; ".join(flag.needs[:NEEDS_IN_POPUP])
    return f"{NOTE_PREFIX} may be billable to medical insurance ({flag.label}). Collect: {needs}. {NOTE_END}"


def popup_text(decisions: list[Decision], plans: list[PlanOnFile]) -> str:
    """One popup for the patient's flagged appointments in the window, earliest first."""
    visits = []
    for decision in sorted(decisions, key=lambda d: d.start):
        flag = decision.primary
        if flag is None:
            continue
        visits.append(f"{decision.start:%Y-%m-%d %H:%M} {flag.label} - collect: {'; '.join(flag.needs[:NEEDS_IN_POPUP])}")
    medical = [p for p in plans if p.is_medical]
    if medical:
        coverage = "Medical plan on file: " + ", ".join(p.carrier or p.group_name or "unnamed plan" for p in medical) + "."
    else:
        coverage = "No medical plan on file: ask for the patient's medical insurance card."
    return f"{POPUP_PREFIX} this patient's visit may be billable to medical insurance. " + " | ".join(visits) + f". {coverage}"


def popup_expiry(decisions: list[Decision]) -> datetime:
    """End of the day of the patient's last flagged appointment: the popup is useless after it."""
    last = max(d.start for d in decisions)
    return datetime.combine(last.date(), time(23, 59, 59))
