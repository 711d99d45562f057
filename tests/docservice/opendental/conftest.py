"""Fixtures for the document service's Open Dental writer: a real sandbox Open Dental on loopback.

The tests may import the plugin's sandbox; the document service itself never does.
"""
from __future__ import annotations

import socket
from collections.abc import Callable, Iterator

import pytest
import requests

from docservice.opendental import PmsConnection
from plugin.sandbox.faults import FaultInjector
from plugin.sandbox.server import SandboxServer
from plugin.sandbox.settings import SandboxSettings

PATIENT = 1
APPOINTMENT = 10


@pytest.fixture
def od_seed() -> dict:
    """One synthetic patient with one appointment, and the MedLane appointment field defined."""
    return {
        "providers": [{"ProvNum": 1, "Abbr": "DOC1"}],
        "patients": [{"PatNum": PATIENT, "LName": "Sample1", "FName": "Alex", "PriProv": 1}],
        "appointments": [
            {"AptNum": APPOINTMENT, "PatNum": PATIENT, "AptStatus": "Scheduled", "AptDateTime": "2027-01-04 09:00:00"}
        ],
        "apptfielddefs": [{"ApptFieldDefNum": 1, "FieldName": "MedLane"}],
    }


@pytest.fixture
def start_sandbox(od_seed) -> Iterator[Callable[..., SandboxServer]]:
    """Start sandboxes with given SandboxSettings; all are stopped at the end of the test."""
    started: list[SandboxServer] = []

    def start(**settings) -> SandboxServer:
        server = SandboxServer(od_seed, settings=SandboxSettings(**settings)).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def sandbox(start_sandbox) -> SandboxServer:
    return start_sandbox()


@pytest.fixture
def connect() -> Iterator[Callable[..., PmsConnection]]:
    """PmsConnections to a sandbox (its keys unless told otherwise), retrying without waiting."""
    made: list[PmsConnection] = []

    def connect_to(server: SandboxServer, **overrides) -> PmsConnection:
        options = {
            "url": server.url,
            "developer_key": server.settings.developer_key,
            "customer_key": server.settings.customer_key,
            "backoff": 0.0,
            **overrides,
        }
        connection = PmsConnection(**options)
        made.append(connection)
        return connection

    yield connect_to
    for connection in made:
        connection.close()


@pytest.fixture
def connection(sandbox, connect) -> PmsConnection:
    return connect(sandbox)


@pytest.fixture
def fault_seed_for() -> Callable[..., int]:
    """A --fault-seed whose first answers to writes are the given statuses (None: no fault)."""

    def find(*statuses: int | None, rate: float = 0.5) -> int:
        for seed in range(10_000):
            injector = FaultInjector(rate, seed=seed)
            drawn = [injector.draw(is_write=True) for _ in statuses]
            if [fault.status if fault else None for fault in drawn] == list(statuses):
                return seed
        raise AssertionError(f"no fault seed gives {statuses}")

    return find


@pytest.fixture
def closed_port_url() -> str:
    """An Open Dental URL on a loopback port nobody listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/v1"


@pytest.fixture
def od_get() -> Callable[..., object]:
    """What a sandbox answers to a GET, decoded: od_get(server, "documents", PatNum=1)."""

    def get(server: SandboxServer, path: str, **params) -> object:
        return requests.get(f"{server.url}/{path}", params=params, headers=server.headers, timeout=10).json()

    return get
