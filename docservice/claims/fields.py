"""Claim-level fields (CMS-1500 header boxes / 837P loop 2300), each with why.

An absent key means unknown; nothing is guessed. Providers of the practice come in as
arguments (the API reads them from the configuration), never from the environment here. Documented
values are the case's one evidence resolution (a person's confirmation first).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from crosswalks import icd10
from docservice.case_terms import case_categories
from docservice.claims.citing import cite, shown
from docservice.claims.vocabulary import Vocabulary
from docservice.evidence import Evidence
from docservice.models import Case, ClaimLine, InsurancePlan


@dataclass(frozen=True)
class Practice:
    """Who renders and who bills, from the practice settings (docservice.settings.store.practice_of)."""

    rendering_npi: str = ""
    billing_npi: str = ""
    billing_name: str = ""
    rendering_name: str = ""  # as the settings name the appointment's provider ("Last, First")


class FieldSet:
    """Values and whys collected together so a value never goes in without its reason."""

    def __init__(self) -> None:
        self.values: dict[str, object] = {}
        self.why: dict[str, str] = {}

    def set(self, name: str, value, why: str) -> None:
        self.values[name] = value
        self.why[name] = why


def propose_fields(
    case: Case,
    evidence: Evidence,
    lines: Sequence[ClaimLine],
    *,
    plan: InsurancePlan | None,
    practice: Practice,
    dme_lines: Sequence[ClaimLine],
    vocabulary: Vocabulary,
) -> FieldSet:
    fields = FieldSet()
    _plan_fields(fields, plan)
    if case.apt_start:
        fields.set("service_date", case.apt_start.date().isoformat(), "the appointment's date")
    _provider_fields(fields, case, practice)
    if dme_lines:
        _physician_field(fields, evidence, "ordering_physician", "ordering_provider", "DK",
                         f"the physician who ordered {dme_lines[0].code}")
    _physician_field(fields, evidence, "referral_source", "referring_provider", "DN", "the referring provider")
    _authorization_fields(fields, evidence)
    _accident_fields(fields, case, evidence, vocabulary)
    _onset_field(fields, evidence, vocabulary)
    return fields


def _plan_fields(fields: FieldSet, plan: InsurancePlan | None) -> None:
    if plan is None:
        return
    origin = f"the medical plan on file (ordinal {plan.ordinal})"
    if plan.carrier:
        fields.set("payer_name", plan.carrier, f"carrier of {origin}")
    if plan.subscriber_id:
        fields.set("member_id", plan.subscriber_id, f"subscriber id of {origin}")
    if plan.group_number:
        fields.set("group_number", plan.group_number, f"group number of {origin}")


def _provider_fields(fields: FieldSet, case: Case, practice: Practice) -> None:
    if case.apt_provider or practice.rendering_npi:
        rendering = {"name": practice.rendering_name or case.apt_provider, "npi": practice.rendering_npi}
        fields.set("rendering_provider", rendering,
                   "the appointment's provider" + ("; NPI from the practice settings" if practice.rendering_npi
                                                   else "; no NPI in the practice settings (rendering_providers)"))
    if practice.billing_npi or practice.billing_name:
        fields.set("billing_provider", {"name": practice.billing_name, "npi": practice.billing_npi},
                   "the practice's billing provider (practice settings)")


def _physician_field(fields: FieldSet, evidence: Evidence, fact_name: str, field: str,
                     qualifier: str, role: str) -> None:
    fact = evidence.reading(fact_name)
    if fact is None or not isinstance(fact.value, dict):
        return
    value = {"name": str(fact.value.get("name") or ""), "npi": str(fact.value.get("npi") or ""), "qualifier": qualifier}
    fields.set(field, value, f"{role}, documented ({cite(fact)})")


def _authorization_fields(fields: FieldSet, evidence: Evidence) -> None:
    number = evidence.reading("prior_authorization")
    if number is not None:
        fields.set("prior_authorization", str(number.value), f"authorization number documented ({cite(number)})")
    end = evidence.reading("authorization_end_date")
    if end is not None:
        fields.set("authorization_end_date", str(end.value), f"authorization end documented ({cite(end)})")


def _accident_fields(fields: FieldSet, case: Case, evidence: Evidence, vocabulary: Vocabulary) -> None:
    """Box 10: set for an injury only — a dated injury, or a mechanism in a case that is about one.

    An accident indicator sends the payer looking for a liable third party, so a stray word
    ("trauma", "fall asleep") in a sleep or pathology case must not set it.
    """
    injury_date = evidence.reading("injury_date")
    mechanism = evidence.reading("injury_mechanism")
    if injury_date is None and (mechanism is None or not _is_injury_case(case, vocabulary)):
        return
    how = str(mechanism.value) if mechanism else ""
    related = vocabulary.accident_related.get(how, vocabulary.accident_related_default)
    accident: dict[str, str] = {"related": related}
    reasons = [f"injury mechanism {how} ({cite(mechanism)})" if mechanism else "an injury is documented, mechanism unknown"]
    if injury_date is not None:
        accident["date"] = str(injury_date.value)
        reasons.append(f"injury date {shown(injury_date)} ({cite(injury_date)})")
    state = _state_of(evidence.reading("injury_place"), vocabulary) if related == "auto" else None
    if state:
        accident["state"] = state
        reasons.append(f"state {state} from the injury place")
    fields.set("accident", accident, "; ".join(reasons))


def _is_injury_case(case: Case, vocabulary: Vocabulary) -> bool:
    return bool(case_categories(case) & vocabulary.injury_categories) or any(icd10.is_injury(p.icd10) for p in case.problems)


_STATE_TOKEN = re.compile(r"\b([A-Z]{2})\b")


def _state_of(place, vocabulary: Vocabulary) -> str | None:
    if place is None:
        return None
    for token in _STATE_TOKEN.findall(str(place.value)):
        if token in vocabulary.states:
            return token
    return None


def _onset_field(fields: FieldSet, evidence: Evidence, vocabulary: Vocabulary) -> None:
    for name in vocabulary.onset_facts:
        fact = evidence.reading(name)
        if fact is not None:
            fields.set("onset_date", str(fact.value), f"{name.replace('_', ' ')} documented ({cite(fact)})")
            return
