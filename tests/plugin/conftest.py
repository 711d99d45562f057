"""Fixtures for the Open Dental side: a real sandbox on loopback and a scanner talking HTTP to it."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from plugin.config import load_settings
from plugin.flagger import Flagger
from plugin.opendental.api import OpenDentalAPI
from plugin.opendental.client import OpenDentalClient
from plugin.sandbox.practice import generate_practice
from plugin.sandbox.server import SandboxServer
from plugin.sandbox.settings import SandboxSettings
from plugin.scan import Scanner
from plugin.state import StateStore

DAY = date(2027, 1, 4)


@pytest.fixture(scope="session")
def flagger() -> Flagger:
    return Flagger.from_crosswalks()


@pytest.fixture(scope="session")
def practice() -> tuple[dict, dict]:
    """A generated practice day (not the demo seed) and its expected categories."""
    return generate_practice(appointments=40, start=DAY, days=1, seed=20261123, medical_share=0.25)


def settings_for(server: SandboxServer, home: Path, **pms):
    return load_settings(
        home=home,
        pms_url=server.url,
        developer_key=server.settings.developer_key,
        customer_key=server.settings.customer_key,
        environ={},
        **pms,
    )


class Harness:
    """A sandbox plus a way to make fresh scanners against it sharing one MEDLANE_HOME."""

    def __init__(self, server: SandboxServer, home: Path, flagger: Flagger) -> None:
        self.server = server
        self.home = home
        self.flagger = flagger

    def scanner(self, *, dry_run: bool = False, backoff: float = 0.0, **pms) -> Scanner:
        settings = settings_for(self.server, self.home, **pms)
        client = OpenDentalClient(settings.pms, backoff=backoff)
        return Scanner(OpenDentalAPI(client), StateStore(settings.state_path), flagger=self.flagger, dry_run=dry_run)

    def rows(self, resource: str) -> list[dict]:
        return self.server.store.rows(resource)

    def medlane_popups(self, *, active_only: bool = True) -> list[dict]:
        rows = [
            r
            for r in self.rows("popups")
            if str(r.get("Description", "")).startswith("MedLane:") and str(r.get("IsArchived")).lower() != "true"
        ]
        if active_only:
            rows = [r for r in rows if str(r.get("DateTimeDisabled", "")) > "2027-01-01"]
        return rows

    def medlane_fields(self) -> dict[int, str]:
        return {int(r["AptNum"]): r["FieldValue"] for r in self.rows("apptfields") if r.get("FieldName") == "MedLane"}

    def writes(self) -> int:
        by_route = self.server.stats.snapshot()["by_route"]
        return sum(n for route, n in by_route.items() if not route.startswith("GET"))


@pytest.fixture
def harness(practice, tmp_path, flagger):
    seed, _truth = practice
    with SandboxServer(seed, settings=SandboxSettings()) as server:
        yield Harness(server, tmp_path / "home", flagger)


@pytest.fixture
def day() -> date:
    """The generated practice's day."""
    return DAY


@pytest.fixture
def book(harness):
    """Book a visit in the sandbox: book(when, note, codes, pat_num=None) -> (pat_num, apt_num).

    Without `pat_num` a new synthetic patient is made; codes are "D0140" or ("D7270", "8")."""
    store = harness.server.store

    def _book(when, note: str, codes=(), *, pat_num: int | None = None, status: str = "Scheduled"):
        if pat_num is None:
            template = store.rows("patients")[0]
            pat_num = store.insert("patients", {**template, "LName": "Sample9001", "FName": "Alex"})["PatNum"]
        template = next(a for a in store.rows("appointments") if a["AptStatus"] == "Scheduled")
        apt = store.insert(
            "appointments",
            {**template, "PatNum": pat_num, "AptDateTime": when.strftime("%Y-%m-%d %H:%M:%S"), "Note": note,
             "AptStatus": status, "ProcDescript": ""},
        )
        code_nums = {r["ProcCode"]: r["CodeNum"] for r in store.rows("procedurecodes")}
        proc_template = store.rows("procedurelogs")[0]
        for code in codes:
            code, tooth = (code, "") if isinstance(code, str) else code
            store.insert(
                "procedurelogs",
                {**proc_template, "PatNum": pat_num, "AptNum": apt["AptNum"], "ProcDate": when.date().isoformat(),
                 "CodeNum": code_nums[code], "procCode": code, "ToothNum": tooth, "Surf": "", "ProcStatus": "TP"},
            )
        return pat_num, apt["AptNum"]

    return _book
