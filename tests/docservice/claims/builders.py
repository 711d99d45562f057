"""Synthetic cases and facts for the claim tests (obviously not real patients)."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from docservice.models import Case, Fact, InsurancePlan, Problem, Procedure


def procedure(code: str, *, tooth: str = "", surface: str = "", descript: str = "", fee=None, proc_num=None,
              id=None) -> Procedure:
    return Procedure(code=code, tooth=tooth, surface=surface, descript=descript, id=id, proc_num=proc_num,
                     fee=Decimal(str(fee)) if fee is not None else None)


def plan(kind="medical", carrier="Acme Health", *, plan="PPO", subscriber_id="TEST-M-001", group="GRP-TEST",
         ordinal=1) -> InsurancePlan:
    return InsurancePlan(kind=kind, carrier=carrier, plan=plan, subscriber_id=subscriber_id, group_number=group,
                         ordinal=ordinal)


def case(*procedures: Procedure, problems=(), plans=None, category="pathology", provider="DOCTEST") -> Case:
    return Case(
        practice="test-practice", apt_num=1, pat_num=1, apt_start=datetime(2026, 3, 2, 9, 0),
        apt_provider=provider, patient_name="Test Patient Alpha", category=category,
        categories=[{"category": category}],
        procedures=list(procedures),
        problems=[Problem(icd10=code, name=f"problem {code}") for code in problems],
        insurance=list(plans if plans is not None else [plan()]),
    )


def fact(name: str, value, *, negated=False, historical=False, document_id=7, page=1, display="") -> Fact:
    return Fact(name=name, value=value, negated=negated, historical=historical, document_id=document_id,
                page=page, display=display or str(value), source="document", snippet="")
