"""Codes on the lines: frenum wording vs code, unlisted codes, modifiers, units, duplicate lines.

How procedures word the frenum operations is crosswalk data (wording.yaml), the same words the claim
builder chose the code with; a criteria modifier (KX) is judged by the one criteria evaluation.
"""
from __future__ import annotations

from collections.abc import Iterator

from crosswalks import CONDITIONS
from docservice.checks.context import CheckContext
from docservice.checks.evidence import crosswalk_evidence, fact_evidence, line_evidence, procedure_evidence
from docservice.checks.findings import Finding
from docservice.checks.sleep import criteria_result
from docservice.evidence.criteria import applies_to_payer, criteria_of, unmet_advice
from docservice.models import ClaimLine, Procedure

ACTIONS = frozenset(CONDITIONS["action"])  # the frenum operations claim codes are chosen by


def procedure_of(ctx: CheckContext, line: ClaimLine) -> Procedure | None:
    for procedure in ctx.case.procedures:
        if (line.procedure_id is not None and procedure.id == line.procedure_id) or \
                (line.procedure_id is None and line.cdt and procedure.code == line.cdt):
            return procedure
    return None


def documented_action(ctx: CheckContext, line: ClaimLine) -> tuple[str, dict] | None:
    """What the documents say was done to the frenum: the fact first, else the procedure's wording."""
    fact = ctx.first("frenum_action")
    if fact is not None and fact.value in ACTIONS:
        return fact.value, fact_evidence(fact)
    procedure = procedure_of(ctx, line)
    if procedure is not None and procedure.descript:
        found = ctx.wording.match_words("action", procedure.descript)
        if found is not None:
            return found[0], procedure_evidence(procedure)
    return None


def actions_of(candidate, candidates) -> set[str]:
    """The frenum actions a candidate stands for: its own `action`, or for the default candidate of a
    code that has action-specific ones, every action those do not take (D7962's default is the excision)."""
    if "action" in candidate.when:
        return {candidate.when["action"]}
    taken = {c.when["action"] for c in candidates if "action" in c.when}
    return set(ACTIONS) - taken if taken else set()


def candidate_for(action: str, candidates):
    """The candidate to bill for a documented action: the one naming it, else the default that covers it."""
    return next((c for c in candidates if action in actions_of(c, candidates)), None)


def check_frenum_wording(ctx: CheckContext) -> Iterator[Finding]:
    """code-frenum-wording: the line's code was chosen for one action, the documents describe another."""
    for position, line in ctx.numbered_lines():
        candidates = ctx.billing.candidates(line.cdt) if line.cdt else ()
        billed = next((c for c in candidates if c.id == line.rule and c.code == line.code), None) or \
            next((c for c in candidates if c.code == line.code), None)
        billed_actions = actions_of(billed, candidates) if billed else set()
        documented = documented_action(ctx, line) if billed_actions else None
        if documented is None or documented[0] in billed_actions:
            continue
        action, evidence = documented
        better = candidate_for(action, candidates)
        meant = " or ".join(ctx.wording.label("action", a) for a in sorted(billed_actions))
        yield Finding("code-frenum-wording", "error",
                      f"{ctx.describe_line(position, line).capitalize()}, is the code for {meant}, "
                      f"but the documents describe {ctx.wording.label('action', action)}.",
                      (f"Bill {better.code} instead, or correct the note if it is wrong." if better
                       else "Make the code and the note describe the same operation."),
                      line=position, evidence=[line_evidence(line, position), evidence, crosswalk_evidence(billed)])


def check_unlisted(ctx: CheckContext) -> Iterator[Finding]:
    """code-unlisted-description: an unlisted code (e.g. 41899, 21299) needs a description of the service."""
    for position, line in ctx.numbered_lines():
        medical = ctx.medical_code(line.code)
        if medical is not None and medical.unlisted and not (line.description or "").strip():
            yield Finding("code-unlisted-description", "error",
                          f"{line.code} on line {position} is an unlisted code; the payer needs a description "
                          "of what was done.",
                          "Write a short description of the service on the line (box 19 / NTE) "
                          "and attach the operative note or narrative.",
                          line=position, evidence=[line_evidence(line, position)])


def _same_day_other_service(ctx: CheckContext, line: ClaimLine) -> bool:
    served = line.service_date or ctx.service_date
    for other in ctx.lines:
        medical = ctx.medical_code(other.code)
        if other is not line and (other.service_date or ctx.service_date) == served and not (medical and medical.em):
            return True
    return False


def missing_modifiers(ctx: CheckContext, line: ClaimLine, rule) -> list[str]:
    """The modifiers this rule still wants on the line ([] when it is satisfied or does not apply)."""
    have = {str(m).upper() for m in line.modifiers or []}
    wanted = [m.upper() for m in rule.modifiers]
    if not applies_to_payer(rule, ctx.payer):
        return []
    if rule.kind == "required":
        return [m for m in wanted if m not in have]
    if rule.kind == "same_day_em":
        medical = ctx.medical_code(line.code)
        if not (medical and medical.em and _same_day_other_service(ctx, line)):
            return []
    return [] if have & set(wanted) else wanted  # laterality, medicare_criteria, same_day_em: one of them


def check_modifiers(ctx: CheckContext) -> Iterator[Finding]:
    """modifier-missing: crosswalk modifier rules (NU on E0486, KX or GA/GZ by the payer criteria, RT/LT,
    25 on a same-day E/M)."""
    for position, line in ctx.numbered_lines():
        for rule in ctx.billing.modifier_rules_for(line.code):
            if rule.kind == "medicare_criteria":
                if applies_to_payer(rule, ctx.payer):
                    yield from criteria_modifier(ctx, position, line, rule)
                continue
            missing = missing_modifiers(ctx, line, rule)
            if not missing:
                continue
            joined = " and ".join(missing) if rule.kind == "required" else " or ".join(missing)
            yield Finding("modifier-missing", "error",
                          f"{ctx.describe_line(position, line).capitalize()}, needs modifier {joined}."
                          + (f" {rule.message}" if rule.message else ""),
                          f"Add modifier {joined} to the line.", line=position,
                          evidence=[line_evidence(line, position), crosswalk_evidence(rule, kind_of_rule=rule.kind)])


def criteria_modifier(ctx: CheckContext, position: int, line: ClaimLine, rule) -> Iterator[Finding]:
    """KX when the payer criteria are met (as the one evaluation judges them); otherwise never KX, and one
    of the rule's `unmet` modifiers (GA with an ABN on file, GZ without)."""
    criteria = criteria_of(rule, line.code, ctx.rules)
    if criteria is None:
        return
    result = criteria_result(ctx, criteria)
    have = {str(m).upper() for m in line.modifiers or []}
    unmet = [m.upper() for m in getattr(rule, "unmet", ()) or ()]
    attest = [m.upper() for m in rule.modifiers if m.upper() not in unmet]
    subject = ctx.describe_line(position, line).capitalize()
    evidence = [line_evidence(line, position), crosswalk_evidence(rule, kind_of_rule=rule.kind, criteria=criteria.id,
                                                                  met=result.met)]
    evidence += [fact_evidence(reading) for part in result.parts for reading in part.evidence
                 if not isinstance(reading, dict)][:6]
    label = f"{ctx.payer.label or ctx.payer.id} {criteria.label}"
    if result.met:
        if not have & set(attest):
            yield Finding("modifier-missing", "error",
                          f"{subject}, needs modifier {' or '.join(attest)}: the {label} are met ({result.why}).",
                          f"Add modifier {' or '.join(attest)} to the line.", line=position, evidence=evidence)
        return
    advice = unmet_advice(rule).removeprefix("; ")
    if have & set(attest):
        yield Finding("modifier-missing", "error",
                      f"{subject}, carries {', '.join(sorted(have & set(attest)))}, which attests the {label}, "
                      f"but they are not met: {result.why}.",
                      f"Remove {', '.join(sorted(have & set(attest)))}" + (f" and {advice}" if advice else "")
                      + "; confirm the values on the evidence page if the documents do show the criteria.",
                      line=position, evidence=evidence)
    elif unmet and not have & set(unmet):
        # A documented value that fails a criterion is an error of the check that owns it (sleep-ahi-threshold,
        # date-order), and no value documented later can meet the criteria: the modifier is then its
        # consequence, said once more as a warning, not a second error. Criteria failed only for want of
        # documented values have no other error: this one stays.
        consequence = any(part.known for part in result.failed)
        yield Finding("modifier-missing", "warning" if consequence else "error",
                      f"{subject}, needs modifier {' or '.join(unmet)}: the {label} are not met ({result.why}).",
                      f"{advice[0].upper()}{advice[1:]}; KX only once the criteria are documented "
                      "(confirm the values on the evidence page if the documents do show them).",
                      line=position, evidence=evidence)


def check_units(ctx: CheckContext) -> Iterator[Finding]:
    """units-invalid: fewer than one unit, or more than the code allows per day."""
    for position, line in ctx.numbered_lines():
        medical = ctx.medical_code(line.code)
        units = line.units if line.units is not None else 0
        if units < 1:
            yield Finding("units-invalid", "error", f"Line {position} ({line.code}) bills {units} units.",
                          "Bill at least one unit.", line=position, evidence=[line_evidence(line, position)])
        elif medical is not None and medical.max_units and units > medical.max_units:
            yield Finding("units-invalid", "error",
                          f"Line {position} bills {units} units of {line.code}; at most {medical.max_units} "
                          "are allowed on one day.",
                          f"Reduce the units to {medical.max_units} or split the service over its real dates.",
                          line=position, evidence=[line_evidence(line, position)])


def check_duplicates(ctx: CheckContext) -> Iterator[Finding]:
    """line-duplicate: the same code, modifiers, tooth and date twice."""
    seen: dict[tuple, int] = {}
    for position, line in ctx.numbered_lines():
        key = (line.code, tuple(sorted(str(m).upper() for m in line.modifiers or [])), line.tooth or "",
               line.service_date or ctx.service_date)
        if key in seen:
            yield Finding("line-duplicate", "error",
                          f"Line {position} repeats line {seen[key]} ({line.code}, same modifiers, tooth and date).",
                          "Remove the repeated line, or add the units to the first line if the service was repeated.",
                          line=position, evidence=[line_evidence(line, position)])
        else:
            seen[key] = position


RULES = (check_frenum_wording, check_unlisted, check_modifiers, check_units, check_duplicates)
