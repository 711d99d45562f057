"""Marking a case `submitted`: only while its checks have no error, unless an admin overrides.

`submitted` tells MedLane the payer has the claim (a changed claim then goes out as a
replacement), so it must not be said of a claim the checks say is wrong. The checks are the
ones `GET /api/v1/cases/{id}/checks` answers (`check_case`); the override rule is the one an
export follows (`docservice.overrides`). Who may set which status is the role table's
(`docservice.auth.STATUS_PERMISSIONS`).
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from docservice.checks import run_checks
from docservice.checks.findings import CheckReport, Finding
from docservice.errors import DocServiceError
from docservice.models import Case, User
from docservice.overrides import BEYOND_OVERRIDE, NOT_ALLOWED, OverrideDecision, decide_override
from docservice.settings import load_settings
from docservice.settings.store import practice_of

SUBMITTED = "submitted"


class SubmissionRefused(DocServiceError):
    """The case may not be marked submitted; `findings` are the check errors that stand (409)."""

    def __init__(self, message: str, *, findings: list[Finding], code: str = "not_ready") -> None:
        super().__init__(message)
        self.message = message
        self.findings = findings
        self.code = code


def check_case(session: Session, case: Case, crosswalk) -> CheckReport:
    """The case's checks: of its saved claim, else of the claim the builder would propose now.

    Read-only: a proposed claim is built in memory and discarded, so the session is rolled back;
    call this before changing anything in it.
    """
    practice = practice_of(load_settings(session), case)
    with session.no_autoflush:
        report = run_checks(case, case.claim, list(case.facts), crosswalk, practice=practice)
    # Building a claim may have attached it to the case in memory; nothing of it may be stored.
    session.rollback()
    return report


def clear_for_submission(session: Session, case: Case, *, user: User | None, crosswalk,
                         override_reason: str = "") -> OverrideDecision:
    """May `case` be marked submitted now? Returns the decision (with what an override let through).

    Raises:
        SubmissionRefused: check errors stand and no admin's reason overrides them.
    """
    errors = check_case(session, case, crosswalk).errors
    decision = decide_override(errors, user=user, reason=override_reason)
    if decision.allowed:
        return decision
    if decision.refusal == NOT_ALLOWED:
        message = (f"Case {case.id} cannot be marked submitted: {len(errors)} check error(s) stand, and only "
                   "an admin may override them.")
    elif decision.refusal == BEYOND_OVERRIDE:
        rules = ", ".join(sorted({finding.rule for finding in decision.standing}))
        message = (f"Case {case.id} cannot be marked submitted: no override lifts {rules}. Fix them first "
                   f"(GET /api/v1/cases/{case.id}/checks).")
    else:
        message = (f"Case {case.id} cannot be marked submitted: {len(errors)} check error(s) stand. Fix them "
                   f"(GET /api/v1/cases/{case.id}/checks), or an admin may override with an override_reason.")
    raise SubmissionRefused(message, findings=list(decision.standing))
