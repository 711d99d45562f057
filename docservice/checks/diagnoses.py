"""Diagnoses against lines: support rules, pointers, unused and unconfirmed diagnoses, claim limits."""
from __future__ import annotations

from collections.abc import Iterator

from crosswalks import icd10
from docservice.checks.context import CheckContext
from docservice.checks.evidence import crosswalk_evidence, diagnosis_evidence, line_evidence
from docservice.checks.findings import Finding
from docservice.claims.diagnoses import MAX_DIAGNOSES, MAX_POINTERS  # CMS-1500 box 21 A-L, box 24E


def check_support(ctx: CheckContext) -> Iterator[Finding]:
    """dx-does-not-support: the diagnoses a line points at do not justify its code (crosswalk support rules).

    Support resting only on a crosswalk suggestion while the documented diagnoses say something
    else is no support: the suggestion would paper over a real mismatch.
    """
    for position, line in ctx.numbered_lines():
        rule = ctx.billing.support_rule(line.code) or (ctx.billing.support_rule(line.cdt) if line.cdt else None)
        pointed = ctx.pointed(line)
        if not pointed:
            continue
        if rule is None:
            yield from site_mismatch(ctx, position, line, pointed)
            continue
        supporting = [(p, d) for p, d in pointed if icd10.starts_with_any(d.get("code", ""), rule.icd_prefixes)]
        documented = [(p, d) for p, d in enumerate(ctx.diagnoses, start=1) if ctx.confirmed(d)]
        base = [line_evidence(line, position), crosswalk_evidence(rule, prefixes=list(rule.icd_prefixes))]
        subject = ctx.describe_line(position, line).capitalize()
        why = f" ({rule.label})" if rule.label else ""
        if not supporting:
            wanted = ", ".join(rule.icd_prefixes[:6]) + (", ..." if len(rule.icd_prefixes) > 6 else "")
            on_claim = [(p, d) for p, d in enumerate(ctx.diagnoses, start=1) if icd10.starts_with_any(d.get("code", ""), rule.icd_prefixes)]
            fix = (f"Point the line at diagnosis {on_claim[0][0]} ({on_claim[0][1].get('code')})."
                   if on_claim else f"Add the documented diagnosis (one of {wanted}) and point the line at it, "
                   "or remove the line if the documents do not support it.")
            yield Finding("dx-does-not-support", "error",
                          f"{subject}, points only at {', '.join(d.get('code', '') for _, d in pointed)}, "
                          f"which does not support it{why}." + (f" {rule.message}" if rule.message else ""),
                          fix, line=position, evidence=base)
        elif not any(ctx.confirmed(d) for _, d in supporting) and documented:
            yield Finding("dx-does-not-support", "error",
                          f"{subject}, is supported only by the suggested {supporting[0][1].get('code')}; the "
                          f"documented diagnosis ({', '.join(d.get('code', '') for _, d in documented)}) "
                          f"does not support it{why}.",
                          "Check the chart: if the suggested diagnosis is right, confirm it on the claim and the "
                          "problem list; otherwise the documents do not support this service.",
                          line=position, evidence=base + [diagnosis_evidence(d, p) for p, d in supporting + documented])
        else:
            yield from site_mismatch(ctx, position, line, pointed)  # one finding per line is enough


def site_mismatch(ctx: CheckContext, position: int, line, pointed) -> Iterator[Finding]:
    """A site-specific code (lip biopsy) pointed at diagnoses of another site only (a tongue disease)."""
    candidate = next((c for c in ctx.billing.candidates(line.cdt) if c.code == line.code and "site" in c.when), None) \
        if line.cdt else None
    if candidate is None:
        return
    billed = ctx.wording.site_family(candidate.when["site"])
    fitting = ctx.wording.fitting_sites(candidate.when["site"])
    named = [(p, d, ctx.wording.named_sites(icd10.description(d.get("code", "")))) for p, d in pointed]
    if any(fitting & sites or not sites for _, _, sites in named):
        return  # some diagnosis names this site, or names none (a site-neutral lesion code)
    others = sorted({site for _, _, sites in named for site in sites})
    yield Finding("dx-does-not-support", "error",
                  f"{ctx.describe_line(position, line).capitalize()}, is for the {billed.replace('_', ' ')}, but its "
                  f"diagnoses are of the {', '.join(o.replace('_', ' ') for o in others)}.",
                  "Make the code and the diagnosis name the same site: correct the diagnosis to the site treated, "
                  "or the code if the note names another site.",
                  line=position, evidence=[line_evidence(line, position), crosswalk_evidence(candidate)]
                  + [diagnosis_evidence(d, p) for p, d, _ in named])


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
    """dx-unconfirmed: a diagnosis only the crosswalk suggested, that no document names and nobody confirmed."""
    if "diagnoses" in (ctx.claim.edited or []):
        return  # a person set the list: what is on it is confirmed
    for position, diagnosis in enumerate(ctx.diagnoses, start=1):
        if diagnosis.get("source") == "crosswalk" and not ctx.confirmed(diagnosis):
            yield Finding("dx-unconfirmed", "warning",
                          f"Diagnosis {position} ({diagnosis.get('code', '')}) is only the usual code for this "
                          "kind of case; no problem list entry, document or person confirmed it.",
                          "Confirm it against the chart (or replace it with the documented diagnosis).",
                          evidence=[diagnosis_evidence(diagnosis, position)])


RULES = (check_support, check_pointers, check_unused, check_unconfirmed)
