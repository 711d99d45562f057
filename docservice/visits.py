"""Later visits of a case: a follow-up or the next stage that the flagger found continues it.

A visit is identified by its appointment (apt_num): posting it again updates it. An appointment
belongs to one case only, as its own appointment or as a visit; the case's facts are read again.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from docservice.facts.store import extract_case_facts
from docservice.models import Case, CaseVisit


class VisitConflict(Exception):
    """The appointment is already another case's own appointment or one of its visits."""


def add_visit(session: Session, case: Case, data: dict) -> tuple[CaseVisit, bool]:
    """Add the visit `data` (a loaded `VisitInSchema`) to `case`, or update it. Returns it and whether it is new.

    :raise VisitConflict: the appointment belongs to another case.
    """
    apt_num = data["apt_num"]
    _refuse_other_cases(session, case, apt_num)
    visit = next((v for v in case.visits if v.apt_num == apt_num), None)
    created = visit is None
    if created:
        visit = CaseVisit(apt_num=apt_num)
        case.visits.append(visit)
    appointment = data["appointment"]
    # JSON keeps floats, not Decimals: the fee is stored as it was sent.
    sent = (appointment["start"], appointment["provider"], appointment["note"],
            [dict(procedure) for procedure in data["procedures"]])
    if not created and (visit.apt_start, visit.provider, visit.note, visit.procedures) == sent:
        return visit, False  # every scan pass posts it again: the facts need no second reading
    visit.apt_start, visit.provider, visit.note, visit.procedures = sent
    try:
        session.flush()
    except IntegrityError:  # the same visit posted twice at once: the other post stored it
        session.rollback()
        raise VisitConflict(f"Appointment {apt_num} was added to case {case.id} by another request; "
                            "post it again.") from None
    extract_case_facts(session, case)
    return visit, created


def _refuse_other_cases(session: Session, case: Case, apt_num: int) -> None:
    own = session.scalars(select(Case.id).where(
        Case.practice == case.practice, Case.apt_num == apt_num)).first()
    if own is not None:
        # The case's own appointment is not a later visit of itself either.
        raise VisitConflict(f"Appointment {apt_num} is the appointment of case {own}, not a later visit.")
    other = session.scalars(select(CaseVisit.case_id).join(Case).where(
        Case.practice == case.practice, CaseVisit.apt_num == apt_num, CaseVisit.case_id != case.id)).first()
    if other is not None:
        raise VisitConflict(f"Appointment {apt_num} is already a visit of case {other}.")
