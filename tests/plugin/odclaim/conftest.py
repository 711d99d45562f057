"""Fixtures for `medlane od-claim`: a sandbox Open Dental with claims, and a small document service.

The document service here is a real Flask app on loopback serving the two GETs od-claim reads,
shaped as the service's contract says (the end-to-end test against the real service is apart).
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from flask import Flask, abort, jsonify, request
from werkzeug.serving import make_server

from plugin.cli import main
from plugin.sandbox.seed import DEMO_SEED, read_json
from plugin.sandbox.server import SandboxServer

BILLER_TOKEN = "mlt_biller_s3cret"
SERVICE_TOKEN = "mlt_flagger_s3cret"  # the flagger's: may post cases, not read them
CASE_ID = 12
ACN = "ML-12-9F3A0C11D2"


@pytest.fixture
def od_seed() -> dict:
    """Patient 1's visit 100 (procedures 500, 501) holds a sent dental claim 41 and an unsent medical
    claim 40; patient 2 has a claim of their own. Plan 7 is dental, plan 8 medical."""
    return {
        "providers": [{"ProvNum": 1, "Abbr": "DOC1"}],
        "procedurecodes": [
            {"CodeNum": 1, "ProcCode": "D0140", "AbbrDesc": "LimEx"},
            {"CodeNum": 2, "ProcCode": "D7286", "AbbrDesc": "Bx"},
        ],
        "patients": [
            {"PatNum": 1, "LName": "Sample1", "FName": "Alex", "PriProv": 1},
            {"PatNum": 2, "LName": "Sample2", "FName": "Riley", "PriProv": 1},
        ],
        "appointments": [
            {"AptNum": 100, "PatNum": 1, "AptStatus": "Complete", "AptDateTime": "2027-01-04 09:00:00", "ProvNum": 1},
        ],
        "procedurelogs": [
            {"ProcNum": 500, "PatNum": 1, "AptNum": 100, "CodeNum": 1, "ProcStatus": "C", "ProcFee": "85.00"},
            {"ProcNum": 501, "PatNum": 1, "AptNum": 100, "CodeNum": 2, "ProcStatus": "C", "ProcFee": "250.00"},
            {"ProcNum": 502, "PatNum": 2, "CodeNum": 1, "ProcStatus": "C"},
        ],
        "carriers": [
            {"CarrierNum": 1, "CarrierName": "Sample Dental Mutual"},
            {"CarrierNum": 2, "CarrierName": "Example Health Plan"},
        ],
        "insplans": [
            {"PlanNum": 7, "CarrierNum": 1, "IsMedical": "false"},
            {"PlanNum": 8, "CarrierNum": 2, "IsMedical": "true"},
        ],
        "inssubs": [
            {"InsSubNum": 70, "PlanNum": 7, "Subscriber": 1},
            {"InsSubNum": 80, "PlanNum": 8, "Subscriber": 1},
        ],
        "patplans": [
            {"PatPlanNum": 700, "PatNum": 1, "InsSubNum": 70, "Ordinal": 1},
            {"PatPlanNum": 800, "PatNum": 1, "InsSubNum": 80, "Ordinal": 2},
        ],
        "claims": [
            {"ClaimNum": 40, "PatNum": 1, "ClaimType": "Other", "PlanNum": 8, "InsSubNum": 80, "ClaimStatus": "U",
             "SecDateTEdit": "2027-01-04 12:00:00"},
            {"ClaimNum": 41, "PatNum": 1, "ClaimType": "P", "PlanNum": 7, "InsSubNum": 70, "ClaimStatus": "S"},
            {"ClaimNum": 42, "PatNum": 2, "ClaimType": "Other", "PlanNum": 8, "ClaimStatus": "U"},
        ],
        "claimprocs": [
            {"ClaimProcNum": 900, "ProcNum": 500, "ClaimNum": 40, "PatNum": 1},
            {"ClaimProcNum": 901, "ProcNum": 501, "ClaimNum": 40, "PatNum": 1},
            {"ClaimProcNum": 902, "ProcNum": 500, "ClaimNum": 41, "PatNum": 1},
            {"ClaimProcNum": 903, "ProcNum": 501, "ClaimNum": 41, "PatNum": 1},
            {"ClaimProcNum": 904, "ProcNum": 502, "ClaimNum": 42, "PatNum": 2},
        ],
    }


@pytest.fixture
def sandbox(od_seed) -> Iterator[SandboxServer]:
    """The sandbox on od_seed; tests change it through the API or `sandbox.store`."""
    with SandboxServer(od_seed) as server:
        yield server


@pytest.fixture
def demo_sandbox() -> Iterator[SandboxServer]:
    """The bundled demo practice, with its one unsent medical claim."""
    with SandboxServer(read_json(DEMO_SEED, what="demo seed")) as server:
        yield server


@dataclass
class FakeDocService:
    """What GET /cases/{id} and /cases/{id}/exports answer, set by each test."""

    url: str = ""
    cases: dict[int, dict] = field(default_factory=dict)
    exports: dict[int, list[dict]] = field(default_factory=dict)


def docservice_app(service: FakeDocService) -> Flask:
    app = Flask(__name__)

    def authorised() -> None:
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if token == SERVICE_TOKEN:
            abort(403)
        if token != BILLER_TOKEN:
            abort(401)

    @app.get("/api/v1/cases/<int:case_id>")
    def get_case(case_id: int):
        authorised()
        if case_id not in service.cases:
            return {"code": "not_found", "status": 404, "message": f"There is no case {case_id}."}, 404
        return jsonify(service.cases[case_id])

    @app.get("/api/v1/cases/<int:case_id>/exports")
    def list_exports(case_id: int):
        authorised()
        if case_id not in service.cases:
            return {"code": "not_found", "status": 404, "message": f"There is no case {case_id}."}, 404
        return jsonify(service.exports.get(case_id, []))

    return app


@pytest.fixture
def docservice() -> Iterator[FakeDocService]:
    """Case 12 (patient 1's visit 100, procedures 500 and 501) with one export, served on loopback."""
    service = FakeDocService()
    service.cases[CASE_ID] = {
        "id": CASE_ID,
        "practice": "default",
        "apt_num": 100,
        "pat_num": 1,
        "procedures": [
            {"proc_num": 500, "code": "D0140", "tooth": "", "surface": "", "descript": "Limited exam", "fee": 85.0},
            {"proc_num": 501, "code": "D7286", "tooth": "", "surface": "", "descript": "Biopsy", "fee": 250.0},
        ],
    }
    service.exports[CASE_ID] = [
        {
            "id": 3,
            "acn": ACN,
            "claim_control_number": "ML0000012",
            "frequency_code": "1",
            "exported_at": "2027-01-05T10:30:00",
            "exported_by": "biller1",
            "claim": {
                "note": "Trauma S02.5XXA fx tooth 8; 99203; LMN+xray attached",
                "prior_authorization": "PA-0001",
                "accident": {"related": "auto", "date": "2026-12-20", "state": "co"},
            },
        },
        {"id": 2, "acn": "ML-12-OLDER", "frequency_code": "1", "claim": {"note": "older", "accident": None}},
    ]
    server = make_server("127.0.0.1", 0, docservice_app(service), threaded=True)
    service.url = f"http://127.0.0.1:{server.server_port}/api/v1"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), name="fake-docservice", daemon=True)
    thread.start()
    yield service
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def od_claim(sandbox, docservice, monkeypatch, tmp_path, capsys) -> Callable[..., tuple[int, str, str]]:
    """Run `medlane od-claim` in-process against the sandbox and the document service.

    Returns (exit code, stdout, stderr). Extra arguments go after the connection flags.
    """
    for name in [n for n in os.environ if n.startswith("MEDLANE_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("MEDLANE_HOME", str(tmp_path / "home"))

    def run(*args: str, token: str = BILLER_TOKEN, case_id: int = CASE_ID) -> tuple[int, str, str]:
        code = main(
            [
                "od-claim",
                str(case_id),
                "--pms-url",
                sandbox.url,
                "--developer-key",
                sandbox.settings.developer_key,
                "--customer-key",
                sandbox.settings.customer_key,
                "--docservice-url",
                docservice.url,
                "--docservice-token",
                token,
                *args,
            ]
        )
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
