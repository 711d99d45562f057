"""One meaning of every fact: a case's evidence, resolved once, read by claims, checks and narratives.

    evidence = resolve_evidence(case, facts, evidence_rules(crosswalk))
    evidence.reading("ahi")       # the Fact (or a person's confirmation) whose value the case uses
    evidence.get("ahi").why       # why that one; .conflicts, .denied, .past, .confirmation
    evaluate_criteria(rule, payer, evidence)   # the payer criteria, judged once (KX, checks, letter)

A person's confirmation, correction or entry (`record_confirmation`) beats anything read.
"""
from docservice.evidence.criteria import CriteriaResult, criteria_of, evaluate_criteria
from docservice.evidence.readings import PersonReading, context_of, is_blank
from docservice.evidence.resolution import Evidence, Resolved, resolve_evidence
from docservice.evidence.values import EvidenceRejected


def evidence_rules(crosswalk):
    """The crosswalk's evidence rules (evidence.yaml, criteria.yaml).

    A crosswalk stand-in that carries only `billing` (tests of one rule's mechanics) gets the shipped ones.
    """
    rules = getattr(crosswalk, "evidence", None)
    if rules is None:
        from crosswalks.evidence import load_evidence_rules

        rules = load_evidence_rules()
    return rules


def wording_of(crosswalk):
    """The crosswalk's wording (wording.yaml); a stand-in that carries only `billing` gets the shipped one."""
    wording = getattr(crosswalk, "wording", None)
    if wording is None:
        from crosswalks.wording import load_wording

        wording = load_wording()
    return wording


def case_evidence(case, facts, crosswalk) -> Evidence:
    """The case's evidence resolved with the crosswalk's rules and the people's confirmations."""
    return resolve_evidence(case, facts, evidence_rules(crosswalk))


__all__ = [
    "CriteriaResult",
    "Evidence",
    "EvidenceRejected",
    "PersonReading",
    "Resolved",
    "case_evidence",
    "context_of",
    "criteria_of",
    "evaluate_criteria",
    "evidence_rules",
    "is_blank",
    "resolve_evidence",
    "wording_of",
]
