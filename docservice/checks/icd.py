"""ICD-10-CM on the claim: valid, billable, 7th character, laterality, external cause for injuries."""
from __future__ import annotations

from collections.abc import Iterator

from crosswalks import icd10
from docservice.checks.context import CheckContext
from docservice.checks.evidence import diagnosis_evidence, fact_evidence
from docservice.checks.findings import Finding
from docservice.models import Fact

SIDES = ("right", "left", "bilateral")


def check_codes(ctx: CheckContext) -> Iterator[Finding]:
    """icd-seventh-character, icd-invalid, icd-not-billable: each diagnosis on the claim.

    The 7th character comes first: "S02.5XX" is not in the code set, but what the biller must
    hear is which character completes it, not that it is no code at all.
    """
    for position, diagnosis in enumerate(ctx.diagnoses, start=1):
        code = diagnosis.get("code", "")
        shown = icd10.display_code(code)
        evidence = [diagnosis_evidence(diagnosis, position)]
        if icd10.needs_seventh_character(code):
            yield report_missing_seventh(code, evidence=evidence)
        elif not icd10.is_valid(code):
            yield Finding("icd-invalid", "error",
                          f"Diagnosis {position} ({shown or 'blank'}) is not an ICD-10-CM code.",
                          "Correct the code or remove it from the claim's diagnoses.", evidence=evidence)
        elif not icd10.is_billable(code):
            yield Finding("icd-not-billable", "error",
                          f"Diagnosis {shown} is a category heading, not a billable code.",
                          "Pick the more specific code under it that matches the documentation.", evidence=evidence)


def report_missing_seventh(code: str, *, evidence: list[dict]) -> Finding:
    """The 7th characters the code's category takes, from the code set, e.g. "(A, D or S)"."""
    characters = icd10.seventh_characters(code)
    letters = list(characters)
    listed = letters[0] if len(letters) == 1 else f"{', '.join(letters[:-1])} or {letters[-1]}"
    shown = icd10.display_code(code)
    example = icd10.normalize(icd10.bare(code).ljust(6, "X") + letters[0])
    return Finding("icd-seventh-character", "error",
                   f"Diagnosis {shown} needs a 7th character ({listed}).",
                   f"Complete it with placeholder X and the 7th character for this visit, e.g. {example} "
                   f"({letters[0]}: {characters[letters[0]]}).", evidence=evidence)


def documented_sides(ctx: CheckContext) -> list[tuple[str, Fact]]:
    """Sides the documents state: `side` facts and the side of joint sounds."""
    found = [(f.value, f) for f in ctx.present("side") if f.value in SIDES]
    for fact in ctx.present("joint_sounds"):
        side = fact.value.get("side") if isinstance(fact.value, dict) else None
        if side in SIDES:
            found.append((side, fact))
    return found


def check_laterality(ctx: CheckContext) -> Iterator[Finding]:
    """icd-laterality: a code with sides billed as "unspecified side", or as another side than the one the
    case's evidence uses (the problem list says left, every exam says right)."""
    sides = documented_sides(ctx)
    used = ctx.evidence.get("side")
    for position, diagnosis in enumerate(ctx.diagnoses, start=1):
        code = diagnosis.get("code", "")
        side = icd10.laterality(code) if icd10.is_valid(code) else None
        if side in SIDES and used.value in SIDES and used.value != side:
            # No document names the code's side: wrong. Some do, against most: the side is to be confirmed.
            named_anywhere = any(found == side for found, _ in sides)
            yield Finding("icd-laterality", "warning" if named_anywhere else "error",
                          f"Diagnosis {icd10.normalize(code)} is the {side} side's code, but the documents give "
                          f"the {used.value} side ({used.why}).",
                          f"Use the {used.value} code of {icd10.normalize(code)}'s family, or correct the side on "
                          "the case's evidence page if the documents are wrong.",
                          evidence=[diagnosis_evidence(diagnosis, position), fact_evidence(used.reading)])
            continue
        if side != "unspecified":
            continue
        evidence = [diagnosis_evidence(diagnosis, position)]
        if sides:
            named = sorted({side for side, _ in sides})
            evidence += [fact_evidence(fact) for _, fact in sides]
            yield Finding("icd-laterality", "error",
                          f"Diagnosis {icd10.normalize(code)} says the side is unspecified, "
                          f"but the documents give the side: {', '.join(named)}.",
                          f"Use the {' or '.join(named)} code of {icd10.normalize(code)}'s family.",
                          evidence=evidence)
        else:
            yield Finding("icd-laterality", "warning",
                          f"Diagnosis {icd10.normalize(code)} says the side is unspecified; "
                          "payers often deny codes without a side.",
                          "Record which side (right, left or both) in the exam note and use that side's code.",
                          evidence=evidence)


def check_external_cause(ctx: CheckContext) -> Iterator[Finding]:
    """icd-external-cause: an injury claim without a V00-Y99 code saying how it happened."""
    codes = [d.get("code", "") for d in ctx.diagnoses]
    valid = [code for code in codes if icd10.is_valid(code)]
    injuries = [code for code in valid if icd10.is_injury(code)]
    if not injuries or any(icd10.is_external_cause(code) for code in valid):
        return
    evidence = [diagnosis_evidence(d, p) for p, d in enumerate(ctx.diagnoses, start=1) if d.get("code") in injuries]
    evidence += [fact_evidence(f) for f in ctx.present("injury_mechanism")[:1]]
    yield Finding("icd-external-cause", "warning",
                  "The claim has an injury diagnosis but no external-cause code saying how, where and when "
                  "it happened.",
                  "Add an external-cause code (V00-Y99) for the mechanism, e.g. W01.0XXA for a fall, "
                  "after the injury codes.", evidence=evidence)


RULES = (check_codes, check_laterality, check_external_cause)
