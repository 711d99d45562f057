"""Standing check errors and an admin's override: the one rule an export and a submission share.

A case goes out (export) or is marked as sent to the payer (`submitted`) only while its checks
have no error, unless someone the role table allows to override (`docservice.auth.may_override`:
admins, and the command line) gives a non-empty reason. Some errors no reason lifts (an export
cannot write a payer file without what they ask for); the caller names those.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from docservice.auth import may_override
from docservice.checks.findings import Finding
from docservice.models import User

# Errors no reason lifts anywhere: another patient's record must never reach a payer. The fix is to
# confirm the document is this patient's or move it to its own case.
NEVER_OVERRIDDEN = frozenset({"document-wrong-patient"})

# Why an override was refused: no reason given, the role may not override, or errors no reason lifts.
NO_REASON = "no_reason"
NOT_ALLOWED = "not_allowed"
BEYOND_OVERRIDE = "beyond_override"


@dataclass(frozen=True)
class OverrideDecision:
    """Whether the case may go ahead. `refusal` is "" or one of the reasons above; `standing` the
    findings to show with a refusal; `overridden` the rules an accepted override lets through."""

    refusal: str = ""
    standing: tuple[Finding, ...] = ()
    overridden: tuple[str, ...] = ()
    reason: str = ""

    @property
    def allowed(self) -> bool:
        return not self.refusal


def decide_override(errors: Sequence[Finding], *, user: User | None, reason: str,
                    cannot_override: Collection[str] = ()) -> OverrideDecision:
    """Go ahead when there are no errors, or when `user` may override, gave a reason and no error is
    one of `cannot_override` or NEVER_OVERRIDDEN; else say why not."""
    reason = (reason or "").strip()
    if not errors:
        return OverrideDecision()
    # Errors no reason lifts come first: telling a biller "an admin may override" them would be false.
    hard = tuple(finding for finding in errors if finding.rule in cannot_override or finding.rule in NEVER_OVERRIDDEN)
    if hard:
        return OverrideDecision(refusal=BEYOND_OVERRIDE, standing=hard)
    if not reason:
        return OverrideDecision(refusal=NO_REASON, standing=tuple(errors))
    if not may_override(user):
        return OverrideDecision(refusal=NOT_ALLOWED, standing=tuple(errors))
    return OverrideDecision(overridden=tuple(sorted({finding.rule for finding in errors})), reason=reason)
