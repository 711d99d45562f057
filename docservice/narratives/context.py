"""The template context of a narrative, built from the case, its facts, the claim and the crosswalk.

Every value comes from one of those (a fact keeps its document and page for the citation);
what none of them holds is a `Missing`. Nothing here guesses a clinical value. Which value a fact
has is the case's one evidence resolution (docservice/evidence: a person's confirmation first, then
the authoritative document), the same the claim and the checks read. Facts the records deny or
place in the past never read as present: they become sentences of their own (`denied`, `history`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from docservice.case_terms import medical_plan, ordered_case_categories, resolve_payer, service_date_of
from docservice.evidence import Evidence, case_evidence, evaluate_criteria
from docservice.evidence.readings import same_value
from docservice.models import READABLE_STATUSES, Case, Claim, Fact
from docservice.narratives.rendering import current_vocabulary, render_phrase
from docservice.narratives.values import Missing, Sourced, format_date, format_number, is_blank, parse_date
from docservice.narratives.vocabulary import Vocabulary

# A Medicare LCD or article number quoted in the crosswalk's sources, e.g. "L33611".
POLICY_NUMBER = re.compile(r"\b([LA]\d{5})\b")


def build_context(case: Case, facts: Sequence[Fact], claim: Claim | None, crosswalk: Any, *,
                  vocabulary: Vocabulary | None = None, today: date | None = None,
                  evidence: Evidence | None = None) -> dict:
    """Everything a narrative template may print, as `Sourced` values, `Missing` gaps, lists and text.

    Args:
        case: the case (procedures, problems, insurance, documents).
        facts: the case's extracted facts, every context included.
        claim: the saved or freshly built claim; None when there is none.
        crosswalk: `crosswalks.load_crosswalk()`; its `billing` part gives labels, PWK codes, policies.
        evidence: the case's resolved evidence, when the caller has it; else resolved here from `facts`.
    """
    vocabulary = vocabulary or current_vocabulary()
    if evidence is None:
        evidence = case_evidence(case, facts, crosswalk)
    billing = getattr(crosswalk, "billing", None)
    documents = {document.id: document for document in case.documents}
    lines = claim_lines(case, claim, billing)
    codes = [line["code"] for line in lines]
    categories = ordered_case_categories(case)
    # the payer the claim and the checks judge by, so the letter's Medicare wording and KX agree with them
    payer = resolve_payer(billing, case, claim) if billing is not None else None
    context = {
        "category": case.category or "general",
        "letter_date": format_date(today or date.today()),
        "patient_name": _case_value(case.patient_name, "patient_name", "patient name"),
        "patient_birthdate": _date_value(case.patient_birthdate, "patient_birthdate", "patient date of birth"),
        "payer_name": _claim_field(claim, "payer_name") or _plan_value(case, "carrier", "payer_name", "medical insurance carrier"),
        "member_id": _claim_field(claim, "member_id") or _plan_value(case, "subscriber_id", "member_id", "member ID"),
        "group_number": _claim_field(claim, "group_number") or _plan_value(case, "group_number", "group_number", "group number"),
        "service_date": _service_date(case, claim),
        "rendering_provider": _provider(claim, "rendering_provider", "treating dentist and NPI"),
        "referring_provider": _referring(claim, evidence, documents, vocabulary),
        "lines": lines,
        "codes_text": _codes_text(lines),
        "diagnoses": claim_diagnoses(case, claim),
        "fact": {name: first_fact(evidence, name, documents, vocabulary) for name in _fact_names(evidence, vocabulary)},
        "facts_all": {name: all_facts(evidence, name, documents, vocabulary)
                      for name in _fact_names(evidence, vocabulary)},
        "denied": stated_sentences(evidence, vocabulary, negated=True),
        "history": stated_sentences(evidence, vocabulary, negated=False),
        "policies": policy_citations(billing, codes),
        "payer_is_medicare": bool(getattr(payer, "medicare", False)),
        "sleep_threshold": sleep_threshold(evidence, payer, codes, claim, service_date_of(case, claim)),
        "enclosures": enclosures(case, billing, codes, categories, vocabulary),
        # What only the dentist can write (an outcome, an exam judgement): always a visible gap to fill.
        "manual": {name: Missing(name, label) for name, label in vocabulary.manual.items()},
    }
    context["dx_text"] = _dx_text(context["diagnoses"])
    context["missing_fields"] = {item.label: item.field for item in _walk_missing(context)}
    return context


# ----------------------------------------------------------------------------------- facts


def cite(fact, documents: dict, vocabulary: Vocabulary) -> str:
    """Where a reading came from: "sleep study report, p. 2", "appointment note", "entered by staff"."""
    if fact.source == "appointment":
        return "appointment note"
    if fact.source == "person" and fact.document_id is None:
        return "entered by staff"
    document = documents.get(fact.document_id)
    label = vocabulary.document_label(document.kind if document else None).lower()
    return f"{label}, p. {fact.page}" if fact.page else label


def to_sourced(fact, documents: dict, vocabulary: Vocabulary) -> Sourced:
    text = vocabulary.format_value(fact.name, fact.value) or (fact.display or "").strip()
    return Sourced(text=text, raw=fact.value, source=cite(fact, documents, vocabulary))


def first_fact(evidence: Evidence, name: str, documents: dict, vocabulary: Vocabulary) -> Sourced | Missing:
    """The value the case uses for `name` (the evidence's one choice), or a visible gap."""
    reading = evidence.reading(name)
    if reading is None:
        return Missing(name, vocabulary.wording(name).label)
    return to_sourced(reading, documents, vocabulary)


def all_facts(evidence: Evidence, name: str, documents: dict, vocabulary: Vocabulary) -> list[Sourced]:
    """Each distinct documented value once (the same AHI quoted on two pages is one finding)."""
    seen: dict[str, Sourced] = {}
    for fact in evidence.documented(name):
        sourced = to_sourced(fact, documents, vocabulary)
        seen.setdefault(sourced.text, sourced)
    return list(seen.values())


def _fact_names(evidence: Evidence, vocabulary: Vocabulary) -> list[str]:
    return list(dict.fromkeys([*vocabulary.facts, *evidence.facts]))


def stated_sentences(evidence: Evidence, vocabulary: Vocabulary, *, negated: bool) -> list[str]:
    """A sentence per denied (negated=True) or past (negated=False) finding; a fact both denied and past is denied."""
    sentences: list[str] = []
    for name in evidence.facts:
        for fact in evidence.denied(name) if negated else evidence.past(name):
            sentence = _stated(fact, evidence, vocabulary, negated=negated)
            if sentence and sentence not in sentences:
                sentences.append(sentence)
    return sentences


def _stated(fact, evidence: Evidence, vocabulary: Vocabulary, *, negated: bool) -> str:
    if any(same_value(other.value, fact.value) for other in evidence.documented(fact.name)):
        # The same finding is also present (denied at one visit, reported at the next): the letter states
        # what is present now and does not contradict itself.
        return ""
    wording = vocabulary.wording(fact.name)
    template = (wording.negated or vocabulary.generic_negated) if negated else (
        wording.historical or vocabulary.generic_historical)
    value = vocabulary.format_value(fact.name, fact.value)
    return render_phrase(template, value=value or wording.label, label=wording.label)


# ----------------------------------------------------------------------------- claim, case


def claim_lines(case: Case, claim: Claim | None, billing: Any) -> list[dict]:
    """The claim's lines; without a claim, the case's procedure codes as planned."""
    if claim is not None and claim.lines:
        return [
            {
                "code": line.code,
                "system": line.system,
                "cdt": line.cdt,
                "modifiers": list(line.modifiers or []),
                "units": line.units or 1,
                "tooth": line.tooth or "",
                "label": _code_label(billing, line.code, line.description),
                "text": _line_text(line.code, line.modifiers),
            }
            for line in claim.lines
        ]
    return [
        {"code": p.code, "system": "CDT", "cdt": p.code, "modifiers": [], "units": 1, "tooth": p.tooth or "",
         "label": _code_label(billing, p.code, ""), "text": p.code}
        for p in case.procedures
    ]


def _code_label(billing: Any, code: str, description: str) -> str:
    """Our own label of the code (never the licensed descriptor unless the practice loaded it)."""
    if description:
        return description
    if billing is not None:
        try:
            return billing.label(code) or ""
        except (KeyError, LookupError):
            return ""
    return ""


def _line_text(code: str, modifiers: Sequence[str] | None) -> str:
    return "-".join([code, *(modifiers or [])])


def _codes_text(lines: list[dict]) -> str | Missing:
    if not lines:
        return Missing("lines", "procedure codes")
    return ", ".join(dict.fromkeys(line["text"] for line in lines))


def claim_diagnoses(case: Case, claim: Claim | None) -> list[dict]:
    """The claim's diagnoses in order, else the case's problem list."""
    if claim is not None and claim.diagnoses:
        return [{"code": d.get("code", ""), "label": d.get("label", "")} for d in claim.diagnoses if d.get("code")]
    return [{"code": p.icd10, "label": p.name} for p in case.problems if p.icd10]


def _dx_text(diagnoses: list[dict]) -> str | Missing:
    if not diagnoses:
        return Missing("diagnoses", "diagnosis codes (ICD-10-CM)")
    return ", ".join(f"{d['code']} ({d['label']})" if d["label"] else d["code"] for d in diagnoses)


def _claim_field(claim: Claim | None, name: str) -> Sourced | None:
    value = (claim.fields or {}).get(name) if claim is not None else None
    return None if is_blank(value) or not isinstance(value, str) else Sourced(text=value.strip(), raw=value)


def _plan_value(case: Case, attribute: str, field: str, label: str) -> Sourced | Missing:
    plan = medical_plan(case)
    value = getattr(plan, attribute, "") if plan else ""
    return Sourced(text=value.strip(), raw=value) if not is_blank(value) else Missing(field, label)


def _case_value(value: str, field: str, label: str) -> Sourced | Missing:
    return Sourced(text=value.strip(), raw=value) if not is_blank(value) else Missing(field, label)


def _date_value(value: Any, field: str, label: str) -> Sourced | Missing:
    parsed = parse_date(value)
    return Sourced(text=format_date(parsed), raw=parsed.isoformat()) if parsed else Missing(field, label)


def _service_date(case: Case, claim: Claim | None) -> Sourced | Missing:
    value = (claim.fields or {}).get("service_date") if claim is not None else None
    return _date_value(value or case.apt_start, "service_date", "date of service")


def _provider(claim: Claim | None, field: str, label: str) -> Sourced | Missing:
    value = (claim.fields or {}).get(field) if claim is not None else None
    if not isinstance(value, dict) or is_blank(value.get("name")):
        return Missing(field, label)
    text = f"{value['name']} (NPI {value['npi']})" if value.get("npi") else str(value["name"])
    return Sourced(text=text, raw=value, source="claim")


def _referring(claim: Claim | None, evidence: Evidence, documents: dict, vocabulary: Vocabulary) -> Sourced | Missing:
    """The referring or ordering physician: the claim's, else as the records name them."""
    for field in ("referring_provider", "ordering_provider"):
        provider = _provider(claim, field, "")
        if provider:
            return provider
    for name in ("referral_source", "ordering_physician"):
        found = first_fact(evidence, name, documents, vocabulary)
        if found:
            return found
    return Missing("referring_provider", "referring or ordering physician")


def policy_citations(billing: Any, codes: Sequence[str]) -> list[str]:
    """Medicare policy numbers (LCDs) the crosswalk's rules for these codes were written from."""
    if billing is None:
        return []
    sources: list[str] = []
    for code in codes:
        sources += [f"{rule.source} {rule.message}" for rule in billing.modifier_rules_for(code)
                    if rule.kind == "medicare_criteria"]
        rule = billing.support_rule(code)
        if rule is not None:
            sources.append(rule.source)
    return list(dict.fromkeys(match for text in sources for match in POLICY_NUMBER.findall(text or "")))


def sleep_threshold(evidence: Evidence, payer: Any, codes: Sequence[str], claim: Claim | None,
                    service_date: date | None) -> str:
    """Which of the payer's sleep-study thresholds the case meets, in words, when the payer criteria for a
    billed code are met as judged once (docservice/evidence/criteria.py: KX and the checks agree);
    "" otherwise."""
    rules = evidence.rules
    criteria = next((found for code in codes if (found := rules.criteria_for(code)) is not None), None)
    if criteria is None or getattr(payer, "sleep", None) is None:
        return ""
    confirmed = [d.get("code", "") for d in (claim.diagnoses or []) if d.get("source") != "crosswalk"] if claim else []
    result = evaluate_criteria(criteria, payer, evidence, diagnoses=confirmed, service_date=service_date)
    thresholds = payer.sleep
    if not result.met:
        return ""
    if result.band == "full":
        return (f"an AHI/RDI of at least {format_number(thresholds.ahi_min)} events per hour with at least "
                f"{thresholds.events_min} recorded events")
    return (f"an AHI/RDI of {format_number(thresholds.ahi_low_min)} to below {format_number(thresholds.ahi_min)} "
            f"events per hour with at least "
            f"{thresholds.events_low_min} events and a documented qualifying symptom or comorbidity")


def enclosures(case: Case, billing: Any, codes: Sequence[str], categories: Sequence[str],
               vocabulary: Vocabulary) -> list[dict | Missing]:
    """The case's finished documents by kind with their PWK report types; a required one absent is Missing."""
    rules = billing.attachments_for(tuple(codes), tuple(categories)) if billing is not None else ()
    pwk_by_kind: dict[str, str] = {}
    for rule in rules:
        pwk_by_kind.setdefault(rule.document_kind, rule.pwk)
    items: list[dict | Missing] = []
    kinds_present: set[str] = set()
    for document in case.documents:
        if document.status not in READABLE_STATUSES or document.kind == "narrative":
            continue
        kind = document.kind or "other"
        if kind in kinds_present:
            continue
        kinds_present.add(kind)
        items.append({"kind": kind, "label": vocabulary.document_label(kind), "pwk": pwk_by_kind.get(kind, "")})
    for rule in rules:
        if rule.document_kind not in kinds_present and getattr(rule, "severity", "error") == "error":
            kinds_present.add(rule.document_kind)
            items.append(Missing(f"attachment:{rule.document_kind}", rule.label or vocabulary.document_label(rule.document_kind)))
    return items


def _walk_missing(value: Any) -> Iterable[Missing]:
    if isinstance(value, Missing):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _walk_missing(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _walk_missing(item)
