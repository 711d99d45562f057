"""Tables of the local state. Changes go through an Alembic revision in migrations/versions."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class AppointmentRecord(Base):
    """One in-window appointment as MedLane last judged it, and the prompts it wrote for it."""

    __tablename__ = "appointment"

    apt_num: Mapped[int] = mapped_column(Integer, primary_key=True)
    pat_num: Mapped[int] = mapped_column(Integer, index=True)
    start: Mapped[datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(20), default="")
    # Hash of what the decision depended on (status, time, note, procedure codes, problems):
    # when Open Dental reports a change that leaves it equal (e.g. our own note line), nothing is redone.
    fingerprint: Mapped[str] = mapped_column(String(64), default="")
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    category: Mapped[str] = mapped_column(String(40), default="")
    field_value: Mapped[str] = mapped_column(Text, default="")  # what we last wrote to ApptField MedLane
    note_written: Mapped[bool] = mapped_column(Boolean, default=False)
    # "ProcNum@DateTStamp;..." of the procedures the decision saw: a reported procedure change
    # whose mark is already here is one MedLane has seen (stamps in the future repeat forever).
    procedures: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)


class FlaggedVisitRecord(Base):
    """A visit MedLane flagged, kept after it is done so a later visit can join its case.

    `case_apt` is the visit that opened the case (the visit itself when it opened one). Broken,
    unscheduled or no-longer-medical visits are forgotten; completed ones stay."""

    __tablename__ = "flagged_visit"

    apt_num: Mapped[int] = mapped_column(Integer, primary_key=True)
    pat_num: Mapped[int] = mapped_column(Integer, index=True)
    start: Mapped[datetime] = mapped_column(DateTime)
    category: Mapped[str] = mapped_column(String(40), default="")
    strength: Mapped[str] = mapped_column(String(10), default="possible")
    case_apt: Mapped[int] = mapped_column(Integer)
    teeth: Mapped[str] = mapped_column(String(200), default="")  # "8;9": teeth the visit was about
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)


class PopupRecord(Base):
    """The one MedLane popup per patient. `state` is 'pending' while a create is in flight:
    if MedLane stops then, the next run looks in Open Dental before creating another."""

    __tablename__ = "popup"

    pat_num: Mapped[int] = mapped_column(Integer, primary_key=True)
    popup_num: Mapped[int | None] = mapped_column(Integer, nullable=True)
    description: Mapped[str] = mapped_column(Text, default="")
    disabled_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    state: Mapped[str] = mapped_column(String(10), default="pending")  # pending | active | expired
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)


class Cursor(Base):
    """Where `watch` left off: Open Dental's own serverDateTime, never this machine's clock."""

    __tablename__ = "cursor"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(60), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
