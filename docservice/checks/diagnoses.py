"""Diagnoses against lines: support rules, pointers, unused and unconfirmed diagnoses, claim limits."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from docservice.checks.context import CheckContext
from docservice.checks.evidence import crosswalk_evidence, diagnosis_evidence, line_evidence
from docservice.checks.findings import Finding

MAX_DIAGNOSES = 12  # CMS-1500 box 21 A-L
MAX_POINTERS = 4  # box 24E


def bare(code: str) -> str:
    return (code or "").replace(".", "").strip().upper()


def matches_prefix(code: str, prefixes: Iterable[str]) -> bool:
    """Does the code fall under one of these ICD-10-CM prefixes (dots ignored)?"""
    return any(bare(code).startswith(bare(prefix)) for prefix in prefixes if prefix)


def check_support(ctx: CheckContext) -> Iterator[Finding]:
    """dx-does-not-support: the diagnoses a line points at do not justify its code (crosswalk support rules)."""
    for position, line in ctx.numbered_lines():
        rule = ctx.billing.support_rule(line.code) or (ctx.billing.support_rule(line.cdt) if line.cdt else None)
        pointed = ctx.pointed_codes(line)
        if rule is None or not pointed or any(matches_prefix(code, rule.icd_prefixes) for code in pointed):
            continue
        wanted = ", ".join(rule.icd_prefixes[:6]) + (", ..." if len(rule.icd_prefixes) > 6 else "")
        on_claim = [(p, d) for p, d in enumerate(ctx.diagnoses, start=1) if matches_prefix(d.get("code", ""), rule.icd_prefixes)]
        fix = (f"Point the line at diagnosis {on_claim[0][0]} ({on_claim[0][1].get('code')})."
               if on_claim else f"Add the documented diagnosis (one of {wanted}) and point the line at it, "
               "or remove the line if the documents do not support it.")
        yield Finding("dx-does-not-support", "error",
                      f"{ctx.describe_line(position, line).capitalize()}, points only at {', '.join(pointed)}, "
                      f"which does not support it ({rule.label or 'see the crosswalk rule'})."
                      + (f" {rule.message}" if rule.message else ""),
                      fix, line=position,
                      evidence=[line_evidence(line, position), crosswalk_evidence(rule, prefixes=list(rule.icd_prefixes))])


def check_pointers(ctx: CheckContext) -> Iterator[Finding]:
    """line-no-pointer and claim-limits (more than 12 diagnoses, 4 pointers, or a pointer out of range)."""
    diagnoses = ctx.diagnoses
    if len(diagnoses) > MAX_DIAGNOSES:
        yield Finding("claim-limits", "error",
                      f"The claim lists {len(diagnoses)} diagnoses; a CMS-1500 holds at most {MAX_DIAGNOSES}.",
                      "Keep the diagnoses the lines point at and drop the rest.",
                      evidence=[diagnosis_evidence(d, p) for p, d in enumerate(diagnoses, start=1)][MAX_DIAGNOSES:])
    for position, line in ctx.numbered_lines():
        pointers = list(line.pointers or [])
        evidence = [line_evidence(line, position)]
        if not pointers:
            yield Finding("line-no-pointer", "error",
                          f"{ctx.describe_line(position, line).capitalize()}, points at no diagnosis.",
                          "Point the line at the diagnosis (or diagnoses) it treats, principal first.",
                          line=position, evidence=evidence)
            continue
        if len(pointers) > MAX_POINTERS:
            yield Finding("claim-limits", "error",
                          f"Line {position} points at {len(pointers)} diagnoses; a line holds at most {MAX_POINTERS}.",
                          "Keep the four diagnoses that best support the line.", line=position, evidence=evidence)
        outside = [p for p in pointers if not isinstance(p, int) or not 1 <= p <= len(diagnoses)]
        if outside:
            yield Finding("claim-limits", "error",
                          f"Line {position} points at diagnosis {', '.join(map(str, outside))}, "
                          f"but the claim lists {len(diagnoses)}.",
                          "Point the line at diagnoses that are on the claim.", line=position, evidence=evidence)


def check_unused(ctx: CheckContext) -> Iterator[Finding]:
    """dx-unused: a diagnosis no line points at."""
    if not ctx.lines:
        return
    pointed = {p for line in ctx.lines for p in line.pointers or []}
    for position, diagnosis in enumerate(ctx.diagnoses, start=1):
        if position not in pointed:
            yield Finding("dx-unused", "warning",
                          f"Diagnosis {position} ({diagnosis.get('code', '')}) is on the claim but no line points at it.",
                          "Point the line it supports at it, or remove it from the claim.",
                          evidence=[diagnosis_evidence(diagnosis, position)])


def check_unconfirmed(ctx: CheckContext) -> Iterator[Finding]:
    """dx-unconfirmed: a diagnosis only the crosswalk suggested, nobody confirmed."""
    if "diagnoses" in (ctx.claim.edited or []):
        return  # a person set the list: what is on it is confirmed
    for position, diagnosis in enumerate(ctx.diagnoses, start=1):
        if diagnosis.get("source") == "crosswalk":
            yield Finding("dx-unconfirmed", "warning",
                          f"Diagnosis {position} ({diagnosis.get('code', '')}) is only the usual code for this "
                          "kind of case; no problem list entry, document or person confirmed it.",
                          "Confirm it against the chart (or replace it with the documented diagnosis).",
                          evidence=[diagnosis_evidence(diagnosis, position)])


RULES = (check_support, check_pointers, check_unused, check_unconfirmed)
