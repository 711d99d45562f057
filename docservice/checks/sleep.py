"""The payer's sleep-test criteria for an oral appliance (Medicare L33611 by default), from the crosswalk."""
from __future__ import annotations

from collections.abc import Iterator

from docservice.checks.context import CheckContext
from docservice.checks.diagnoses import matches_prefix
from docservice.checks.evidence import fact_evidence, line_evidence
from docservice.checks.findings import Finding

SEVERITY_FACTS = ("ahi", "rdi")


def sleep_test_line(ctx: CheckContext):
    """(position, line) of the first line whose code's own crosswalk rules ask for the AHI, else None.

    Which codes those are is data (attachment and element rules), not a list here.
    """
    for position, line in ctx.numbered_lines():
        codes = tuple(c for c in (line.code, line.cdt) if c)
        attachments = ctx.billing.attachments_for(codes, ())
        elements = ctx.billing.elements_for(codes, ())
        if any(set(SEVERITY_FACTS) & set(rule.requires) for rule in attachments) or \
                any(rule.fact in SEVERITY_FACTS for rule in elements):
            return position, line
    return None


def severity_index(ctx: CheckContext):
    """The AHI (or, failing that, the RDI) the documents give, and its fact."""
    for name in SEVERITY_FACTS:
        numbers = [(float(f.value), f) for f in ctx.present(name) if isinstance(f.value, (int, float))]
        if numbers:
            return name.upper(), *max(numbers, key=lambda pair: pair[0])
    return None


def low_range_support(ctx: CheckContext, criteria) -> list[dict]:
    """Evidence of a listed symptom or condition (facts, or ICD prefixes on the claim or problem list)."""
    listed = set(criteria.low_symptoms)
    evidence = [fact_evidence(f) for name in ("sleep_symptom", "comorbidity") for f in ctx.present(name)
                if f.value in listed]
    codes = [d.get("code", "") for d in ctx.diagnoses] + [p.icd10 for p in ctx.case.problems]
    evidence += [{"kind": "diagnosis", "id": code, "code": code} for code in dict.fromkeys(codes)
                 if code and matches_prefix(code, criteria.low_icd_prefixes)]
    return evidence


def _number(value: float) -> str:
    return f"{value:g}"


def check_ahi_threshold(ctx: CheckContext) -> Iterator[Finding]:
    """sleep-ahi-threshold: (1) AHI/RDI >= ahi_min with >= events_min events, or (2) ahi_low_min..ahi_min-
    with >= events_low_min events plus a listed symptom or condition. Says which criterion failed and
    by how much; when the event count is not documented, warns instead."""
    found_line = sleep_test_line(ctx)
    index = severity_index(ctx)
    if found_line is None or index is None:
        return  # no appliance billed, or no AHI at all (attachment and element checks say so)
    position, line = found_line
    name, value, fact = index
    c = ctx.payer.sleep
    events_fact = ctx.first("respiratory_events")
    events = events_fact.value if events_fact and isinstance(events_fact.value, (int, float)) else None
    evidence = [fact_evidence(fact), line_evidence(line, position)]
    evidence += [fact_evidence(events_fact)] if events_fact else []
    evidence.append({"kind": "crosswalk", "id": f"payer:{ctx.payer.id}", "source": getattr(ctx.payer, "source", ""),
                     "ahi_min": c.ahi_min, "events_min": c.events_min, "ahi_low_min": c.ahi_low_min,
                     "events_low_min": c.events_low_min})
    payer = ctx.payer.label or ctx.payer.id

    def finding(severity: str, message: str, fix: str) -> Finding:
        return Finding("sleep-ahi-threshold", severity, message, fix, line=position, evidence=evidence)

    if value < c.ahi_low_min:
        yield finding("error", f"{name} {_number(value)} is below {payer}'s minimum of {_number(c.ahi_low_min)} "
                      f"(short by {_number(c.ahi_low_min - value)}); the sleep test does not qualify for an oral appliance.",
                      "Do not bill the appliance to this payer on this study; ask the physician about a new study.")
        return
    if value >= c.ahi_min:
        needed, criterion = c.events_min, f"{name} \u2265 {_number(c.ahi_min)}"
    else:
        needed, criterion = c.events_low_min, f"{name} {_number(c.ahi_low_min)}\u2013{_number(c.ahi_min)}"
        support = low_range_support(ctx, c)
        evidence += support
        if not support:
            yield finding("error", f"{name} {_number(value)} is below {_number(c.ahi_min)} (by {_number(c.ahi_min - value)}); "
                          f"for {criterion} {payer} also needs a listed symptom or condition (e.g. daytime sleepiness, "
                          "insomnia, hypertension, heart disease, stroke), and none is documented.",
                          "Document the qualifying symptom or condition (and its diagnosis code), "
                          "or do not bill the appliance to this payer.")
    if events is None:
        yield finding("warning", f"The sleep study's number of respiratory events is not documented; "
                      f"for {criterion} {payer} needs at least {needed}.",
                      "Attach the page of the sleep study with the total events (apneas plus hypopneas).")
    elif events < needed:
        yield finding("error", f"The sleep study records {_number(events)} respiratory events; for {criterion} "
                      f"{payer} needs at least {needed} (short by {_number(needed - events)}).",
                      "The study does not qualify; ask the physician about a longer or new study.")


RULES = (check_ahi_threshold,)
