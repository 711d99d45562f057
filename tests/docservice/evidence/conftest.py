"""Fixtures of the evidence tests: synthetic cases, documents, facts and confirmations, in memory or stored.

Everything is a fixture (tests import no helper module). Names and numbers are obviously synthetic.
"""
from __future__ import annotations

import itertools
from datetime import datetime

import pytest

from crosswalks import load_crosswalk
from docservice.extensions import db
from docservice.models import (
    Case,
    Document,
    EvidenceConfirmation,
    Fact,
    InsurancePlan,
    Narrative,
    Problem,
    Procedure,
)

SERVICE_DAY = datetime(2026, 3, 2, 9, 0)
ORDERING_NPI = "1245319599"  # check digit verified
MEDICARE = "Medicare Part B (synthetic)"
COMMERCIAL = "Synthetic Mutual PPO"


@pytest.fixture(scope="session")
def crosswalk():
    """The shipped crosswalk: these tests are about the rules written as its data."""
    return load_crosswalk()


@pytest.fixture
def ids():
    return itertools.count(1)


@pytest.fixture
def make_document(ids):
    """make_document(kind, text=..., identity=...): a finished document of the case (in memory)."""

    def make(kind: str, *, text: str = "", identity: str = "match", status: str = "done") -> Document:
        return Document(id=next(ids), kind=kind, status=status, sha256="0" * 64, size=1,
                        media_type="application/pdf", filename=f"{kind}.pdf", text=text, identity=identity)

    return make


@pytest.fixture
def make_fact(ids):
    """make_fact(name, value, document=..., context=..., confidence=...): a fact as extraction stores it."""

    def make(name: str, value, *, document: Document | None = None, context: str = "present",
             confidence: float = 0.9, page: int = 1, snippet: str = "") -> Fact:
        return Fact(id=next(ids), name=name, value=value, display=str(value),
                    document_id=document.id if document else None, page=page if document else None,
                    source="document" if document else "appointment", snippet=snippet or f"{name}: {value}",
                    negated=context == "negated", historical=context == "historical", context=context,
                    section="", confidence=confidence)

    return make


@pytest.fixture
def make_confirmation(ids):
    """make_confirmation(fact, action, value, at=..., by=...): a person's word, as the API stores it."""

    def make(fact: str, action: str, value, *, at: datetime = datetime(2026, 2, 1, 12, 0),
             by: str = "dentist-user", fact_id: int | None = None) -> EvidenceConfirmation:
        return EvidenceConfirmation(id=next(ids), case_id=1, fact=fact, action=action, value=value,
                                    display=str(value), fact_id=fact_id, note="", user_name=by, created_at=at)

    return make


@pytest.fixture
def make_case(ids):
    """make_case(category, procedures=[(cdt, descript)], problems=[icd], carrier=..., documents=[...])."""

    def make(category: str = "sleep", *, procedures=(("D9947", "custom sleep apnea appliance"),),
             problems=("G47.33",), carrier: str = MEDICARE, documents=()) -> Case:
        case = Case(id=next(ids), practice="test", apt_num=next(ids), pat_num=1, apt_start=SERVICE_DAY,
                    apt_provider="DOC1", patient_name="Test Patient Alpha", category=category,
                    categories=[{"category": category, "label": category, "strength": "strong"}],
                    procedures=[Procedure(id=next(ids), code=code, descript=words) for code, words in procedures],
                    problems=[Problem(icd10=code, name=f"problem {code}") for code in problems],
                    insurance=[InsurancePlan(kind="medical", carrier=carrier, plan="", subscriber_id="TESTMEMBER01",
                                             ordinal=1, position=0)],
                    documents=list(documents))
        case.narrative = Narrative(id=next(ids), template=f"{category}.md.j2", status="signed",
                                   body="A complete narrative.", placeholders=[])
        return case

    return make


@pytest.fixture
def sleep_records(make_case, make_document, make_fact):
    """sleep_records(ahi=..., events=..., **drop): a Medicare oral-appliance case whose documents meet the
    criteria (AHI 24 with 96 events, CPAP intolerance, face-to-face before the test, order before delivery).

    Returns (case, facts); `drop` names facts to leave out, `extra` adds facts.
    """

    def make(*, ahi: float = 24.0, events: int = 96, carrier: str = MEDICARE, drop=(), extra=()):
        study = make_document("sleep_study")
        order = make_document("physician_order")
        note = make_document("chart_note")
        case = make_case("sleep", carrier=carrier, documents=[study, order, note])
        facts = [
            make_fact("ahi", ahi, document=study), make_fact("respiratory_events", events, document=study),
            make_fact("sleep_study_date", "2026-01-10", document=study),
            make_fact("interpreting_physician", {"name": "Test Reader Gamma", "npi": "1234567893"}, document=study),
            make_fact("face_to_face_date", "2026-01-02", document=note),
            make_fact("cpap_intolerance", True, document=note),
            make_fact("order_date", "2026-01-20", document=order),
            make_fact("ordering_physician", {"name": "Test Physician Beta", "npi": ORDERING_NPI}, document=order),
            make_fact("appliance_hinge", "yes", document=order),
            make_fact("delivery_date", "2026-03-02", document=note),
        ]
        facts = [fact for fact in facts if fact.name not in drop]
        return case, facts + [make_fact(*item[:2], document=note) for item in extra]

    return make


# ------------------------------------------------------------------------------------------ API


@pytest.fixture
def stored_sleep_case(app, client, auth):
    """stored_sleep_case(ahi=..., carrier=...): a posted sleep case with its documents and facts stored
    (as OCR and extraction would leave them); returns the case id."""

    def make(*, ahi: float = 24.0, carrier: str = MEDICARE, face_to_face: bool = True) -> int:
        body = {
            "practice": "evidence-tests", "apt_num": 7001, "pat_num": 7501,
            "appointment": {"start": SERVICE_DAY.isoformat(), "provider": "DOC1", "op": 1, "note": ""},
            "patient": {"name": "Test Patient Delta", "birthdate": "1955-01-31", "gender": "Male"},
            "procedures": [{"proc_num": 9901, "code": "D9947", "tooth": "", "surface": "",
                            "descript": "custom sleep apnea appliance", "fee": 1900.0}],
            "problems": [{"icd10": "G47.33", "name": "Obstructive sleep apnea"}],
            "insurance": [{"kind": "medical", "carrier": carrier, "plan": "Part B", "subscriber_id": "1EG4TE5MK72",
                           "ordinal": 1}],
            "category": "sleep",
            "categories": [{"category": "sleep", "label": "sleep apnea appliance", "strength": "strong"}],
            "evidence": [], "needs": [],
        }
        response = client.post("/api/v1/cases", json=body, headers=auth("service"))
        assert response.status_code == 201, response.json
        case_id = response.json["id"]
        with app.app_context():
            documents = {kind: Document(case_id=case_id, kind=kind, status="done", sha256=kind[:1] * 64, size=1,
                                        media_type="application/pdf", filename=f"{kind}.pdf", identity="match")
                         for kind in ("sleep_study", "physician_order", "chart_note")}
            db.session.add_all(documents.values())
            db.session.flush()
            rows = [
                ("ahi", ahi, "sleep_study"), ("respiratory_events", 96, "sleep_study"),
                ("sleep_study_date", "2026-01-10", "sleep_study"), ("cpap_intolerance", True, "chart_note"),
                ("order_date", "2026-01-20", "physician_order"),
                ("ordering_physician", {"name": "Test Physician Beta", "npi": ORDERING_NPI}, "physician_order"),
                ("appliance_hinge", "yes", "physician_order"), ("delivery_date", "2026-03-02", "chart_note"),
            ]
            if face_to_face:
                rows.append(("face_to_face_date", "2026-01-02", "chart_note"))
            db.session.add_all(Fact(case_id=case_id, document_id=documents[kind].id, page=1, name=name, value=value,
                                    display=str(value), snippet=f"{name}: {value}", source="document",
                                    confidence=0.9) for name, value, kind in rows)
            db.session.commit()
        return case_id

    return make
