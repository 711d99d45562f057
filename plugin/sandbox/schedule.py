"""Booking a practice day: chairs, and visits packed into the morning and afternoon without overlaps."""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from plugin.sandbox.casebook import VisitKind

MORNING = (8 * 60, 12 * 60)  # minutes after midnight; lunch is 12:00-13:00
AFTERNOON = (13 * 60, 17 * 60)


@dataclass
class Column:
    """A provider's chair (operatory): dentists and hygienists each work one."""

    provider: dict
    op: int
    hygiene: bool


@dataclass(eq=False)  # slots are compared by identity: two identical visits are still two visits
class Slot:
    """One visit on the book."""

    day: date
    column: Column
    status: str = "Scheduled"
    kind: VisitKind | None = None
    start: int = 0  # minutes after midnight
    minutes: int = 60
    in_window: bool = True
    patient: dict | None = None

    @property
    def scanned(self) -> bool:
        return self.in_window and self.status == "Scheduled"

    @property
    def interval(self) -> tuple[datetime, datetime]:
        begin = datetime.combine(self.day, datetime.min.time()) + timedelta(minutes=self.start)
        return begin, begin + timedelta(minutes=self.minutes)


def spread_evenly(rng: random.Random, total: int, parts: int) -> list[int]:
    """`total` split into `parts` counts that differ by at most one; who gets the extra is random."""
    base, extra = divmod(total, parts)
    lucky = set(rng.sample(range(parts), extra))
    return [base + (1 if i in lucky else 0) for i in range(parts)]


def group_by_chair(slots: list[Slot]) -> list[list[Slot]]:
    """The slots of each chair on each day."""
    groups: dict[tuple, list[Slot]] = {}
    for slot in slots:
        groups.setdefault((slot.day, slot.column.op), []).append(slot)
    return list(groups.values())


def book_chair_day(rng: random.Random, slots: list[Slot]) -> None:
    """Give one chair's visits for a day their start times, in 10-minute steps, with no overlaps."""
    rng.shuffle(slots)
    half = MORNING[1] - MORNING[0]
    while sum(s.minutes for s in slots) > 2 * half:  # a full day: shorten the longest visits
        max(slots, key=lambda s: s.minutes).minutes -= 10
    morning: list[Slot] = []
    for slot in slots:
        if sum(s.minutes for s in morning) + slot.minutes <= half:
            morning.append(slot)
    afternoon = [s for s in slots if s not in morning]
    while sum(s.minutes for s in afternoon) > half:
        max(afternoon, key=lambda s: s.minutes).minutes -= 10
    for block, (begin, end) in ((morning, MORNING), (afternoon, AFTERNOON)):
        spare = (end - begin - sum(s.minutes for s in block)) // 10
        gaps = [0] * (len(block) + 1)
        for _ in range(spare):  # free time falls between visits, as on a real book
            gaps[rng.randrange(len(gaps))] += 10
        clock = begin
        for slot, gap in zip(block, gaps):
            clock += gap
            slot.start = clock
            clock += slot.minutes
