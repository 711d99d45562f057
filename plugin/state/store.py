"""StateStore: open (creating or migrating) the local database and read/write its records."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, delete, event, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from plugin.errors import StateError
from plugin.state.models import AppointmentRecord, Cursor, FlaggedVisitRecord, PopupRecord

MIGRATIONS = Path(__file__).with_name("migrations")


@dataclass
class TrackedAppointment:
    apt_num: int
    pat_num: int
    start: datetime | None
    status: str = ""
    fingerprint: str = ""
    flagged: bool = False
    category: str = ""
    field_value: str = ""
    note_written: bool = False
    procedures: str = ""

    @property
    def procedure_marks(self) -> set[str]:
        return set(filter(None, self.procedures.split(";")))


@dataclass(frozen=True)
class FlaggedVisit:
    """A visit MedLane flagged; `case_apt` is the visit that opened its case (itself, if it opened one)."""

    apt_num: int
    pat_num: int
    start: datetime
    category: str
    strength: str
    case_apt: int
    teeth: tuple[str, ...] = ()


@dataclass
class TrackedPopup:
    pat_num: int
    popup_num: int | None
    description: str
    disabled_at: datetime | None
    state: str  # pending | active | expired


def _migrate(engine) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class StateStore:
    """The plugin's local state. Every method commits on its own, so a crash loses at most one step."""

    def __init__(self, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._engine = create_engine(f"sqlite:///{path}")
            event.listen(self._engine, "connect", _sqlite_pragmas)
            _migrate(self._engine)
        except (OSError, SQLAlchemyError) as exc:
            raise StateError(f"Cannot open MedLane's local state at {path}: {type(exc).__name__}.") from None
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)

    def close(self) -> None:
        self._engine.dispose()

    def _session(self) -> Session:
        return self._sessions()

    # -- appointments --------------------------------------------------------------------------

    def appointments(self) -> dict[int, TrackedAppointment]:
        with self._session() as s:
            return {r.apt_num: _tracked(r) for r in s.scalars(select(AppointmentRecord))}

    def appointment(self, apt_num: int) -> TrackedAppointment | None:
        with self._session() as s:
            row = s.get(AppointmentRecord, apt_num)
            return _tracked(row) if row else None

    def save_appointment(self, tracked: TrackedAppointment) -> None:
        with self._session() as s, s.begin():
            row = s.get(AppointmentRecord, tracked.apt_num) or AppointmentRecord(apt_num=tracked.apt_num)
            for name in ("pat_num", "start", "status", "fingerprint", "flagged", "category", "field_value", "note_written", "procedures"):
                setattr(row, name, getattr(tracked, name))
            row.updated_at = datetime.now()
            s.add(row)

    def flagged_appointments_of(self, pat_num: int) -> list[TrackedAppointment]:
        with self._session() as s:
            rows = s.scalars(
                select(AppointmentRecord).where(AppointmentRecord.pat_num == pat_num, AppointmentRecord.flagged)
            )
            return [_tracked(r) for r in rows]

    # -- flagged visits (the cases later visits may join) -----------------------------------------

    def flagged_visits_of(self, pat_num: int) -> list[FlaggedVisit]:
        with self._session() as s:
            rows = s.scalars(select(FlaggedVisitRecord).where(FlaggedVisitRecord.pat_num == pat_num))
            return [
                FlaggedVisit(r.apt_num, r.pat_num, r.start, r.category, r.strength, r.case_apt,
                             tuple(filter(None, r.teeth.split(";"))))
                for r in rows
            ]

    def remember_visit(self, visit: FlaggedVisit) -> None:
        with self._session() as s, s.begin():
            row = s.get(FlaggedVisitRecord, visit.apt_num) or FlaggedVisitRecord(apt_num=visit.apt_num)
            row.pat_num, row.start, row.category = visit.pat_num, visit.start, visit.category
            row.strength, row.case_apt, row.teeth = visit.strength, visit.case_apt, ";".join(visit.teeth)
            row.updated_at = datetime.now()
            s.add(row)

    def flagged_visit_numbers(self) -> set[int]:
        with self._session() as s:
            return set(s.scalars(select(FlaggedVisitRecord.apt_num)))

    def forget_visit(self, apt_num: int) -> None:
        with self._session() as s, s.begin():
            s.execute(delete(FlaggedVisitRecord).where(FlaggedVisitRecord.apt_num == apt_num))

    # -- popups --------------------------------------------------------------------------------

    def popup(self, pat_num: int) -> TrackedPopup | None:
        with self._session() as s:
            row = s.get(PopupRecord, pat_num)
            if row is None:
                return None
            return TrackedPopup(row.pat_num, row.popup_num, row.description, row.disabled_at, row.state)

    def save_popup(self, popup: TrackedPopup) -> None:
        with self._session() as s, s.begin():
            row = s.get(PopupRecord, popup.pat_num) or PopupRecord(pat_num=popup.pat_num)
            row.popup_num = popup.popup_num
            row.description = popup.description
            row.disabled_at = popup.disabled_at
            row.state = popup.state
            row.updated_at = datetime.now()
            s.add(row)

    # -- cursors -------------------------------------------------------------------------------

    def cursor(self, name: str) -> str:
        with self._session() as s:
            row = s.get(Cursor, name)
            return row.value if row else ""

    def save_cursor(self, name: str, value: str) -> None:
        with self._session() as s, s.begin():
            row = s.get(Cursor, name) or Cursor(name=name)
            row.value = value
            row.updated_at = datetime.now()
            s.add(row)


def _tracked(row: AppointmentRecord) -> TrackedAppointment:
    return TrackedAppointment(
        apt_num=row.apt_num,
        pat_num=row.pat_num,
        start=row.start,
        status=row.status,
        fingerprint=row.fingerprint,
        flagged=row.flagged,
        category=row.category,
        field_value=row.field_value,
        note_written=row.note_written,
        procedures=row.procedures or "",
    )


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL keeps a reader (a dry run) from blocking the watcher; synchronous=NORMAL is safe with WAL.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
