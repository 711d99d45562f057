"""Are a payer's sleep-appliance criteria (Medicare LCD L33611) met by the present facts?

Met when AHI (or RDI) and total events reach the full thresholds, or reach the low thresholds
with a listed symptom or comorbidity (a fact, or a problem whose code starts with a listed
prefix) — and PAP intolerance is documented, since the KX modifier attests to every criterion.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from crosswalks import icd10
from docservice.claims.citing import cite, first_present, present
from docservice.models import Fact, Problem


@dataclass(frozen=True)
class Assessment:
    met: bool
    why: str


def assess_sleep_criteria(criteria, facts: Sequence[Fact], problems: Sequence[Problem]) -> Assessment:
    severity = first_present(facts, "ahi") or first_present(facts, "rdi")
    if severity is None:
        return Assessment(False, "no AHI or RDI is documented")
    events = first_present(facts, "respiratory_events")
    if events is None:
        return Assessment(False, "the total number of respiratory events is not documented")
    index, count = _number(severity.value), _number(events.value)
    if index is None or count is None:
        return Assessment(False, "the AHI/RDI or event count could not be read as a number")
    reading = f"{severity.name.upper()} {index:g} with {count:g} events ({cite(severity)})"
    if index >= criteria.ahi_min and count >= criteria.events_min:
        severity_why = f"{reading} meets {criteria.ahi_min:g}/{criteria.events_min:g}"
    elif criteria.ahi_low_min <= index < criteria.ahi_min and count >= criteria.events_low_min:
        reason = _low_range_reason(criteria, facts, problems)
        if reason is None:
            return Assessment(False, f"{reading} is in the low range and no listed symptom or comorbidity is documented")
        severity_why = f"{reading} with {reason}"
    else:
        return Assessment(False, f"{reading} is below the payer's threshold")
    intolerance = first_present(facts, "cpap_intolerance")
    if intolerance is None:
        return Assessment(False, f"{severity_why}, but CPAP intolerance is not documented")
    return Assessment(True, f"{severity_why}; CPAP intolerance documented ({cite(intolerance)})")


def _low_range_reason(criteria, facts: Sequence[Fact], problems: Sequence[Problem]) -> str | None:
    listed = set(criteria.low_symptoms)
    for name in ("sleep_symptom", "comorbidity"):
        for fact in present(facts, name):
            if str(fact.value) in listed:
                return f"{fact.value} documented ({cite(fact)})"
    prefixes = tuple(prefix.replace(".", "") for prefix in criteria.low_icd_prefixes)
    for problem in problems:
        bare = icd10.normalize(problem.icd10).replace(".", "")
        if bare and bare.startswith(prefixes):
            return f"{icd10.normalize(problem.icd10)} on the problem list"
    return None


def _number(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
