"""Build the proposed medical claim of a case (pure: reads the case, never touches a session).

Each procedure with crosswalk candidates becomes a line (code chosen by the resolved conditions,
units, charge, modifiers, tooth, date); a procedure without candidates (routine dental) is left
off with why. Then diagnoses and pointers, the claim-wide 25 rule, and the header fields.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from docservice.case_terms import medical_plan
from docservice.claims.choice import choose_candidate, count_units
from docservice.claims.conditions import resolve_conditions
from docservice.claims.diagnoses import propose_diagnoses, set_pointers
from docservice.claims.fields import Practice, propose_fields
from docservice.claims.modifiers import add_same_day_em, propose_modifiers
from docservice.claims.vocabulary import Vocabulary, load_vocabulary
from docservice.evidence import Evidence, case_evidence, wording_of
from docservice.models import Case, Claim, ClaimLine, Fact, Procedure

DEFAULT_PAYER = "default"


def build_claim(case: Case, facts: Sequence[Fact], crosswalk, *, practice: Practice | None = None,
                evidence: Evidence | None = None) -> Claim:
    """A new, unsaved Claim with its lines, every value with why (see `save_claim` to store it).

    Every documented value comes from the case's one evidence resolution (`evidence`, else resolved
    here from `facts`): the same one the checks and the narrative read.
    """
    billing = crosswalk.billing
    vocabulary = load_vocabulary()
    if evidence is None:
        evidence = case_evidence(case, facts, crosswalk)
    wording = wording_of(crosswalk)
    plan = medical_plan(case)
    payer = billing.payer(plan.carrier, plan.plan) if plan else _default_payer(billing)
    claim = Claim(form="cms1500", payer=payer.id, diagnoses=[], fields={}, why={}, edited=[])
    claim.why["payer"] = (
        f"payer rules {payer.id} for carrier of the medical plan on file"
        if plan
        else "no medical plan on file; the default payer's rules are assumed"
    )
    lines: list[ClaimLine] = []
    left_off: list[dict] = []
    for procedure, service_date in _procedures_by_date(case):
        line, why = _build_line(case, procedure, evidence, payer=payer, billing=billing, vocabulary=vocabulary,
                                wording=wording, service_date=service_date)
        if line is None:
            left_off.append({"cdt": procedure.code, "why": why})
        else:
            line.position = len(lines)
            lines.append(line)
    add_same_day_em(lines, billing)
    claim.diagnoses, claim.why["diagnoses"] = propose_diagnoses(case, lines, billing, evidence=evidence)
    set_pointers(lines, claim.diagnoses, billing)
    dme_lines = [line for line in lines if _code_is(billing, line.code, "dme")]
    header = propose_fields(case, evidence, lines, plan=plan, practice=practice or Practice(),
                            dme_lines=dme_lines, vocabulary=vocabulary)
    claim.fields, claim.why = {**header.values}, {**claim.why, **header.why}
    if left_off:
        claim.fields["left_off"] = left_off
        claim.why["left_off"] = "procedures with no medical code in the crosswalk stay on the dental claim"
    claim.lines = lines
    return claim


def _procedures_by_date(case: Case) -> list[tuple[Procedure, date | None]]:
    """The case appointment's procedures with its date, then each later visit's with the visit's date.

    A visit's procedures are JSON on the visit, not rows: they are read as unsaved Procedure objects
    (no id, so their lines match a stored line by code and tooth)."""
    result = [(procedure, _own_date(case)) for procedure in case.procedures]
    for visit in case.visits:
        day = visit.apt_start.date() if visit.apt_start else None
        for item in visit.procedures or ():
            fee = item.get("fee")
            procedure = Procedure(
                proc_num=item.get("proc_num"), code=item["code"], tooth=item.get("tooth") or "",
                surface=item.get("surface") or "", descript=item.get("descript") or "",
                fee=Decimal(str(fee)) if fee is not None else None,
            )
            result.append((procedure, day))
    return result


def _build_line(case: Case, procedure: Procedure, evidence: Evidence, *, payer, billing,
                vocabulary: Vocabulary, wording, service_date: date | None) -> tuple[ClaimLine | None, str]:
    candidates = billing.candidates(procedure.code)
    if not candidates:
        return None, f"no medical code for {procedure.code} in the crosswalk: a dental-plan procedure"
    conditions = resolve_conditions(procedure, evidence, payer, vocabulary=vocabulary, wording=wording)
    choice = choose_candidate(procedure, candidates, conditions, vocabulary)
    if choice.candidate is None:
        return None, choice.why
    candidate = choice.candidate
    units, units_why = count_units(candidate.units, procedure, evidence, vocabulary)
    modifiers, modifiers_why = propose_modifiers(
        candidate, billing.modifier_rules_for(candidate.code), conditions, payer,
        evidence=evidence, service_date=service_date, vocabulary=vocabulary,
    )
    description, description_why = _description(procedure, candidate, billing)
    line = ClaimLine(
        procedure_id=procedure.id, cdt=procedure.code, code=candidate.code, system=candidate.system,
        modifiers=modifiers, units=units, charge=procedure.fee, pointers=[], description=description,
        tooth=procedure.tooth or "", service_date=service_date,
        rule=candidate.id, edited=[],
    )
    line.why = {
        "code": choice.why,
        "units": units_why,
        "modifiers": modifiers_why,
        "charge": f"the fee of {procedure.code} in the dental chart" if procedure.fee is not None
        else f"no fee recorded for {procedure.code}",
        "service_date": "the appointment's date" if service_date == _own_date(case) else "the later visit's date",
        "description": description_why,
    }
    if procedure.tooth:
        line.why["tooth"] = f"tooth {procedure.tooth} of {procedure.code}"
    return line, choice.why


def _own_date(case: Case) -> date | None:
    return case.apt_start.date() if case.apt_start else None


def _description(procedure: Procedure, candidate, billing) -> tuple[str, str]:
    """An unlisted code needs words saying what was done: the chart's own description, to edit."""
    if _code_is(billing, candidate.code, "unlisted"):
        if procedure.descript:
            return procedure.descript[:255], "unlisted code: the chart's description of the procedure — make it specific"
        return "", "unlisted code: describe the procedure (the chart gives no description)"
    return billing.label(candidate.code)[:255], "our short label for the code"


def _default_payer(billing):
    return next((payer for payer in billing.payers if payer.id == DEFAULT_PAYER), None) or billing.payer("")


def _code_is(billing, code: str, flag: str) -> bool:
    medical = billing.code(code)
    return bool(medical and getattr(medical, flag))
