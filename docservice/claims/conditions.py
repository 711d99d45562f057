"""Resolve the conditions that choose among a procedure's code candidates, each with why.

A condition (`site`, `jaw`, `action`, `hinge`, `side`, `length`, `payer_takes_cdt`) is answered
from, in order: the procedure's own tooth and surface (structured, and specific to this
procedure), then the words of the procedure's description and the case's documented facts, in
the order `vocabulary.yaml` gives per condition (a chart's default description can be generic:
"lingual frenectomy" is printed for a frenotomy too, so the documents outrank it there).
"""
from __future__ import annotations

from dataclasses import dataclass

from docservice.claims.citing import cite, shown
from docservice.claims.teeth import jaw_of_quadrant, parse_teeth, quadrant_of_tooth
from docservice.claims.vocabulary import Vocabulary
from docservice.evidence import Evidence
from docservice.models import Procedure


@dataclass(frozen=True)
class Condition:
    value: str
    why: str


def resolve_conditions(
    procedure: Procedure, evidence: Evidence, payer, *, vocabulary: Vocabulary, wording
) -> dict[str, Condition]:
    """Every condition that can be known for this procedure: name -> Condition(value, why).

    `wording`: the crosswalk's Wording (how procedure descriptions name each condition's values).
    """
    resolved: dict[str, Condition] = {}
    for name, source in vocabulary.conditions.items():
        readers = (_from_words, _from_fact) if source.words_first else (_from_fact, _from_words)
        for read in (_from_procedure, *readers):
            condition = read(name, procedure, evidence, vocabulary, wording)
            if condition:
                resolved[name] = condition
                break
    resolved["payer_takes_cdt"] = _payer_takes_cdt(payer)
    return resolved


def _from_procedure(name: str, procedure: Procedure, evidence: Evidence, vocabulary: Vocabulary,
                    wording) -> Condition | None:
    if name != "jaw":
        return None
    teeth = parse_teeth(procedure.tooth)
    jaws = {jaw_of_quadrant(quadrant_of_tooth(tooth)) for tooth in teeth}
    if len(jaws) == 1:
        jaw = jaws.pop()
        return Condition(jaw, f"tooth {procedure.tooth} is in the {jaw}")
    surface = vocabulary.surfaces.get((procedure.surface or "").strip().upper())
    if surface and surface.get("jaw"):
        return Condition(surface["jaw"], f"surface {procedure.surface} is in the {surface['jaw']}")
    return None


def _from_fact(name: str, procedure: Procedure, evidence: Evidence, vocabulary: Vocabulary,
               wording) -> Condition | None:
    fact_name = vocabulary.conditions[name].fact
    if not fact_name:
        return None
    fact = evidence.reading(fact_name)
    if fact is None:
        return None
    if name == "length":
        return _length_condition(fact, vocabulary)
    value = str(fact.value).strip().lower()
    label = vocabulary.conditions[name].label
    return Condition(value, f"{label} documented as {shown(fact)} ({cite(fact)})")


def _length_condition(fact, vocabulary: Vocabulary) -> Condition | None:
    try:
        length = float(fact.value)
    except (TypeError, ValueError):
        return None
    limit = vocabulary.laceration_small_max_cm
    size = "small" if length <= limit else "large"
    relation = "at most" if size == "small" else "over"
    return Condition(size, f"laceration {length:g} cm ({cite(fact)}), {relation} {limit:g} cm")


def _from_words(name: str, procedure: Procedure, evidence: Evidence, vocabulary: Vocabulary,
                wording) -> Condition | None:
    match = wording.match_words(name, procedure.descript or "")
    if match is None:
        return None
    value, phrase = match
    return Condition(value, f"the procedure's description says \"{phrase}\"")


def _payer_takes_cdt(payer) -> Condition:
    if payer.takes_cdt:
        return Condition("yes", f"{payer.label} accepts D-codes on a CMS-1500 (payer rule {payer.id})")
    return Condition("no", f"{payer.label} wants medical codes, not D-codes (payer rule {payer.id})")
