"""The payer's sleep-test criteria for an oral appliance, as judged once by docservice/evidence/criteria.py.

The thresholds are the payer's (crosswalk payers.yaml, Medicare L33611 by default); which lines are
judged, and on which facts, is criteria.yaml. The KX modifier and the letter read the same result.
"""
from __future__ import annotations

from collections.abc import Iterator

from docservice.checks.context import CheckContext
from docservice.checks.evidence import fact_evidence, line_evidence
from docservice.checks.findings import Finding
from docservice.evidence import CriteriaResult, evaluate_criteria
from docservice.evidence.criteria import BELOW, FULL


def sleep_test_line(ctx: CheckContext):
    """(position, line, criteria) of the first line whose code has payer criteria (criteria.yaml), else None."""
    for position, line in ctx.numbered_lines():
        criteria = ctx.rules.criteria_for(line.code) or (ctx.rules.criteria_for(line.cdt) if line.cdt else None)
        if criteria is not None:
            return position, line, criteria
    return None


def criteria_result(ctx: CheckContext, criteria) -> CriteriaResult:
    """The one evaluation of `criteria` for this case and payer; the claim's diagnoses a person or the
    records stand behind count besides the problem list and the documents."""
    confirmed = [d.get("code", "") for d in ctx.diagnoses if ctx.confirmed(d)]
    return evaluate_criteria(criteria, ctx.payer, ctx.evidence, diagnoses=confirmed, service_date=ctx.service_date)


def _number(value: float) -> str:
    return f"{value:g}"


def _evidence_of(item) -> dict:
    return item if isinstance(item, dict) else fact_evidence(item)


def check_ahi_threshold(ctx: CheckContext) -> Iterator[Finding]:
    """sleep-ahi-threshold: (1) AHI/RDI >= ahi_min with >= events_min events, or (2) ahi_low_min..ahi_min-
    with >= events_low_min events plus a listed symptom or condition. Says which criterion failed and
    by how much; when the event count is not documented, warns instead."""
    found_line = sleep_test_line(ctx)
    if found_line is None:
        return  # no appliance billed
    position, line, criteria = found_line
    result = criteria_result(ctx, criteria)
    if result.index is None:
        return  # no AHI at all: the attachment and element checks say so
    name, value, reading = result.index
    c = ctx.payer.sleep
    events = result.events
    evidence = [fact_evidence(reading), line_evidence(line, position)]
    evidence += [fact_evidence(events[1])] if events else []
    evidence.append({"kind": "crosswalk", "id": f"payer:{ctx.payer.id}", "source": getattr(ctx.payer, "source", ""),
                     "criteria": criteria.id, "ahi_min": c.ahi_min, "events_min": c.events_min,
                     "ahi_low_min": c.ahi_low_min, "events_low_min": c.events_low_min})
    payer = ctx.payer.label or ctx.payer.id

    def finding(severity: str, message: str, fix: str) -> Finding:
        return Finding("sleep-ahi-threshold", severity, message, fix, line=position, evidence=evidence)

    if result.band == BELOW:
        yield finding("error", f"{name} {_number(value)} is below {payer}'s minimum of {_number(c.ahi_low_min)} "
                      f"(short by {_number(c.ahi_low_min - value)}); the sleep test does not qualify for an oral appliance.",
                      "Do not bill the appliance to this payer on this study; ask the physician about a new study.")
        return
    if result.band == FULL:
        needed, criterion = c.events_min, f"{name} \u2265 {_number(c.ahi_min)}"
    else:
        needed, criterion = c.events_low_min, f"{name} {_number(c.ahi_low_min)}\u2013{_number(c.ahi_min)}"
        evidence += [_evidence_of(item) for item in result.support]
        if not result.support:
            yield finding("error", f"{name} {_number(value)} is below {_number(c.ahi_min)} (by {_number(c.ahi_min - value)}); "
                          f"for {criterion} {payer} also needs a listed symptom or condition (e.g. daytime sleepiness, "
                          "insomnia, hypertension, heart disease, stroke), and none is documented.",
                          "Document the qualifying symptom or condition (and its diagnosis code), "
                          "or do not bill the appliance to this payer.")
    if events is None:
        yield finding("warning", f"The sleep study's number of respiratory events is not documented; "
                      f"for {criterion} {payer} needs at least {needed}.",
                      "Attach the page of the sleep study with the total events (apneas plus hypopneas), "
                      "or confirm the number read from it.")
    elif events[0] < needed:
        yield finding("error", f"The sleep study records {_number(events[0])} respiratory events; for {criterion} "
                      f"{payer} needs at least {needed} (short by {_number(needed - events[0])}).",
                      "The study does not qualify; ask the physician about a longer or new study.")


RULES = (check_ahi_threshold,)
