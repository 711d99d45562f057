"""Cases: create or update on (practice, AptNum), and the filters of the case list."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, object_session

from docservice.models import Case, InsurancePlan, Problem, Procedure


def find_case(session: Session, practice: str, apt_num: int) -> Case | None:
    return session.scalars(select(Case).where(Case.practice == practice, Case.apt_num == apt_num)).one_or_none()


def upsert_case(session: Session, data: dict) -> tuple[Case, bool]:
    """Create the case of (practice, apt_num) or update it. Returns the case and whether it is new.

    Two first posts of the same appointment at once are safe: the loser of the unique
    constraint retries as an update.
    """
    for attempt in range(2):
        case = find_case(session, data["practice"], data["apt_num"])
        created = case is None
        if created:
            case = Case(practice=data["practice"], apt_num=data["apt_num"], status=data.get("status") or "new")
            session.add(case)
        apply_case(case, data)
        try:
            session.flush()
        except IntegrityError:
            session.rollback()
            if attempt:
                raise
            continue
        return case, created
    raise AssertionError("unreachable")


def apply_case(case: Case, data: dict) -> None:
    """Copy a loaded case body onto `case`; lists replace what was there. An absent status is kept."""
    appointment = data["appointment"]
    patient = data["patient"]
    patient_changed = case.id is not None and (case.patient_name, case.patient_birthdate) != (
        patient["name"], patient["birthdate"])
    case.pat_num = data["pat_num"]
    case.apt_start = appointment["start"]
    case.apt_provider = appointment["provider"]
    case.apt_op = appointment["op"]
    case.apt_note = appointment["note"]
    case.patient_name = patient["name"]
    case.patient_birthdate = patient["birthdate"]
    case.patient_gender = patient["gender"]
    case.patient_address = patient.get("address") or {}
    case.patient_phone = patient.get("phone", "")
    case.procedures = [Procedure(position=i, **item) for i, item in enumerate(data["procedures"])]
    case.problems = [Problem(position=i, **item) for i, item in enumerate(data["problems"])]
    case.insurance = [InsurancePlan(position=i, **item) for i, item in enumerate(data["insurance"])]
    apply_flags(case, data)
    if patient_changed:  # the documents were checked against the old patient
        from docservice.documents.review import recheck_case_patient

        recheck_case_patient(object_session(case), case)


def apply_flags(case: Case, data: dict) -> None:
    """Copy whichever of status, category, categories, evidence and needs `data` has."""
    for key in ("status", "category", "categories", "evidence", "needs"):
        if key in data and data[key] is not None:
            setattr(case, key, data[key])


def filter_cases(query: dict) -> Select:
    """The case list's SELECT for the filters of `CaseQuerySchema`, oldest appointment first."""
    statement = select(Case)
    if "date" in query:
        statement = statement.where(*_on_or_after(query["date"]), *_on_or_before(query["date"]))
    if "date_from" in query:
        statement = statement.where(*_on_or_after(query["date_from"]))
    if "date_to" in query:
        statement = statement.where(*_on_or_before(query["date_to"]))
    for key in ("status", "category", "practice", "apt_num"):
        if key in query:
            statement = statement.where(getattr(Case, key) == query[key])
    return statement.order_by(Case.apt_start, Case.id)


def _on_or_after(day: date):
    return (Case.apt_start >= datetime.combine(day, time.min),)


def _on_or_before(day: date):
    return (Case.apt_start < datetime.combine(day + timedelta(days=1), time.min),)
