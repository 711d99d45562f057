"""What a case is billed under: its medical plan, the payer, the date of service and its categories.

Read alike by the claim builder, the checks and the evidence report, so all three judge the same
payer and date; it sits below them (it reads only models and stored values) so none imports another.
"""
from __future__ import annotations

from datetime import date

from docservice.facts.values import stored_date
from docservice.models import Case, Claim, InsurancePlan


def medical_plan(case: Case) -> InsurancePlan | None:
    """The case's medical plan of lowest ordinal (primary), or None."""
    plans = [plan for plan in case.insurance if plan.kind == "medical"]
    return min(plans, key=lambda plan: (plan.ordinal, plan.position), default=None)


def resolve_payer(billing, case: Case, claim: Claim | None):
    """The payer the claim's builder chose (`Claim.payer`), else the one matching the medical plan
    (also when there is no claim yet)."""
    if claim is not None and claim.payer:
        for payer in billing.payers:
            if payer.id == claim.payer:
                return payer
    plan = medical_plan(case)
    return billing.payer(plan.carrier if plan else "", plan.plan if plan else "")


def service_date_of(case: Case, claim: Claim | None) -> date | None:
    """The claim's date of service, else (no claim, or none written on it) the appointment's day."""
    written = (claim.fields or {}).get("service_date") if claim is not None else None
    return stored_date(written) or (case.apt_start.date() if case.apt_start else None)


def case_categories(case: Case) -> frozenset[str]:
    """The case's main category and every flagged one."""
    return frozenset(ordered_case_categories(case))


def ordered_case_categories(case: Case) -> list[str]:
    """The same categories in order of weight: the main one, then the flagged ones as flagged.

    For choices where the first match wins (the crosswalk's diagnosis hint). `categories` holds
    dicts or bare ids.
    """
    found = [case.category] if case.category else []
    for item in case.categories or ():
        category = item.get("category", "") if isinstance(item, dict) else str(item)
        if category and category not in found:
            found.append(category)
    return found
