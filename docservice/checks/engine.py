"""Run every rule over one case: the registry of rule modules and `run_checks`."""
from __future__ import annotations

from collections.abc import Iterable

from docservice.checks import (
    attachments,
    codes,
    conflicts,
    dates,
    diagnoses,
    documents,
    elements,
    icd,
    identity,
    narrative,
    sleep,
)
from docservice.checks.context import build_context
from docservice.checks.findings import CheckReport, sort_findings
from docservice.evidence import case_evidence, wording_of
from docservice.models import Case, Claim, Fact

# Every rule: a function of a read-only CheckContext yielding Findings. One module per area.
RULES = (
    *documents.RULES,
    *identity.RULES,
    *icd.RULES,
    *diagnoses.RULES,
    *attachments.RULES,
    *elements.RULES,
    *sleep.RULES,
    *dates.RULES,
    *codes.RULES,
    *narrative.RULES,
    *conflicts.RULES,
)


def run_checks(case: Case, claim: Claim | None, facts: Iterable[Fact], crosswalk, *, practice=None) -> CheckReport:
    """Check one case's claim against its facts, documents and the crosswalk; never writes anything.

    Args:
        case: the case (its procedures, problems, insurance, documents and narrative are read).
        claim: the saved claim, or None to check the claim `build_claim` would propose now.
        facts: the case's extracted facts (every context included); they are resolved with the
            people's confirmations into the one evidence the builder and the letter read too.
        crosswalk: the loaded crosswalk (`load_crosswalk()`); its `billing` holds the rules' data.
        practice: the practice's own providers (`docservice.claims.Practice`) for a claim built here,
            so its NPIs are checked like a saved claim's.
    """
    facts = list(facts)
    evidence = case_evidence(case, facts, crosswalk)
    if claim is None:
        from docservice.claims import build_claim  # the builder is only needed when nothing is saved

        claim = build_claim(case, facts, crosswalk, practice=practice, evidence=evidence)
    context = build_context(case, claim, evidence, crosswalk.billing, wording=wording_of(crosswalk))
    findings = [finding for rule in RULES for finding in rule(context)]
    return CheckReport(sort_findings(findings))
