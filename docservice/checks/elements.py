"""Documentation elements (crosswalk element rules): missing, denied, or only past history."""
from __future__ import annotations

from collections.abc import Iterator

from docservice.checks.context import CheckContext
from docservice.checks.evidence import crosswalk_evidence, fact_evidence
from docservice.checks.findings import Finding
from docservice.checks.wording import subject_of


def check_elements(ctx: CheckContext) -> Iterator[Finding]:
    """element-missing and element-contradicted, negation-aware.

    Present (neither denied nor past history) satisfies the rule. Denied only: contradicted, or
    missing where the rule says a denial means "not done" (`denied_means: missing`).
    Present in one place and denied in another: a warning to reconcile the documents. Only past
    history: missing, but as a warning, since a prior therapy is history by nature.
    """
    for rule in ctx.billing.elements_for(ctx.billed_codes(), tuple(sorted(ctx.categories))):
        subject, position, _ = subject_of(ctx, rule.codes, rule.categories)
        base = [crosswalk_evidence(rule, fact=rule.fact)]
        present, denied = ctx.present(rule.fact), ctx.denied(rule.fact)
        label = rule.label or rule.fact.replace("_", " ")
        if present and denied:
            yield Finding("element-contradicted", "warning",
                          f"The documents disagree on {label}: stated in one place, denied in another.",
                          "Reconcile the notes so they tell one story before sending the claim.", line=position,
                          evidence=base + [fact_evidence(f) for f in present[:1] + denied])
        elif denied and rule.denied_means == "missing":
            yield Finding("element-missing", rule.severity,
                          rule.message or f"{label[0].upper()}{label[1:]} is not documented.",
                          rule.fix or f"Document {label} in the chart note or attach the record that shows it.",
                          line=position, evidence=base + [fact_evidence(f) for f in denied])
        elif denied:
            yield Finding("element-contradicted", rule.severity,
                          f"{label[0].upper()}{label[1:]} is documented as denied or absent"
                          f"{page_of(denied[0])}, but {subject[0].lower() + subject[1:] if position is None else subject} needs it.",
                          rule.fix or "Check the note: if the denial is wrong, correct it; otherwise this "
                          "service is not supported.", line=position,
                          evidence=base + [fact_evidence(f) for f in denied])
        elif not present:
            history = ctx.historical(rule.fact)
            if history:
                yield Finding("element-missing", "warning",
                              f"{label[0].upper()}{label[1:]} is mentioned only as past history.",
                              "Confirm in the current note that it still applies.", line=position,
                              evidence=base + [fact_evidence(f) for f in history])
            else:
                yield Finding("element-missing", rule.severity,
                              rule.message or f"{label[0].upper()}{label[1:]} is not documented.",
                              rule.fix or f"Document {label} in the chart note or attach the record that shows it.",
                              line=position, evidence=base)


def page_of(fact) -> str:
    """" (document 12, page 2)": where a fact was read, without quoting its words."""
    if fact.document_id is None:
        return " (appointment note)"
    return f" (document {fact.document_id}" + (f", page {fact.page})" if fact.page else ")")


RULES = (check_elements,)
