"""Typed views of the Open Dental rows MedLane reads. Built leniently from the JSON objects."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from plugin.opendental.values import parse_bool, parse_datetime, parse_int, parse_money


@dataclass(frozen=True)
class Appointment:
    apt_num: int
    pat_num: int
    status: str
    start: datetime | None
    note: str
    proc_descript: str
    prov_num: int
    prov_abbr: str
    op: int
    date_tstamp: datetime | None
    server_datetime: str  # kept as Open Dental wrote it: it is fed back as the next DateTStamp

    @classmethod
    def from_row(cls, row: dict) -> "Appointment":
        return cls(
            apt_num=parse_int(row.get("AptNum")),
            pat_num=parse_int(row.get("PatNum")),
            status=str(row.get("AptStatus") or ""),
            start=parse_datetime(row.get("AptDateTime")),
            note=str(row.get("Note") or ""),
            proc_descript=str(row.get("ProcDescript") or ""),
            prov_num=parse_int(row.get("ProvNum")),
            prov_abbr=str(row.get("provAbbr") or ""),
            op=parse_int(row.get("Op")),
            date_tstamp=parse_datetime(row.get("DateTStamp")),
            server_datetime=str(row.get("serverDateTime") or ""),
        )


@dataclass(frozen=True)
class ProcedureRow:
    proc_num: int
    pat_num: int
    apt_num: int
    code: str
    descript: str
    tooth: str
    surface: str
    status: str
    fee: float
    date_tstamp: str = ""

    @property
    def mark(self) -> str:
        """Identity plus change stamp: equal marks mean the row has not changed."""
        return f"{self.proc_num}@{self.date_tstamp}"

    @classmethod
    def from_row(cls, row: dict) -> "ProcedureRow":
        return cls(
            proc_num=parse_int(row.get("ProcNum")),
            pat_num=parse_int(row.get("PatNum")),
            apt_num=parse_int(row.get("AptNum")),
            code=str(row.get("procCode") or "").strip().upper(),
            descript=str(row.get("descript") or ""),
            tooth=str(row.get("ToothNum") or ""),
            surface=str(row.get("Surf") or ""),
            status=str(row.get("ProcStatus") or ""),
            fee=parse_money(row.get("ProcFee")),
            date_tstamp=str(row.get("DateTStamp") or ""),
        )


@dataclass(frozen=True)
class ProblemRow:
    disease_num: int
    pat_num: int
    def_num: int
    name: str
    status: str
    note: str

    @classmethod
    def from_row(cls, row: dict) -> "ProblemRow":
        return cls(
            disease_num=parse_int(row.get("DiseaseNum")),
            pat_num=parse_int(row.get("PatNum")),
            def_num=parse_int(row.get("DiseaseDefNum")),
            name=str(row.get("diseaseDefName") or ""),
            status=str(row.get("ProbStatus") or "Active"),
            note=str(row.get("PatNote") or ""),
        )


@dataclass(frozen=True)
class Popup:
    popup_num: int
    pat_num: int
    description: str
    level: str
    archived: bool
    disabled_at: datetime | None

    @classmethod
    def from_row(cls, row: dict) -> "Popup":
        return cls(
            popup_num=parse_int(row.get("PopupNum")),
            pat_num=parse_int(row.get("PatNum")),
            description=str(row.get("Description") or ""),
            level=str(row.get("PopupLevel") or "Patient"),
            archived=parse_bool(row.get("IsArchived")),
            disabled_at=parse_datetime(row.get("DateTimeDisabled")),
        )

    def active_at(self, moment: datetime) -> bool:
        return not self.archived and (self.disabled_at is None or self.disabled_at > moment)


# Open Dental's PatPlan.Relationship -> the document service's relationship words.
RELATIONSHIPS = {"self": "self", "spouse": "spouse", "child": "child", "employee": "employee",
                 "lifepartner": "life_partner", "signifother": "life_partner"}


def relationship_of(value: object) -> str:
    return RELATIONSHIPS.get(str(value or "Self").strip().lower().replace(" ", ""), "other")


@dataclass(frozen=True)
class PlanOnFile:
    """One insurance plan a patient has on file (patplan -> inssub -> insplan -> carrier)."""

    ordinal: int
    is_medical: bool
    carrier: str
    group_name: str
    subscriber_id: str
    plan_num: int
    ins_sub_num: int
    # For the medical claim: the patient's relationship to the subscriber (our words, see
    # RELATIONSHIPS), the plan's group number, and who the subscriber is.
    relationship: str = "self"
    group_number: str = ""
    subscriber_pat_num: int = 0
    payer_id: str = ""  # the carrier's ElectID: the clearinghouse payer id

    @property
    def kind(self) -> str:
        return "medical" if self.is_medical else "dental"
