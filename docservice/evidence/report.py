"""What staff see and confirm: the values that drive a case's claim, each with where it was read, the
other readings, conflicts and a person's confirmation; and how the payer criteria stand on them.

Which values those are is crosswalk data per category (evidence.yaml `confirm`).
"""
from __future__ import annotations

from docservice.case_terms import case_categories, resolve_payer, service_date_of
from docservice.evidence.criteria import applies_to_payer, criteria_of, evaluate_criteria
from docservice.evidence.readings import context_of, confidence_of
from docservice.evidence.resolution import Evidence, Resolved
from docservice.facts.vocabulary import VOCABULARY
from docservice.models import Case, Claim


def evidence_report(case: Case, evidence: Evidence, crosswalk, *, claim: Claim | None = None) -> dict:
    """The case's values to confirm (its categories' lists, in order) and its payer criteria."""
    categories = [case.category] if case.category else []
    categories += sorted(case_categories(case) - set(categories))  # the rest by name: a stable listing
    names = evidence.rules.confirm_list(categories)
    return {
        "case_id": case.id,
        "categories": categories,
        "items": [evidence_item(evidence, name) for name in names],
        "criteria": criteria_report(case, evidence, crosswalk, claim=claim if claim is not None else case.claim),
    }


def evidence_item(evidence: Evidence, name: str) -> dict:
    """One value: what the case uses and why, where it was read, the other readings, conflicts, confirmation."""
    resolved = evidence.get(name)
    reading = resolved.reading
    return {
        "fact": name,
        "label": evidence.rules.label(name),
        "kind": VOCABULARY.get(name, ""),
        "value": resolved.value,
        "display": (reading.display or str(reading.value)) if reading is not None else "",
        "status": _status(resolved),
        "why": resolved.why,
        "source": _reading(evidence, reading) if reading is not None else None,
        "readings": [_reading(evidence, fact) for fact in resolved.readings if fact is not reading],
        "conflicts": [_reading(evidence, fact) for fact in resolved.conflicts],
        "denied": [_reading(evidence, fact) for fact in resolved.denied],
        "authority": list(resolved.authority),
        "confirmation": _confirmation(resolved),
    }


def criteria_report(case: Case, evidence: Evidence, crosswalk, *, claim: Claim | None) -> list[dict]:
    """Each payer criteria a billed (or proposed) code attests, as judged once for the case's payer."""
    billing = crosswalk.billing
    if claim is not None and claim.lines:
        codes = [line.code for line in claim.lines]
    else:  # not built yet: the codes the case's procedures may become
        codes = [candidate.code for procedure in case.procedures for candidate in billing.candidates(procedure.code)]
    payer = resolve_payer(billing, case, claim)
    service_date = service_date_of(case, claim)
    diagnoses = [d.get("code", "") for d in (claim.diagnoses or []) if d.get("source") != "crosswalk"] if claim else []
    out, seen = [], set()
    for code in dict.fromkeys(codes):
        for rule in billing.modifier_rules_for(code):
            if rule.kind != "medicare_criteria" or not applies_to_payer(rule, payer):
                continue
            criteria = criteria_of(rule, code, evidence.rules)
            if criteria is None or criteria.id in seen:
                continue
            seen.add(criteria.id)
            result = evaluate_criteria(criteria, payer, evidence, diagnoses=diagnoses, service_date=service_date)
            out.append({
                "id": criteria.id, "label": criteria.label, "code": code, "payer": payer.id, "met": result.met,
                "modifiers": list(rule.modifiers) if result.met else list(getattr(rule, "unmet", ()) or ()),
                "why": result.why,
                "parts": [{"name": part.name, "met": part.met, "why": part.why} for part in result.parts],
            })
    return out


def _status(resolved: Resolved) -> str:
    if resolved.confirmation is not None:
        return {"confirm": "confirmed", "correct": "corrected", "enter": "entered"}.get(
            resolved.confirmation.action, resolved.confirmation.action)
    if resolved.reading is None:
        return "missing"
    return "conflict" if resolved.conflicts else "read"


def _reading(evidence: Evidence, reading) -> dict:
    return {
        "value": reading.value,
        "display": reading.display or str(reading.value),
        "source": reading.source,
        "document_id": reading.document_id,
        "document_kind": evidence.document_kind(reading),
        "page": reading.page,
        "snippet": reading.snippet or "",
        "confidence": confidence_of(reading),
        "context": context_of(reading),
        "section": getattr(reading, "section", "") or "",
    }


def _confirmation(resolved: Resolved) -> dict | None:
    person = resolved.confirmation
    if person is None:
        return None
    return {"action": person.action, "value": person.value, "display": person.display, "note": person.note,
            "user_name": person.user_name, "created_at": person.created_at, "fact_id": person.fact_id}
