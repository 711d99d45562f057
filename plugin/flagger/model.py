"""What the flagger reads and what it decides. Plain values, no I/O.

The scan builds an `AppointmentContext` from Open Dental; `Flagger.decide` turns it into a
`Decision` that says which categories fired, on which evidence, and what the case will need.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

EvidenceSource = Literal["procedure", "problem", "note", "case"]  # case: the open case a visit continues
Strength = Literal["strong", "possible"]


@dataclass(frozen=True)
class Procedure:
    """A procedure attached to the appointment (procedurelogs?AptNum)."""

    proc_num: int
    code: str  # CDT code as charted, e.g. "D7286"
    descript: str = ""
    tooth: str = ""
    surface: str = ""
    status: str = "TP"
    fee: float = 0.0


@dataclass(frozen=True)
class Problem:
    """An active problem on the patient (diseases + diseasedefs)."""

    disease_num: int
    name: str
    icd10: str = ""  # may be empty when the office did not code the problem
    note: str = ""


@dataclass(frozen=True)
class OpenCase:
    """A case of the patient opened at an earlier flagged visit, as the scan remembers it."""

    apt_num: int  # the visit that opened the case
    category: str
    opened: datetime  # that visit's start
    last_visit: datetime  # the case's latest visit so far (the join window runs from here)
    strength: Strength = "possible"
    teeth: tuple[str, ...] = ()  # teeth the case is about, when known ("8", "9")


@dataclass(frozen=True)
class AppointmentContext:
    apt_num: int
    pat_num: int
    start: datetime
    note: str = ""  # the appointment note with MedLane's own lines removed
    procedures: tuple[Procedure, ...] = ()
    problems: tuple[Problem, ...] = ()
    proc_descript: str = ""  # Open Dental's abbreviated procedure list, for display only
    open_cases: tuple[OpenCase, ...] = ()  # the patient's cases opened at earlier visits (for joining)


@dataclass(frozen=True)
class Evidence:
    """One reason a rule fired (or was suppressed), readable by a reviewer."""

    source: EvidenceSource
    rule_id: str  # stable id of the crosswalk row that matched
    detail: str  # e.g. "D9947 sleep appliance", "G47.33 Obstructive sleep apnea", 'note: "wakes up gasping"'
    negated: bool = False  # matched but denied/excluded in the note; kept so a reviewer sees why nothing fired


@dataclass(frozen=True)
class CategoryFlag:
    category: str  # e.g. "sleep", "tmd", "trauma", "pathology"
    label: str  # short human label, e.g. "sleep apnea appliance"
    strength: Strength
    evidence: tuple[Evidence, ...]
    needs: tuple[str, ...]  # short labels of what to collect, most important first
    # What fired it, in plain words, e.g. ("problem list: ankyloglossia (Q38.1)", "procedure D7880",
    # 'note: "jaw locks"', "continues the trauma case of 2027-01-04 (appointment 812)")
    fired_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Decision:
    apt_num: int
    pat_num: int
    start: datetime
    categories: tuple[CategoryFlag, ...] = ()  # strongest first
    suppressed: tuple[Evidence, ...] = field(default=())  # matches that did not count, with why
    joins_apt: int | None = None  # the earlier appointment whose open case this visit continues
    joined_case: OpenCase | None = None  # that case, as it was when this visit joined it

    @property
    def flagged(self) -> bool:
        return bool(self.categories)

    @property
    def primary(self) -> CategoryFlag | None:
        return self.categories[0] if self.categories else None

    @property
    def fired_by(self) -> tuple[str, ...]:
        """What fired the primary category, in plain words."""
        return self.primary.fired_by if self.primary else ()
