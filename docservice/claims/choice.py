"""Choose a procedure's claim code among its crosswalk candidates, and count its units.

Candidates come most specific first, defaults (empty `when`) last. The first candidate whose
every condition is known and equal wins; when none does, the default is proposed with a why
naming the conditions nobody could read, so a person knows what to confirm.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from docservice.claims.citing import cite
from docservice.claims.conditions import Condition
from docservice.claims.teeth import jaw_of_quadrant, parse_teeth, quadrant_of_tooth
from docservice.claims.vocabulary import Vocabulary
from docservice.evidence import Evidence
from docservice.models import Procedure


@dataclass(frozen=True)
class Choice:
    candidate: object | None  # a crosswalk CodeCandidate; None: nothing fits (the procedure is left off)
    why: str


def choose_candidate(
    procedure: Procedure, candidates: Sequence, conditions: Mapping[str, Condition], vocabulary: Vocabulary
) -> Choice:
    unknown: list[str] = []
    for candidate in candidates:
        if not candidate.when:
            continue
        missing = [name for name in candidate.when if name not in conditions]
        if missing:
            unknown.extend(name for name in missing if name not in unknown)
            continue
        if all(conditions[name].value == value for name, value in candidate.when.items()):
            reasons = "; ".join(conditions[name].why for name in candidate.when)
            return Choice(candidate, f"{candidate.code} for {procedure.code}: {reasons}")
    default = next((candidate for candidate in candidates if not candidate.when), None)
    labels = " or ".join(_label(name, vocabulary) for name in unknown)
    if default is None:
        reason = f"{labels} not found in the documents" if unknown else "no code fits what the documents say"
        return Choice(None, f"{procedure.code}: {reason}; choose the medical code by hand")
    if unknown:
        return Choice(default, f"{labels} not found in the documents; {default.code} assumed — confirm")
    asked = dict.fromkeys(name for candidate in candidates for name in candidate.when)
    known = "; ".join(conditions[name].why for name in asked if name in conditions)
    detail = f" (no more specific code fits: {known})" if known else ""
    return Choice(default, f"{default.code} is the usual code for {procedure.code}{detail}")


def _label(name: str, vocabulary: Vocabulary) -> str:
    source = vocabulary.conditions.get(name)
    return source.label if source else name


def count_units(rule: str, procedure: Procedure, evidence: Evidence, vocabulary: Vocabulary) -> tuple[int, str]:
    """Units of a line under the candidate's unit rule, and why."""
    teeth = parse_teeth(procedure.tooth)
    surface = vocabulary.surfaces.get((procedure.surface or "").strip().upper(), {})
    if rule == "per_quadrant":
        quadrants = sorted({quadrant_of_tooth(tooth) for tooth in teeth} or ({surface["quadrant"]} if "quadrant" in surface else set()))
        if quadrants:
            return len(quadrants), f"{len(quadrants)} quadrant(s): {', '.join(quadrants)}"
        return 1, "billed per quadrant; the quadrant is not recorded on the procedure, 1 assumed — confirm"
    if rule == "per_tooth":
        if teeth:
            return len(teeth), f"{len(teeth)} tooth/teeth: {', '.join(teeth)}"
        return 1, "billed per tooth; no tooth recorded on the procedure, 1 assumed — confirm"
    if rule == "per_arch":
        arches = sorted({jaw_of_quadrant(quadrant_of_tooth(tooth)) for tooth in teeth} or ({surface["jaw"]} if "jaw" in surface else set()))
        if arches:
            return len(arches), f"{len(arches)} arch(es): {', '.join(arches)}"
        return 1, "billed per arch; the arch is not recorded on the procedure, 1 assumed — confirm"
    if rule == "per_cm":
        return _units_per_cm(evidence)
    return 1, "one unit per procedure"


def _units_per_cm(evidence: Evidence) -> tuple[int, str]:
    fact = evidence.reading("laceration_length_cm")
    try:
        length = float(fact.value) if fact else None
    except (TypeError, ValueError):
        length = None
    if length is None or length <= 0:
        return 1, "billed per cm; the length is not documented, 1 assumed — confirm"
    return math.ceil(length), f"{length:g} cm documented ({cite(fact)}), rounded up"
