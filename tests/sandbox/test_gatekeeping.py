"""Open Dental's gatekeeping: keys, Content-Type, error texts, observability outside the API."""
from __future__ import annotations

import requests


def test_missing_authorization_is_401_with_text(sandbox):
    response = requests.get(f"{sandbox.url}/appointments", headers={"Content-Type": "application/json"})
    assert response.status_code == 401
    assert "Authorization" in response.json()


def test_malformed_authorization_is_401(sandbox):
    for header in ("Basic abc", "ODFHIR sandbox-developer", "Bearer sandbox-developer/sandbox-customer"):
        response = requests.get(
            f"{sandbox.url}/appointments", headers={"Authorization": header, "Content-Type": "application/json"}
        )
        assert response.status_code == 401, header
        assert "malformed" in response.json()


def test_wrong_key_is_401(sandbox):
    headers = {"Authorization": "ODFHIR sandbox-developer/other-office", "Content-Type": "application/json"}
    response = requests.get(f"{sandbox.url}/appointments", headers=headers)
    assert response.status_code == 401
    assert response.json() == "Invalid developer key or customer key."


def test_content_type_is_required_even_on_get(sandbox):
    headers = {"Authorization": sandbox.headers["Authorization"]}
    response = requests.get(f"{sandbox.url}/appointments", headers=headers)
    assert response.status_code == 400
    assert response.json() == "Content-Type must be application/json."


def test_not_found_texts(api):
    assert api.get("appointments/999").status_code == 404
    assert api.get("appointments/999").json() == "Appointment not found."
    assert api.get("patients/999").json() == "Patient not found."
    assert api.get("procedurelogs/999").json() == "Procedure not found."
    unknown = api.get("appointmentz")
    assert unknown.status_code == 404 and isinstance(unknown.json(), str)


def test_malformed_parameter_values_are_400(api):
    assert api.get("appointments", PatNum="abc").status_code == 400
    response = api.get("appointments", dateStart="04/01/2027")
    assert response.status_code == 400
    assert "yyyy-MM-dd" in response.json()
    assert api.get("appointments", AptStatus="Cancelled").status_code == 400
    assert api.get("appointments", Limit="0").status_code == 400


def test_bad_bodies_are_400(api, sandbox):
    response = requests.post(f"{sandbox.url}/commlogs", data="{not json", headers=sandbox.headers)
    assert response.status_code == 400
    assert api.post("commlogs", {"PatNum": 1}).json() == "Note is required."
    assert api.post("commlogs", {"PatNum": "x", "Note": "hi"}).status_code == 400
    assert api.post("commlogs", {"PatNum": 999, "Note": "hi"}).status_code == 400


def test_unsupported_method_is_a_400_text(api):
    response = api.delete("appointments/100")
    assert response.status_code == 400
    assert "cannot be deleted" in response.json()
    assert api.delete("carriers/1").status_code == 400


def test_stats_count_route_templates_and_reset(api, sandbox):
    api.get("appointments")
    api.get("appointments/100")
    api.get("appointments/101")
    requests.get(f"{sandbox.url}/appointments")  # 401, still a request
    stats = requests.get(sandbox.stats_url).json()
    assert stats["requests"] == 4
    assert stats["by_route"] == {"GET /appointments": 2, "GET /appointments/{id}": 2}
    assert stats["throttled"] == 0 and stats["faults"] == 0
    assert sandbox.stats.requests == 4
    requests.post(f"{sandbox.stats_url}/reset")
    assert sandbox.stats.snapshot() == {"requests": 0, "by_route": {}, "throttled": 0, "faults": 0}


def test_keys_can_be_configured(start_sandbox, seed):
    api = start_sandbox(seed, developer_key="dev-x", customer_key="cust-y")
    assert api.get("appointments").status_code == 200
    assert api.server.headers["Authorization"] == "ODFHIR dev-x/cust-y"
    default = {"Authorization": "ODFHIR sandbox-developer/sandbox-customer", "Content-Type": "application/json"}
    assert requests.get(f"{api.server.url}/appointments", headers=default).status_code == 401
