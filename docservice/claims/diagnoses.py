"""The claim's diagnosis list (≤ 12, principal first) and each line's pointers (≤ 4).

Problems come first, normalised but kept even when invalid (the checks flag them). For a line no
problem supports, a diagnosis the documents write (its code, or its words in an impression or
diagnosis section: the case's evidence) comes next; a crosswalk hint only where the documents give
none either, marked so a person confirms it (unless the documents name it). The
principal is the diagnosis supporting the first line; a line points at up to 4 diagnoses that
support it (by the crosswalk's support rule), principal first.
"""
from __future__ import annotations

from collections.abc import Sequence

from crosswalks import icd10
from docservice.case_terms import ordered_case_categories
from docservice.evidence import Evidence
from docservice.models import Case, ClaimLine

MAX_DIAGNOSES = 12
MAX_POINTERS = 4


def propose_diagnoses(case: Case, lines: Sequence[ClaimLine], billing, *,
                      evidence: Evidence) -> tuple[list[dict], str]:
    """(diagnoses, why): the list before pointers are set; `set_pointers` uses the same list."""
    diagnoses = _problem_diagnoses(case)
    for line in lines:
        if not any(supports(billing, line.code, dx["code"]) for dx in diagnoses):
            found = _documented_for(line.code, billing, evidence) or _hint_for(case, line.code, billing, evidence)
            if found and all(dx["code"] != found["code"] for dx in diagnoses):
                diagnoses.append(found)
    principal = next(
        (dx for line in lines[:1] for dx in diagnoses if supports(billing, line.code, dx["code"])), None
    )
    if principal is not None:
        diagnoses.remove(principal)
        diagnoses.insert(0, principal)
    why = (
        f"principal {principal['code']} supports the first line ({lines[0].code})"
        if principal
        else "no diagnosis supports the first line; confirm the principal diagnosis"
    )
    return _limit(diagnoses, lines, billing, why)


def supports(billing, code: str, icd: str) -> bool:
    """Whether a diagnosis supports a claim code: by its support rule; with no rule, any
    diagnosis but an external-cause code (those explain an injury, they never carry a line)."""
    if icd10.is_external_cause(icd):
        return False
    rule = billing.support_rule(code)
    return rule is None or rule.supported_by(icd)


def set_pointers(lines: Sequence[ClaimLine], diagnoses: Sequence[dict], billing) -> None:
    """Point each line at up to 4 supporting diagnoses (list order, so the principal comes first)."""
    for line in lines:
        positions = [i for i, dx in enumerate(diagnoses, start=1) if supports(billing, line.code, dx["code"])]
        if positions:
            line.pointers = positions[:MAX_POINTERS]
            codes = ", ".join(diagnoses[i - 1]["code"] for i in line.pointers)
            why = f"{codes} support {line.code}"
        elif diagnoses:
            line.pointers = [1]
            why = f"no diagnosis on the claim supports {line.code}; points at the principal — add a supporting diagnosis"
        else:
            line.pointers = []
            why = "no diagnosis on the claim; add one"
        line.why = {**line.why, "pointers": why}


def _problem_diagnoses(case: Case) -> list[dict]:
    diagnoses: list[dict] = []
    for problem in case.problems:
        code = icd10.normalize(problem.icd10)
        if not code or any(dx["code"] == code for dx in diagnoses):
            continue
        valid = icd10.is_valid(code)
        diagnoses.append(
            {
                "code": code,
                "label": icd10.description(code) if valid else (problem.name or "")[:120],
                "why": "on the patient's problem list"
                + ("" if valid else " (not a valid ICD-10-CM code: correct it)"),
                "source": "problem",
            }
        )
    return diagnoses


def _documented_for(code: str, billing, evidence: Evidence) -> dict | None:
    """A billable code the documents write that supports `code`."""
    for written in evidence.diagnoses.codes():
        if icd10.is_billable(written) and supports(billing, code, written):
            where = evidence.diagnoses.source_of(written)
            return {"code": icd10.normalize(written), "label": icd10.description(written)[:120],
                    "why": f"written in {where.cite()}; not on the problem list", "source": "document"}
    return None


def _hint_for(case: Case, code: str, billing, evidence: Evidence) -> dict | None:
    """The crosswalk's typical diagnosis for the case's categories that would support `code`; documented
    when the documents name it in words ("obstructive sleep apnea" in an impression), else to confirm."""
    for category in ordered_case_categories(case):  # the main category's hint first
        for hint in billing.diagnoses(category):
            if supports(billing, code, hint.code):
                where = evidence.diagnoses.source_of(hint.code)
                if where is not None:
                    return {"code": icd10.normalize(hint.code), "label": hint.label, "source": "document",
                            "why": f"the documents name it: \"{where.words}\" ({where.cite()}); "
                                   "not on the problem list"}
                return {
                    "code": icd10.normalize(hint.code),
                    "label": hint.label,
                    "why": f"typical for {category} cases with {code}; not on the problem list — confirm",
                    "source": "crosswalk",
                }
    return None


def _limit(diagnoses: list[dict], lines: Sequence[ClaimLine], billing, why: str) -> tuple[list[dict], str]:
    """At most 12: the principal, then diagnoses some line needs, then the rest, in list order."""
    if len(diagnoses) <= MAX_DIAGNOSES:
        return diagnoses, why
    needed = [dx for dx in diagnoses[1:] if any(supports(billing, line.code, dx["code"]) for line in lines)]
    rest = [dx for dx in diagnoses[1:] if dx not in needed]
    kept = [dx for dx in diagnoses if dx is diagnoses[0] or dx in (needed + rest)[: MAX_DIAGNOSES - 1]]
    dropped = [dx["code"] for dx in diagnoses if dx not in kept]
    return kept, f"{why}; only {MAX_DIAGNOSES} fit, left off {', '.join(dropped)}"
