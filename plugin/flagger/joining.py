"""Whether a visit continues an open case of the same patient rather than opening a new one.

An injury is followed up days later, a sleep appliance is delivered weeks after the consult: one
episode, one medical claim. A visit continues an open case (`OpenCase`, remembered by the scan) when
it comes within the category's `join_days` (categories.yaml) of the case's latest visit and either

1. fires the case's category itself, as its strongest category (the next stage: D9948 after D9947), or
2. fires nothing on its own but is plainly the case's follow-up: every procedure is a follow-up code
   (categories.yaml `followup.codes`: exams, re-evaluations, films) or a row of the category, and the
   note says follow-up ("f/u", "post-op check", "recheck #8"), or a code says it alone (D0171), or a
   procedure of the category stands on it (an RCT on the injured tooth: staged treatment).

When both the case and the visit name teeth and they share none, the visit is about something else.
"""
from __future__ import annotations

from typing import Iterable

from crosswalks.clinical.teeth import teeth_mentioned, tooth_number
from plugin.flagger.model import AppointmentContext, OpenCase

def teeth_of(ctx: AppointmentContext) -> tuple[str, ...]:
    """Teeth the visit is about: the procedures' tooth numbers and "#8" in the note."""
    teeth = {tooth for tooth in (tooth_number(p.tooth) for p in ctx.procedures if p.tooth) if tooth}
    teeth |= set(teeth_mentioned(ctx.note or ""))
    return tuple(sorted(teeth, key=lambda t: (len(t), t)))


def cases_in_reach(ctx: AppointmentContext, join_days: dict[str, int]) -> list[OpenCase]:
    """The patient's open cases this visit could continue, most recent first."""
    reach = []
    for case in ctx.open_cases:
        days = join_days.get(case.category, 0)
        if case.apt_num == ctx.apt_num or days <= 0 or not case.last_visit < ctx.start:
            continue
        if days_between(case, ctx) <= days:  # calendar days, as the prompt counts them
            reach.append(case)
    return sorted(reach, key=lambda c: (c.last_visit, c.apt_num), reverse=True)


def teeth_agree(case: OpenCase, teeth: Iterable[str]) -> bool:
    visit = set(teeth)
    return not case.teeth or not visit or bool(visit & set(case.teeth))


def days_between(case: OpenCase, ctx: AppointmentContext) -> int:
    return (ctx.start.date() - case.last_visit.date()).days
