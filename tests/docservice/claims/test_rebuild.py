"""Rebuilds after the flagger re-posts the case (procedures replaced): edits and deletions hold."""
from __future__ import annotations

import pytest

PROCEDURES = [
    {"proc_num": 9001, "code": "D9947", "tooth": "", "surface": "", "descript": "sleep appliance", "fee": 1800.0},
    {"proc_num": 9002, "code": "D7286", "tooth": "", "surface": "", "descript": "biopsy", "fee": 300.0},
]


@pytest.fixture
def repost(case_body):
    """repost(client, auth, procedures) -> the case's id, after the flagger (re-)posts it with these procedures."""

    def post(client, auth, procedures):
        body = case_body(procedures=procedures,
                         problems=[{"icd10": "G47.33", "name": "osa"}, {"icd10": "K13.79", "name": "lesion"}])
        response = client.post("/api/v1/cases", json=body, headers=auth("service"))
        assert response.status_code in (200, 201)
        return response.json["id"]

    return post


def rebuild(client, auth, case_id):
    return client.post(f"/api/v1/cases/{case_id}/claim", headers=auth("biller")).json


def test_edits_and_deletions_hold_when_the_procedures_are_re_posted(repost, client, auth, claims_crosswalk_double):
    case_id = repost(client, auth, PROCEDURES)
    sleep, biopsy = rebuild(client, auth, case_id)["lines"]
    client.patch(f"/api/v1/cases/{case_id}/claim/lines/{sleep['id']}", json={"charge": 1500}, headers=auth("biller"))
    client.delete(f"/api/v1/cases/{case_id}/claim/lines/{biopsy['id']}", headers=auth("biller"))
    # The flagger posts the appointment again: new procedure rows, same ProcNums, one more procedure.
    repost(client, auth, [*PROCEDURES, {"proc_num": 9004, "code": "D7286", "tooth": "", "surface": "",
                                        "descript": "second biopsy, palate", "fee": 310.0}])
    claim = rebuild(client, auth, case_id)
    assert [(line["cdt"], line["code"], line["charge"]) for line in claim["lines"]] == [
        ("D9947", "E0486", 1500.0), ("D7286", "42100", 310.0)
    ]
    assert claim["lines"][0]["id"] == sleep["id"]


def test_an_unedited_line_whose_procedure_is_gone_is_dropped(repost, client, auth, claims_crosswalk_double):
    case_id = repost(client, auth, PROCEDURES)
    rebuild(client, auth, case_id)
    repost(client, auth, PROCEDURES[:1])
    assert [line["cdt"] for line in rebuild(client, auth, case_id)["lines"]] == ["D9947"]


def test_an_edited_line_whose_procedure_is_gone_stays(repost, client, auth, claims_crosswalk_double):
    case_id = repost(client, auth, PROCEDURES)
    biopsy = rebuild(client, auth, case_id)["lines"][1]
    client.patch(f"/api/v1/cases/{case_id}/claim/lines/{biopsy['id']}", json={"code": "41100"}, headers=auth("biller"))
    repost(client, auth, PROCEDURES[:1])
    lines = rebuild(client, auth, case_id)["lines"]
    assert [(line["cdt"], line["code"]) for line in lines] == [("D9947", "E0486"), ("D7286", "41100")]
