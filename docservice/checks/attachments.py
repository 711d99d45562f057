"""Required attachments (crosswalk attachment rules): missing, or there but lacking a required fact."""
from __future__ import annotations

from collections.abc import Iterator

from docservice.checks.context import CheckContext
from docservice.checks.evidence import crosswalk_evidence, document_evidence, fact_evidence, line_evidence
from docservice.checks.findings import Finding
from docservice.checks.wording import subject_of, with_article


def check_attachments(ctx: CheckContext) -> Iterator[Finding]:
    """attachment-missing and attachment-incomplete.

    A document counts when its kind matches and OCR finished with it; it is complete when each
    fact the rule requires was read from it (a reading that counts: the evidence's one definition).
    """
    for rule in ctx.billing.attachments_for(ctx.billed_codes(), tuple(sorted(ctx.categories))):
        subject, position, lines = subject_of(ctx, rule.codes, rule.categories)
        base = [crosswalk_evidence(rule, document_kind=rule.document_kind, pwk=rule.pwk)]
        base += [line_evidence(line, position) for line in lines]
        documents = ctx.documents.get(rule.document_kind, ())
        if not documents and (signed_narrative_serves(ctx, rule) or shown_elsewhere(ctx, rule)):
            continue
        if not documents:
            yield Finding("attachment-missing", rule.severity,
                          f"{subject[0].upper()}{subject[1:]} needs {with_article(rule.label)}; none is attached.",
                          rule.fix or f"Upload {with_article(rule.label)} to the case.",
                          line=position, evidence=base)
            continue
        ids = {document.id for document in documents}
        for name in rule.requires:
            # What the records show (a person's correction does not make a page show a value).
            shown = ctx.evidence.get(name).readings
            if any(fact.document_id in ids for fact in shown):
                continue
            elsewhere = [fact for fact in shown if fact.document_id not in ids]
            what = name.replace("_", " ")
            message = f"The {rule.label.lower()} is attached but does not show the {what}."
            if elsewhere:
                message += " It was found only in another document."
            yield Finding("attachment-incomplete", rule.severity, message,
                          f"Attach the complete {rule.label.lower()} (the page with the {what}), "
                          "or correct the value read from it.",
                          line=position,
                          evidence=base + [document_evidence(d) for d in documents] + [fact_evidence(f) for f in elsewhere])


def shown_elsewhere(ctx: CheckContext, rule) -> bool:
    """A document of a kind the rule accepts in its place (`shown_in`) shows every fact it requires."""
    stand_ins = {document.id for kind in rule.shown_in for document in ctx.documents.get(kind, ())}
    return bool(stand_ins) and all(any(fact.document_id in stand_ins for fact in ctx.evidence.get(name).readings)
                                   for name in rule.requires)


def signed_narrative_serves(ctx: CheckContext, rule) -> bool:
    """The case's own narrative, once signed, is the attachment of kind "narrative" (it goes in the packet)."""
    return rule.document_kind == "narrative" and ctx.narrative is not None and ctx.narrative.status == "signed"


RULES = (check_attachments,)
