"""A person's word on a value that drives the claim: confirmed as read, corrected, or entered.

Each confirmation is a new `EvidenceConfirmation` row (never updated, so who said what stays); the
latest row per (case, fact) wins over anything read, before or after it (see resolution.py, which reads
them with stored_confirmations.load_confirmations).
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from docservice.evidence.readings import same_value
from docservice.evidence.resolution import Evidence
from docservice.evidence.values import EvidenceRejected, check_value, kind_of
from docservice.models import EVIDENCE_ACTIONS, Case, EvidenceConfirmation, User


def record_confirmation(session: Session, case: Case, evidence: Evidence, name: str, *, action: str,
                        value: object = None, note: str = "", user: User | None = None) -> EvidenceConfirmation:
    """Check and add a confirmation of fact `name` (the caller audits and commits).

    `confirm` takes the value the case uses now (a value sent must be that value); `correct` and
    `enter` need a value of the fact's kind.

    Raises:
        EvidenceRejected: an unknown fact or action, a bad value, or nothing to confirm.
    """
    kind_of(name)
    if action not in EVIDENCE_ACTIONS:
        raise EvidenceRejected({"action": [f"One of {', '.join(EVIDENCE_ACTIONS)}."]})
    current = evidence.get(name).reading
    if action == "confirm":
        if current is None:
            raise EvidenceRejected({"value": [f"Nothing was read for {name} to confirm; enter the value instead."]})
        stored, display = check_value(name, current.value if value is None else value)
        if not same_value(stored, current.value):
            raise EvidenceRejected({"value": [f"{display} is not the value read ({current.display or current.value}); "
                                              "correct it instead."]})
    elif value is None:
        raise EvidenceRejected({"value": [f"A value is needed to {action} {name}."]})
    else:
        stored, display = check_value(name, value)
    row = EvidenceConfirmation(
        case_id=case.id, fact=name, action=action, value=stored, display=display[:200],
        fact_id=getattr(current, "id", None) if action == "confirm" else None,  # a person's reading has no id
        note=(note or "").strip(), user_id=user.id if user else None, user_name=user.name if user else "",
    )
    session.add(row)
    session.flush()
    return row
