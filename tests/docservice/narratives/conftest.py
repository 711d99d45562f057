"""Narrative test inputs built from ORM objects: synthetic cases per category, complete and empty, and a small billing stand-in."""
from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

import pytest

from docservice.models import Case, Claim, ClaimLine, Document, Fact, InsurancePlan, Problem, Procedure

CATEGORIES = ("sleep", "tmd", "trauma", "pathology", "infection", "bone_graft", "frenum", "clearance", "general")

# name -> value (display) per category: what a complete set of records would yield. Synthetic values.
COMPLETE_FACTS = {
    "sleep": [("ahi", 22.0), ("respiratory_events", 140), ("sleep_study_date", "2026-01-10"),
              ("sleep_study_type", "psg"), ("interpreting_physician", {"name": "Test Sleep Reader", "npi": "1234567893"}),
              ("ordering_physician", {"name": "Test Ordering Doctor", "npi": "1245319599"}), ("order_date", "2026-01-20"),
              ("face_to_face_date", "2026-01-05"),
              ("cpap_intolerance", True), ("epworth", 14), ("sleep_symptom", "daytime_sleepiness")],
    "tmd": [("max_opening_mm", 28.0), ("pain_score", 7), ("pain", True), ("symptom_duration_days", 120),
            ("conservative_therapy", "nsaids"), ("conservative_therapy", "jaw_exercises"),
            ("conservative_therapy_days", 60), ("joint_sounds", {"sound": "click", "side": "left"})],
    "trauma": [("injury_date", "2026-02-27"), ("injury_place", "a playground"), ("injury_mechanism", "fall"),
               ("teeth_involved", ["8", "9"]), ("sound_before_injury", True)],
    "pathology": [("lesion_site", "tongue_anterior"), ("lesion_size_mm", 8.0), ("lesion_duration_days", 42)],
    "infection": [("swelling", True), ("temperature", 38.4), ("trismus", True)],
    "bone_graft": [("graft_etiology", "trauma"), ("jaw", "mandible"), ("radiology_impression", "Alveolar defect")],
    "frenum": [("frenum_action", "excision")],
    "clearance": [("referral_source", {"name": "Test Cardiology Group", "npi": "1234567893"}),
                  ("planned_procedure", "cardiac valve replacement"), ("planned_procedure_date", "2026-04-01")],
    "general": [],
}
# What only the dentist writes, per template, as the manual text a complete case still needs filled.
COMMON_FACTS = [("functional_impairment", "unable to chew solid food"), ("chief_complaint", "my jaw hurts when I eat")]


class FakeBilling:
    """Just what the narrative reads from `crosswalk.billing`, shaped as contract §1 describes."""

    def __init__(self, *, medicare: bool = True):
        self.rules = (
            SimpleNamespace(document_kind="sleep_study", pwk="DG", label="Sleep study report", severity="error",
                            codes=("E0486",), categories=("sleep",)),
            SimpleNamespace(document_kind="pathology_report", pwk="P4", label="Pathology report", severity="error",
                            codes=("41100",), categories=("pathology",)),
        )
        self.medicare = medicare

    def label(self, code):
        return {"E0486": "oral appliance for sleep apnea, custom"}.get(code, "")

    def attachments_for(self, codes, categories):
        return tuple(r for r in self.rules if set(r.codes) & set(codes) or set(r.categories) & set(categories))

    def modifier_rules_for(self, code):
        if code != "E0486":
            return ()
        return (SimpleNamespace(kind="medicare_criteria", source="LCD L33611 (paraphrased)", message="KX when met"),)

    def support_rule(self, code):
        return None

    def payer(self, carrier, plan=""):
        criteria = SimpleNamespace(ahi_min=15, events_min=30, ahi_low_min=5, events_low_min=10,
                                   low_symptoms=("daytime_sleepiness",))
        return SimpleNamespace(id="medicare" if self.medicare else "default", medicare=self.medicare, sleep=criteria)


def make_case(category: str, *, complete: bool = True) -> Case:
    """A case of `category`; complete: insurance, problems, procedures, a finished document per kind."""
    case = Case(practice="test-practice", apt_num=1, pat_num=1, apt_start=datetime(2026, 3, 2, 9),
                category=category if category != "general" else "impacted", categories=[],
                patient_name="Test Patient Alpha" if complete else "", patient_birthdate=date(1970, 1, 31) if complete else None)
    if complete:
        case.procedures.append(Procedure(code="D9947", tooth=""))
        case.problems.append(Problem(icd10="G47.33", name="Obstructive sleep apnea"))
        case.insurance.append(InsurancePlan(kind="medical", carrier="Test Health Plan", subscriber_id="TST000111",
                                            group_number="GRP-9", ordinal=1))
        case.documents.append(Document(id=11, sha256="0" * 64, size=1, media_type="application/pdf",
                                       kind="sleep_study", status="done"))
        case.documents.append(Document(id=12, sha256="1" * 64, size=1, media_type="application/pdf",
                                       kind="chart_note", status="needs_review"))
        if category == "pathology":
            case.documents.append(Document(id=13, sha256="2" * 64, size=1, media_type="application/pdf",
                                           kind="pathology_report", status="done"))
    return case


def make_facts(category: str) -> list[Fact]:
    return [Fact(name=name, value=value, document_id=11, page=2, source="document")
            for name, value in [*COMMON_FACTS, *COMPLETE_FACTS[category]]]


def make_claim() -> Claim:
    claim = Claim(diagnoses=[{"code": "G47.33", "label": "Obstructive sleep apnea", "why": "", "source": "problem"}],
                  fields={"payer_name": "Test Health Plan", "member_id": "TST000111", "service_date": "2026-03-02",
                          "rendering_provider": {"name": "Test Dentist Beta", "npi": "1234567893"}})
    claim.lines.append(ClaimLine(code="E0486", system="HCPCS", cdt="D9947", modifiers=["NU", "KX"], units=1, pointers=[1]))
    return claim


@pytest.fixture
def billing():
    return SimpleNamespace(billing=FakeBilling())
