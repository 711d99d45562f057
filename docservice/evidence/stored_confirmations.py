"""The people's confirmations a case has stored, read for its resolution.

Kept apart from confirmations.py (which records a new one against the resolved evidence) so the
resolution can read them without importing what depends on it.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import object_session

from docservice.models import Case, EvidenceConfirmation


def load_confirmations(case: Case) -> list[EvidenceConfirmation]:
    """The case's confirmations, oldest first; none for a case outside a session (built in memory)."""
    session = object_session(case)
    if session is None or case.id is None:
        return []
    query = select(EvidenceConfirmation).where(EvidenceConfirmation.case_id == case.id)
    with session.no_autoflush:  # reading must not write a half-built claim the caller holds in memory
        return list(session.scalars(query.order_by(EvidenceConfirmation.id)))
