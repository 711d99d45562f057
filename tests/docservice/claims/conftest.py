"""Claim API fixtures: a posted case, its facts, and the billing double in place of the crosswalk data."""
from __future__ import annotations

import pytest

from docservice.extensions import db
from docservice.models import Fact

from tests.docservice.claims.billing_double import crosswalk_double
from tests.docservice.samples import case_body


@pytest.fixture
def crosswalk(monkeypatch):
    """The API builds with the billing double, so these tests do not hang on the shipped data's rows."""
    double = crosswalk_double()
    monkeypatch.setattr("docservice.api.claims.load_crosswalk", lambda: double)
    return double


@pytest.fixture
def case_id(client, auth, crosswalk) -> int:
    body = case_body(
        patient={"name": "Test Patient Alpha", "birthdate": "1970-01-31", "gender": "Female"},
        procedures=[
            {"proc_num": 9001, "code": "D9947", "tooth": "", "surface": "", "descript": "sleep appliance", "fee": 1800.0},
            {"proc_num": 9002, "code": "D7286", "tooth": "", "surface": "", "descript": "biopsy", "fee": 300.0},
            {"proc_num": 9003, "code": "D1110", "tooth": "", "surface": "", "descript": "cleaning", "fee": 90.0},
        ],
        problems=[{"icd10": "G47.33", "name": "Obstructive sleep apnea"}, {"icd10": "K13.79", "name": "oral lesion"}],
    )
    response = client.post("/api/v1/cases", json=body, headers=auth("service"))
    assert response.status_code == 201, response.json
    return response.json["id"]


@pytest.fixture
def add_facts(app):
    def add(case_id: int, *items: tuple[str, object]) -> None:
        with app.app_context():
            for name, value in items:
                db.session.add(Fact(case_id=case_id, name=name, value=value, display=str(value), page=1))
            db.session.commit()

    return add
