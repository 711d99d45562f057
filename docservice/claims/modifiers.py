"""Propose a line's modifiers: the candidate's own, then the crosswalk's modifier rules.

Rule kinds: `required` (always, e.g. NU on E0486), `laterality` (RT/LT/50 from the resolved
side), `medicare_criteria` (KX only when the payer criteria the rule names are met, as judged once
by docservice/evidence/criteria.py; otherwise the why offers the rule's `unmet` modifiers, GA with an
ABN on file or GZ, never KX) and `same_day_em` (25 on an E/M line billed with another procedure;
applied once the whole claim is known, by `add_same_day_em`). A line carries at most 4 modifiers.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from docservice.claims.conditions import Condition
from docservice.claims.vocabulary import Vocabulary
from docservice.evidence import Evidence, criteria_of, evaluate_criteria
from docservice.evidence.criteria import applies_to_payer, unmet_advice
from docservice.models import ClaimLine

MAX_MODIFIERS = 4


def propose_modifiers(
    candidate,
    rules: Sequence,
    conditions: Mapping[str, Condition],
    payer,
    *,
    evidence: Evidence,
    service_date: date | None,
    vocabulary: Vocabulary,
) -> tuple[list[str], str]:
    """(modifiers, why) for one line, before the claim-wide 25 rule."""
    modifiers = list(candidate.modifiers)
    reasons = [f"{', '.join(candidate.modifiers)} with {candidate.code} (crosswalk {candidate.id})"] if modifiers else []
    for rule in rules:
        if not applies_to_payer(rule, payer):
            continue
        if rule.kind == "required":
            _extend(modifiers, rule.modifiers)
            reasons.append(f"{', '.join(rule.modifiers)} required on {candidate.code} (rule {rule.id})")
        elif rule.kind == "laterality":
            reasons.append(_add_laterality(modifiers, rule, conditions, vocabulary))
        elif rule.kind == "medicare_criteria":
            reasons.append(_add_criteria_modifier(modifiers, rule, candidate.code, payer, evidence=evidence,
                                                  service_date=service_date))
    return _limit(modifiers, reasons)


def _extend(modifiers: list[str], new: Sequence[str]) -> None:
    modifiers.extend(modifier for modifier in new if modifier not in modifiers)


def _add_laterality(modifiers: list[str], rule, conditions: Mapping[str, Condition], vocabulary: Vocabulary) -> str:
    side = conditions.get("side")
    allowed = ", ".join(rule.modifiers)
    modifier = vocabulary.laterality_modifiers.get(side.value) if side else None
    if modifier is None:
        return f"side not documented: add {allowed} once known"
    if modifier not in rule.modifiers:
        return f"{side.why}; rule {rule.id} takes only {allowed}: bill each side on its own line"
    _extend(modifiers, [modifier])
    return f"{modifier}: {side.why}"


def _add_criteria_modifier(modifiers: list[str], rule, code: str, payer, *, evidence: Evidence,
                           service_date: date | None) -> str:
    names = ", ".join(rule.modifiers)
    criteria = criteria_of(rule, code, evidence.rules)
    if criteria is None:
        return f"{names} left off: no criteria are known for {code} (crosswalk rule {rule.id})"
    result = evaluate_criteria(criteria, payer, evidence, service_date=service_date)
    if result.met:
        _extend(modifiers, rule.modifiers)
        return f"{names}: {payer.label} criteria met — {result.why}"
    return f"{names} left off: {payer.label} criteria not shown — {result.why}" + unmet_advice(rule)


def _limit(modifiers: list[str], reasons: list[str]) -> tuple[list[str], str]:
    why = "; ".join(reasons) if reasons else "no modifier applies"
    if len(modifiers) > MAX_MODIFIERS:
        dropped = modifiers[MAX_MODIFIERS:]
        why += f"; only {MAX_MODIFIERS} fit, left off {', '.join(dropped)}"
    return modifiers[:MAX_MODIFIERS], why


def add_same_day_em(lines: Sequence[ClaimLine], billing) -> None:
    """Add 25 (the rule's modifier) to an E/M line when a procedure (not another E/M) is on the claim too."""
    for line in lines:
        others = [other for other in lines if other is not line and not _is_em(other.code, billing)]
        if not others:
            continue
        for rule in billing.modifier_rules_for(line.code):
            if rule.kind != "same_day_em":
                continue
            new = [modifier for modifier in rule.modifiers if modifier not in line.modifiers]
            if not new or len(line.modifiers) + len(new) > MAX_MODIFIERS:
                continue
            line.modifiers = [*line.modifiers, *new]
            reason = f"{', '.join(new)}: separate E/M on the same day as {others[0].code} (rule {rule.id})"
            line.why = {**line.why, "modifiers": _joined(line.why.get("modifiers"), reason)}


def _is_em(code: str, billing) -> bool:
    medical = billing.code(code)
    return bool(medical and medical.em)


def _joined(previous: str | None, reason: str) -> str:
    if not previous or previous == "no modifier applies":
        return reason
    return f"{previous}; {reason}"
