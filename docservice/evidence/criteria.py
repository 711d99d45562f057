"""Payer criteria evaluated once, from the resolved evidence: the oral-appliance criteria behind KX.

What the criteria ask is crosswalk data (`criteria.yaml`: the severity facts, events, qualifying
symptom facts, what must be documented, the dates that must be in order); the thresholds and the
qualifying symptom and comorbidity lists are the payer's (`payers.yaml` sleep). The KX modifier
(claims/modifiers.py), the sleep and modifier checks and the letter all read `evaluate_criteria`.

Met when the AHI (else the RDI) and the events reach the full thresholds, or reach the low ones with a
listed symptom or comorbidity (a fact, or a diagnosis under a listed prefix); and every required
fact is documented; and every date step is documented and in order.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from crosswalks import icd10
from docservice.evidence.readings import affirms
from docservice.evidence.resolution import Evidence

FULL, LOW, BELOW = "full", "low", "below"


@dataclass(frozen=True)
class Part:
    """One criterion: met or not, and why, with the readings it rests on."""

    name: str  # "severity", "events", "support", a required fact name, or a date step id
    met: bool
    why: str
    evidence: tuple = ()
    known: bool = True  # False: nothing documented to judge it by


@dataclass(frozen=True)
class CriteriaResult:
    rule: object  # crosswalk CriteriaRule
    payer: object  # crosswalk Payer (its `sleep` thresholds)
    parts: tuple[Part, ...]
    index: tuple[str, float, object] | None  # ("AHI", 22.4, reading) judged
    events: tuple[float, object] | None
    band: str  # FULL, LOW, BELOW, or "" without an index
    support: tuple = ()  # what qualifies the low range: readings and {"kind": "diagnosis", ...}

    @property
    def met(self) -> bool:
        return all(part.met for part in self.parts)

    @property
    def failed(self) -> tuple[Part, ...]:
        return tuple(part for part in self.parts if not part.met)

    @property
    def why(self) -> str:
        """Every part when met; what is missing or failed when not."""
        parts = self.parts if self.met else self.failed
        return "; ".join(part.why for part in parts)

    def part(self, name: str) -> Part | None:
        return next((part for part in self.parts if part.name == name), None)


def evaluate_criteria(rule, payer, evidence: Evidence, *, diagnoses: Iterable[str] = (),
                      service_date: date | None = None) -> CriteriaResult:
    """Judge `rule` (crosswalk CriteriaRule) with `payer`'s thresholds on the case's evidence.

    `diagnoses`: claim diagnoses a person or the records stand behind, besides the problem list and
    the codes written in the documents (which the evidence holds). `service_date` stands in for a
    date step's second date where the step allows it (delivery on the date of service).
    """
    thresholds = payer.sleep
    index = _index(rule, evidence)
    events = evidence.number(rule.events_fact)
    parts: list[Part] = []
    support: tuple = ()
    if index is None:
        band = ""
        parts.append(Part("severity", False, "no AHI or RDI is documented", known=False))
    else:
        name, value, reading = index
        band = FULL if value >= thresholds.ahi_min else LOW if value >= thresholds.ahi_low_min else BELOW
        reading_words = f"{name} {value:g} ({_cite(reading)})"
        if band == BELOW:
            parts.append(Part("severity", False, f"{reading_words} is below the payer's threshold "
                                                 f"of {thresholds.ahi_low_min:g}", (reading,)))
        elif band == FULL:
            parts.append(Part("severity", True, f"{reading_words} meets {thresholds.ahi_min:g}", (reading,)))
        else:
            support = _low_range_support(rule, thresholds, evidence, diagnoses)
            if support:
                parts.append(Part("severity", True, f"{reading_words} is in the low range with "
                                                    f"{_support_words(support[0])}", (reading, *support)))
            else:
                parts.append(Part("severity", False, f"{reading_words} is in the low range and no listed symptom "
                                                     "or comorbidity is documented", (reading,)))
        parts.append(_events_part(thresholds, band, events))
    for required in rule.requires:
        documented = [r for r in evidence.documented(required) if affirms(r.value)]
        label = evidence.rules.label(required) if evidence.rules is not None else required.replace("_", " ")
        parts.append(Part(required, bool(documented),
                          f"{label} documented ({_cite(documented[0])})" if documented
                          else f"{label} is not documented", tuple(documented[:1]), known=bool(documented)))
    for step_id in rule.date_order:
        step = evidence.rules.step(step_id) if evidence.rules is not None else None
        if step is not None:
            parts.append(date_step(step, evidence, service_date=service_date))
    return CriteriaResult(rule=rule, payer=payer, parts=tuple(parts), index=index, events=events, band=band,
                          support=support)


def date_step(step, evidence: Evidence, *, service_date: date | None = None) -> Part:
    """One step of the date sequence: both dates documented and the first on or before the second."""
    first, then = evidence.date(step.first), evidence.date(step.then)
    then_words = step.then_label
    if then is None and step.service_date and service_date is not None:
        then, then_words = (service_date, None), f"{step.then_label} (the date of service)"
    missing = [label for label, found in ((step.first_label, first), (step.then_label, then)) if found is None]
    if missing:
        return Part(step.id, False, f"the date of {' and of '.join(missing)} is not documented", known=False,
                    evidence=tuple(found[1] for found in (first, then) if found and found[1] is not None))
    readings = tuple(found[1] for found in (first, then) if found[1] is not None)
    if first[0] > then[0]:
        return Part(step.id, False, f"{step.first_label} ({first[0].isoformat()}) comes after {then_words} "
                                    f"({then[0].isoformat()})", readings)
    return Part(step.id, True, f"{step.first_label} ({first[0].isoformat()}) is on or before {then_words} "
                               f"({then[0].isoformat()})", readings)


def _index(rule, evidence: Evidence) -> tuple[str, float, object] | None:
    """The severity index judged: the first of the rule's facts the case documents (AHI, else RDI)."""
    for name in rule.severity_facts:
        found = evidence.number(name)
        if found is not None:
            return name.upper(), found[0], found[1]
    return None


def _events_part(thresholds, band: str, events: tuple[float, object] | None) -> Part:
    needed = thresholds.events_min if band == FULL else thresholds.events_low_min
    if events is None:
        return Part("events", False, "the total number of respiratory events is not documented", known=False)
    count, reading = events
    if count < needed:
        return Part("events", False, f"{count:g} respiratory events ({_cite(reading)}) are fewer than the "
                                     f"{needed} needed (short by {needed - count:g})", (reading,))
    return Part("events", True, f"{count:g} respiratory events ({_cite(reading)}) reach {needed}", (reading,))


def _low_range_support(rule, thresholds, evidence: Evidence, diagnoses: Iterable[str]) -> tuple:
    """Readings of a listed symptom or comorbidity, then diagnoses under a listed prefix."""
    listed = set(getattr(thresholds, "low_symptoms", ()) or ())
    found: list = [reading for name in rule.support_facts for reading in evidence.documented(name)
                   if str(reading.value) in listed]
    prefixes = tuple(getattr(thresholds, "low_icd_prefixes", ()) or ())
    codes = dict.fromkeys([*evidence.diagnosis_codes(), *(code for code in diagnoses if code)])
    found += [{"kind": "diagnosis", "id": code, "code": code} for code in codes
              if icd10.starts_with_any(code, prefixes)]
    return tuple(found)


def _support_words(item) -> str:
    if isinstance(item, dict):
        return f"{icd10.normalize(item['code'])} on the problem list, the claim or the documents"
    return f"{item.value} documented ({_cite(item)})"


def _cite(reading) -> str:
    if reading is None:
        return "the claim"
    if getattr(reading, "source", "") == "person":
        return "a person's word"
    if getattr(reading, "source", "") == "appointment":
        return "the appointment note"
    if getattr(reading, "document_id", None) is None:
        return "the documents"
    return f"document {reading.document_id}" + (f" p.{reading.page}" if getattr(reading, "page", None) else "")


def criteria_of(modifier_rule, code: str, rules):
    """The criteria (crosswalk CriteriaRule) a `medicare_criteria` modifier rule attests: the one it names,
    else the one for the line's code; None when there is none."""
    if getattr(modifier_rule, "criteria", ""):
        return rules.criteria_by_id(modifier_rule.criteria)
    return rules.criteria_for(code)


def applies_to_payer(rule, payer) -> bool:
    """A modifier rule naming a payer applies to that payer only; a criteria rule naming none is Medicare's
    (its LCD); the others apply to every payer."""
    if rule.payer:
        return rule.payer == payer.id
    return bool(payer.medicare) if rule.kind == "medicare_criteria" else True


def unmet_advice(rule) -> str:
    """What to bill when the criteria are not met: the rule's `unmet` modifiers (GA with an ABN, else GZ)."""
    unmet = tuple(getattr(rule, "unmet", ()) or ())
    if len(unmet) >= 2:
        return (f"; bill {unmet[0]} if the patient signed an advance beneficiary notice (ABN), "
                f"otherwise {unmet[1]}")
    return f"; bill {unmet[0]}" if unmet else ""
