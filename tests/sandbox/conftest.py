"""Fixtures for the sandbox tests: small synthetic seeds and sandboxes on free loopback ports."""
from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
import requests

from plugin.sandbox.server import SandboxServer
from plugin.sandbox.settings import SandboxSettings

OLD_STAMP = "2026-01-05 09:00:00"
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def make_seed(*, appointments: int = 6, first_day: date = date(2027, 1, 4)) -> dict:
    """A tiny practice: two providers, five patients in two families, `appointments` visits over five days.

    Patients 1 and 2 share a guarantor; 3 and 4 are separate families joined in super family 3.
    """
    patients = [
        {"PatNum": 1, "LName": "Sample1", "FName": "Alex", "Guarantor": 1, "PriProv": 1},
        {"PatNum": 2, "LName": "Sample1", "FName": "Riley", "Guarantor": 1, "PriProv": 1},
        {"PatNum": 3, "LName": "Example3", "FName": "Casey", "Guarantor": 3, "SuperFamily": 3, "PriProv": 1},
        {"PatNum": 4, "LName": "Example4", "FName": "Quinn", "Guarantor": 4, "SuperFamily": 3, "PriProv": 1},
        {"PatNum": 5, "LName": "Demo5", "FName": "Sage", "Guarantor": 5, "PriProv": 2, "SecProv": 2},
    ]
    for patient in patients:
        patient["DateTStamp"] = OLD_STAMP
    rows = []
    for i in range(appointments):
        day = first_day + timedelta(days=i % 5)
        rows.append(
            {
                "AptNum": 100 + i,
                "PatNum": 1 + i % 5,
                "AptStatus": "Broken" if i % 7 == 6 else "Scheduled",
                "AptDateTime": f"{day.isoformat()} {8 + i % 9:02d}:00:00",
                "Op": 1 + i % 2,
                "ProvNum": 1,
                "Note": "recall" if i % 3 else "",
                "DateTStamp": OLD_STAMP,
            }
        )
    return {
        "providers": [
            {"ProvNum": 1, "Abbr": "DOC1", "LName": "Demodentist1", "FName": "Morgan", "NationalProvID": "1245319599"},
            {"ProvNum": 2, "Abbr": "HYG1", "LName": "Testhygienist1", "FName": "Dana", "IsSecondary": "true"},
        ],
        "procedurecodes": [
            {"CodeNum": 1, "ProcCode": "D0120", "Descript": "Periodic exam", "AbbrDesc": "PerEx", "ProcCat": 70},
            {"CodeNum": 2, "ProcCode": "D1110", "Descript": "Adult cleaning", "AbbrDesc": "Pro", "ProcCat": 78},
            {"CodeNum": 3, "ProcCode": "D7286", "Descript": "Biopsy, soft tissue", "AbbrDesc": "Bx", "ProcCat": 89},
            {"CodeNum": 4, "ProcCode": "D9986", "Descript": "Missed appointment", "AbbrDesc": "Missed"},
        ],
        "patients": patients,
        "appointments": rows,
        "procedurelogs": [
            {"ProcNum": 500, "PatNum": 1, "AptNum": 100, "CodeNum": 2, "ProcStatus": "TP", "DateTStamp": OLD_STAMP},
            {"ProcNum": 501, "PatNum": 1, "AptNum": 100, "procCode": "D0120", "DateTStamp": OLD_STAMP},
        ],
        "diseasedefs": [{"DiseaseDefNum": 7, "DiseaseName": "Sleep apnea (OSA)", "ICD10Code": "G47.33"}],
        "diseases": [{"DiseaseNum": 1, "PatNum": 3, "DiseaseDefNum": 7}],
        "popups": [
            {"PopupNum": 10, "PatNum": 2, "Description": "Family acct - see office mgr", "PopupLevel": "Family"},
            {"PopupNum": 11, "PatNum": 4, "Description": "Prefers mornings"},
            {"PopupNum": 12, "PatNum": 5, "Description": "Unrelated patient"},
        ],
    }


@pytest.fixture
def seed() -> dict:
    return make_seed()


@pytest.fixture
def sandbox(seed):
    with SandboxServer(seed) as server:
        yield server


@pytest.fixture
def api(sandbox):
    return Api(sandbox)


class Api:
    """requests with the sandbox's keys and Content-Type, and paths relative to /api/v1."""

    def __init__(self, server: SandboxServer) -> None:
        self.server = server
        self.session = requests.Session()
        self.session.headers.update(server.headers)

    def get(self, path: str, **params) -> requests.Response:
        return self.session.get(f"{self.server.url}/{path}", params=params, timeout=10)

    def post(self, path: str, body: dict) -> requests.Response:
        return self.session.post(f"{self.server.url}/{path}", json=body, timeout=10)

    def put(self, path: str, body: dict) -> requests.Response:
        return self.session.put(f"{self.server.url}/{path}", json=body, timeout=10)

    def delete(self, path: str) -> requests.Response:
        return self.session.delete(f"{self.server.url}/{path}", timeout=10)


@pytest.fixture
def start_sandbox():
    """Start SandboxServers with given settings; all are stopped at the end of the test."""
    started: list[SandboxServer] = []

    def start(seed: dict, **settings) -> Api:
        server = SandboxServer(seed, settings=SandboxSettings(**settings)).start()
        started.append(server)
        return Api(server)

    yield start
    for server in started:
        server.stop()


class SandboxProcess:
    """`medlane sandbox` as a real process, as a practice would run it."""

    def __init__(self, *args: str) -> None:
        env = dict(os.environ, PYTHONPATH=str(PROJECT_ROOT))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "plugin", "sandbox", "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=PROJECT_ROOT,
            env=env,
        )
        ready, _, _ = select.select([self.process.stdout], [], [], 20)
        line = self.process.stdout.readline() if ready else ""
        if not line.startswith("Open Dental sandbox on "):
            self.process.kill()
            raise AssertionError(f"sandbox did not start: {line!r} {self.process.stderr.read()!r}")
        self.url = line.split(" on ", 1)[1].strip()
        self.headers = {
            "Authorization": "ODFHIR sandbox-developer/sandbox-customer",
            "Content-Type": "application/json",
        }

    def kill_hard(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(10)


@pytest.fixture
def run_sandbox_process():
    processes: list[SandboxProcess] = []

    def run(*args: str) -> SandboxProcess:
        process = SandboxProcess(*args)
        processes.append(process)
        return process

    yield run
    for process in processes:
        if process.process.poll() is None:
            process.process.kill()
            process.process.wait(10)
        process.process.stdout.close()
        process.process.stderr.close()


def write_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
