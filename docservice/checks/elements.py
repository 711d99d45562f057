"""Documentation elements (crosswalk element rules) and the findings a claim's diagnoses rest on:
missing, contradicted by the documents, or only past history.

What is documented, denied or past is the case's evidence (docservice/evidence); a person's word on
a value (confirmed, corrected, entered) settles a disagreement between documents.
"""
from __future__ import annotations

from collections.abc import Iterator

from docservice.checks.context import CheckContext
from docservice.checks.evidence import crosswalk_evidence, diagnosis_evidence, fact_evidence, line_evidence
from docservice.checks.findings import Finding
from docservice.checks.wording import subject_of


def check_elements(ctx: CheckContext) -> Iterator[Finding]:
    """element-missing and element-contradicted, negation-aware.

    Documented (the evidence's one definition) satisfies the rule. Denied, or documented in one
    place and denied in another: contradicted, an error whatever the rule's severity (a claim resting
    on a finding its own records deny is not ready) - or missing where the rule says a denial means
    "not done" (`denied_means: missing`). Only past history: missing, but as a warning, since a
    prior therapy is history by nature.
    """
    for rule in ctx.billing.elements_for(ctx.billed_codes(), tuple(sorted(ctx.categories))):
        if any(ctx.evidence.get(other).documented for other in rule.or_facts):
            continue  # another documented finding meets the same need (`or_facts`)
        subject, position, _ = subject_of(ctx, rule.codes, rule.categories)
        base = [crosswalk_evidence(rule, fact=rule.fact)]
        resolved = ctx.evidence.get(rule.fact)
        documented, contradictions = resolved.documented, resolved.contradictions
        label = rule.label or rule.fact.replace("_", " ")
        title = f"{label[0].upper()}{label[1:]}"
        if rule.denied_means == "missing":
            if documented:
                continue
            denied = resolved.contradictions or resolved.denied
            if denied:
                yield Finding("element-missing", rule.severity, rule.message or f"{title} is not documented.",
                              rule.fix or f"Document {label} in the chart note or attach the record that shows it.",
                              line=position, evidence=base + [fact_evidence(f) for f in denied])
                continue
        elif contradictions and documented:
            yield Finding("element-contradicted", "error",
                          f"The documents disagree on {label}: stated in one place, denied in another"
                          f"{page_of(contradictions[0])}.",
                          "Reconcile the notes so they tell one story before sending the claim, or confirm the "
                          "right value on the case's evidence page.", line=position,
                          evidence=base + [fact_evidence(f) for f in documented[:1] + contradictions])
            continue
        elif contradictions:
            yield Finding("element-contradicted", "error",
                          f"{title} is documented as denied or absent{page_of(contradictions[0])}, but "
                          f"{subject[0].lower() + subject[1:] if position is None else subject} needs it.",
                          rule.fix or "Check the note: if the denial is wrong, correct it; otherwise this "
                          "service is not supported.", line=position,
                          evidence=base + [fact_evidence(f) for f in contradictions])
            continue
        if documented:
            continue
        history = resolved.past
        if history:
            yield Finding("element-missing", "warning", f"{title} is mentioned only as past history.",
                          "Confirm in the current note that it still applies.", line=position,
                          evidence=base + [fact_evidence(f) for f in history])
        else:
            yield Finding("element-missing", rule.severity, rule.message or f"{title} is not documented.",
                          rule.fix or f"Document {label} in the chart note or attach the record that shows it.",
                          line=position, evidence=base)


def check_diagnoses_contradicted(ctx: CheckContext) -> Iterator[Finding]:
    """element-contradicted (error): a line rests on a diagnosis the documents deny ("no TMD found"), or
    on a finding that diagnosis stands for which they deny (arthralgia with "denies jaw pain", a disc
    displacement with "no clicking"); crosswalk evidence.yaml says which findings each diagnosis rests on."""
    covered = {rule.fact for rule in ctx.billing.elements_for(ctx.billed_codes(), tuple(sorted(ctx.categories)))}
    reported: set[tuple] = set()
    for position, line in ctx.numbered_lines():
        for pointer, diagnosis in ctx.pointed(line):
            code = diagnosis.get("code", "")
            base = [line_evidence(line, position), diagnosis_evidence(diagnosis, pointer)]
            denial = ctx.evidence.diagnoses.denial_of(code)
            if denial is not None and ("dx", code) not in reported:
                reported.add(("dx", code))
                yield Finding("element-contradicted", "error",
                              f"{ctx.describe_line(position, line).capitalize()}, rests on diagnosis {code}, which "
                              f"the documents deny ({denial.cite()}: \"{denial.words}\").",
                              "Check the chart: if the denial is right, this service is not supported; otherwise "
                              "correct the document that denies it.", line=position,
                              evidence=base + [{"kind": "document", "id": denial.document_id, "page": denial.page,
                                                "snippet": denial.snippet}])
            for words in ctx.rules.diagnosis_words_for(code):
                for name in words.findings:
                    contradictions = ctx.evidence.get(name).contradictions
                    if name in covered or not contradictions or (code, name) in reported:
                        continue
                    reported.add((code, name))
                    label = ctx.rules.label(name)
                    yield Finding("element-contradicted", "error",
                                  f"{ctx.describe_line(position, line).capitalize()}, rests on {code}, which stands "
                                  f"for {label}; the documents deny it{page_of(contradictions[0])}.",
                                  "Check the note: if the denial is wrong, correct it (or confirm the finding on the "
                                  "case's evidence page); otherwise the diagnosis and this service are not supported.",
                                  line=position, evidence=base + [crosswalk_evidence(words)]
                                  + [fact_evidence(f) for f in contradictions])


def page_of(fact) -> str:
    """" (document 12, page 2)": where a reading came from, without quoting its words."""
    if getattr(fact, "source", "") == "person":
        return " (a person's word)"
    if fact.document_id is None:
        return " (appointment note)"
    return f" (document {fact.document_id}" + (f", page {fact.page})" if fact.page else ")")


RULES = (check_elements, check_diagnoses_contradicted)
