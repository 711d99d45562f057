"""The words of each prompt. Deterministic: the same decision always renders the same text,
which is what lets a re-scan see that there is nothing new to write.

Each prompt says in plain words what fired it ("problem list: ankyloglossia (Q38.1)", "procedure
D7880", 'note: "jaw locks"'), and a visit that continues an earlier case says so instead of asking
for the case's documents again."""
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
REASONS_SHOWN = 3  # of `fired_by`, in the note line and the popup


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
    if decision.joined_case is not None:
        return f"Medical? {flag.category}{maybe} - continues {decision.joined_case.opened:%Y-%m-%d} case"[:FIELD_MAX]
    collect = category.collect or (flag.needs[0] if flag.needs else "review")
    return f"Medical? {flag.category}{maybe} - {collect}"[:FIELD_MAX]


def why(decision: Decision) -> str:
    """What fired the primary flag, in plain words: "problem list: ankyloglossia (Q38.1); procedure D0150"."""
    return "; ".join(decision.fired_by[:REASONS_SHOWN])


def continues(decision: Decision) -> str:
    """"continues the trauma case of 2027-01-04 (appointment 812)", or "" for a visit opening its own case."""
    case = decision.joined_case
    if case is None:
        return ""
    return f"continues the {case.category} case of {case.opened:%Y-%m-%d} (appointment {case.apt_num})"


def note_line(decision: Decision) -> str:
    flag = decision.primary
    if flag is None:
        return ""
    if decision.joined_case is not None:
        return (
            f"{NOTE_PREFIX} this visit {continues(decision)}: may be billable to medical insurance "
            f"with it ({flag.label}); add this visit's records to that case. {NOTE_END}"
        )
    needs = "; ".join(flag.needs[:NEEDS_IN_POPUP])
    reason = f" Why: {why(decision)}." if decision.fired_by else ""
    return f"{NOTE_PREFIX} may be billable to medical insurance ({flag.label}).{reason} Collect: {needs}. {NOTE_END}"


def popup_text(decisions: list[Decision], plans: list[PlanOnFile]) -> str:
    """One popup for the patient's flagged appointments in the window, earliest first."""
    visits = []
    for decision in sorted(decisions, key=lambda d: d.start):
        flag = decision.primary
        if flag is None:
            continue
        if decision.joined_case is not None:
            visits.append(f"{decision.start:%Y-%m-%d %H:%M} {flag.label} - {continues(decision)}")
            continue
        reason = f" - why: {why(decision)}" if decision.fired_by else ""
        visits.append(
            f"{decision.start:%Y-%m-%d %H:%M} {flag.label}{reason} - collect: {'; '.join(flag.needs[:NEEDS_IN_POPUP])}"
        )
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
