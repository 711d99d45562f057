"""The Open Dental client against the sandbox: paging, pacing, retries only where safe, errors."""
from __future__ import annotations

from datetime import date

import pytest

from plugin.config import PMSSettings
from plugin.errors import PMSAuthError, PMSNotFound, PMSTimeout
from plugin.opendental.api import OpenDentalAPI
from plugin.opendental.client import OpenDentalClient, route_of
from plugin.sandbox.practice import generate_practice
from plugin.sandbox.server import SandboxServer
from plugin.sandbox.settings import SandboxSettings


@pytest.fixture(scope="module")
def big_seed():
    seed, _ = generate_practice(appointments=250, start=date(2027, 1, 4), days=2, seed=5)
    return seed


def client_for(server, **pms) -> OpenDentalClient:
    settings = PMSSettings(
        url=server.url, developer_key=server.settings.developer_key, customer_key=server.settings.customer_key, **pms
    )
    return OpenDentalClient(settings, backoff=0.0)


@pytest.mark.parametrize("page_limit, page_size", [(100, 0), (1000, 0), (100, 100), (1000, 100)])
def test_paging_reads_every_row(big_seed, page_limit, page_size):
    with SandboxServer(big_seed, settings=SandboxSettings(page_limit=page_limit)) as server:
        client = client_for(server, page_size=page_size)
        rows = client.get_all("appointments")
        assert len(rows) == len(big_seed["appointments"])
        assert len({r["AptNum"] for r in rows}) == len(rows)


def test_date_window_uses_documented_parameter_names(big_seed):
    with SandboxServer(big_seed) as server:
        api = OpenDentalAPI(client_for(server))
        rows = api.appointments_between(date(2027, 1, 4), date(2027, 1, 4))
        assert rows and all(a.start.date() == date(2027, 1, 4) for a in rows)


def test_pacing_keeps_a_throttled_key_out_of_429(big_seed):
    paced = SandboxSettings(min_interval=0.2)
    with SandboxServer(big_seed, settings=paced) as server:
        client = client_for(server, min_interval=0.2)
        for _ in range(6):
            client.get("diseasedefs")
        assert server.stats.snapshot()["throttled"] == 0


def test_unpaced_client_is_throttled_and_recovers(big_seed):
    # A long interval, so even a loaded machine sends the second call inside it.
    with SandboxServer(big_seed, settings=SandboxSettings(min_interval=2.0)) as server:
        client = client_for(server, min_interval=0)
        for _ in range(2):
            client.get("diseasedefs")  # 429s are retried after Retry-After
        assert server.stats.snapshot()["throttled"] > 0


def test_post_is_never_retried_after_a_timeout(big_seed):
    always = SandboxSettings(fail_rate=1.0, fault_seed=3)
    with SandboxServer(big_seed, settings=always) as server:
        client = client_for(server)
        pat = big_seed["patients"][0]["PatNum"]
        with pytest.raises(Exception):
            client.post("popups", {"PatNum": pat, "Description": "x"})
        sent = client.calls[route_of("POST", "popups")]
        assert sent == server.stats.snapshot()["by_route"]["POST /popups"]
        # Retried only while the answer said nothing was done (an injected 400); a 504 ends it.
        assert 1 <= sent <= client.max_attempts


def test_errors_are_typed(big_seed):
    with SandboxServer(big_seed) as server:
        with pytest.raises(PMSAuthError):
            OpenDentalClient(PMSSettings(url=server.url, developer_key="no", customer_key="no")).get("diseasedefs")
        with pytest.raises(PMSNotFound):
            client_for(server).get("appointments/99999999")
