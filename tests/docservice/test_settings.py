"""Practice settings: GET/PUT /api/v1/settings (admins only), validation per field, the CLI."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest


def test_only_admins_read_or_change_settings(client, auth):
    assert client.get("/api/v1/settings", headers=auth("admin")).status_code == 200
    for role in ("biller", "dentist", "assistant", "service"):
        assert client.get("/api/v1/settings", headers=auth(role)).status_code == 403
        assert client.put("/api/v1/settings", json={"place_of_service": "12"}, headers=auth(role)).status_code == 403
    assert client.get("/api/v1/settings").status_code == 401


def test_defaults_before_anything_is_set(client, auth):
    body = client.get("/api/v1/settings", headers=auth("admin")).get_json()
    assert body["place_of_service"] == "11"
    assert body["payers"] == [] and body["rendering_providers"] == []
    assert set(body) >= {"billing_provider", "rendering_providers", "pay_to", "submitter", "receiver",
                         "place_of_service", "payers"}


def test_put_is_a_merge_patch_and_answers_the_whole_result(client, auth, practice_settings):
    admin = auth("admin")
    assert client.put("/api/v1/settings", json=practice_settings, headers=admin).status_code == 200
    patched = client.put("/api/v1/settings", json={"billing_provider": {"phone": "555-010-0100"}}, headers=admin)
    body = patched.get_json()
    assert patched.status_code == 200
    assert body["billing_provider"]["phone"] == "5550100100"  # digits kept, the rest merged
    assert body["billing_provider"]["npi"] == "1245319599"
    removed = client.put("/api/v1/settings", json={"billing_provider": {"address": {"line2": None}}}, headers=admin)
    assert removed.get_json()["billing_provider"]["address"]["line2"] == ""
    assert client.get("/api/v1/settings", headers=admin).get_json() == removed.get_json()


@pytest.mark.parametrize(("patch", "field"), [
    ({"billing_provider": {"npi": "1245319598"}}, "billing_provider.npi"),
    ({"billing_provider": {"tin": "12345678"}}, "billing_provider.tin"),
    ({"billing_provider": {"taxonomy": "1223G0001"}}, "billing_provider.taxonomy"),
    ({"billing_provider": {"address": {"zip": "43001"}}}, "billing_provider.address.zip"),
    ({"payers": [{"payer_id": "X", "name": "A"}]}, "payers.0.payer_id"),
    ({"payers": [{"payer_id": "AB12", "name": "A", "accepts": "fax"}]}, "payers.0.accepts"),
    ({"place_of_service": "office"}, "place_of_service"),
    ({"billing_provider": {"colour": "red"}}, "billing_provider.colour"),
])
def test_bad_fields_are_named_and_nothing_is_stored(client, auth, practice_settings, patch, field):
    admin = auth("admin")
    client.put("/api/v1/settings", json=practice_settings, headers=admin)
    before = client.get("/api/v1/settings", headers=admin).get_json()
    answer = client.put("/api/v1/settings", json=patch, headers=admin)
    assert answer.status_code == 422
    assert answer.get_json()["code"] == "settings_invalid"
    assert field in answer.get_json()["errors"]
    assert client.get("/api/v1/settings", headers=admin).get_json() == before


def test_several_bad_fields_are_all_named(client, auth):
    answer = client.put("/api/v1/settings", headers=auth("admin"),
                        json={"billing_provider": {"npi": "123", "tin": "1"}, "submitter": {"contact_phone": "12"}})
    assert set(answer.get_json()["errors"]) == {"billing_provider.npi", "billing_provider.tin",
                                                 "submitter.contact_phone"}


def test_environment_seeds_the_first_settings(make_app, auth_for):
    app = make_app(BILLING_NPI="1245319599", BILLING_NAME="Seeded Practice", RENDERING_NPI="1234567893")
    body = app.test_client().get("/api/v1/settings", headers=auth_for(app, "admin")).get_json()
    assert body["billing_provider"]["npi"] == "1245319599"
    assert body["billing_provider"]["name"] == "Seeded Practice"
    assert body["rendering_providers"][0]["npi"] == "1234567893"


def _medlane(home, *args, database_url):
    env = {"MEDLANE_HOME": str(home), "MEDLANE_DATABASE_URL": database_url, "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "plugin", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_cli_show_set_and_import(tmp_path, home, database_url, practice_settings):
    toml = tmp_path / "practice.toml"
    toml.write_text(
        '[billing_provider]\nname = "Toml Practice"\nnpi = "1245319599"\ntin = "12-3456789"\n'
        '[billing_provider.address]\nline1 = "1 Test St"\ncity = "Testville"\nstate = "OH"\nzip = "43001-1234"\n'
        '[[payers]]\npayer_id = "EXMPL1"\nname = "Example Health Plan"\nattachment_limit_mb = 5\n'
    )
    imported = _medlane(home, "settings", "import", str(toml), database_url=database_url)
    assert imported.returncode == 0, imported.stderr
    assert _medlane(home, "settings", "set", "billing_provider.npi", "1234567893",
                    database_url=database_url).returncode == 0
    assert _medlane(home, "settings", "set", "payers.0.takes_cdt", "true", database_url=database_url).returncode == 0
    assert _medlane(home, "settings", "set", "pay_to", '{"line1": "PO Box 9", "city": "Testville", "state": "OH", '
                    '"zip": "02110"}', database_url=database_url).returncode == 0
    shown = json.loads(_medlane(home, "settings", "show", database_url=database_url).stdout)
    assert shown["billing_provider"]["npi"] == "1234567893"
    assert shown["billing_provider"]["tin"] == "123456789"
    assert shown["billing_provider"]["address"]["zip"] == "430011234"
    assert shown["payers"][0]["takes_cdt"] is True and shown["payers"][0]["attachment_limit_mb"] == 5
    assert shown["pay_to"]["zip"] == "02110"  # text stays text: no lost leading zero


def test_cli_refuses_a_bad_value_in_one_line(tmp_path, home, database_url):
    bad = _medlane(home, "settings", "set", "billing_provider.npi", "1245319598", database_url=database_url)
    assert bad.returncode != 0
    assert "billing_provider.npi" in bad.stderr and "Traceback" not in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
    missing = _medlane(home, "settings", "set", "payers.3.name", "X", database_url=database_url)
    assert missing.returncode != 0 and "Traceback" not in missing.stderr
    broken = _medlane(home, "settings", "import", str(tmp_path / "nope.toml"), database_url=database_url)
    assert broken.returncode != 0 and "Cannot read" in broken.stderr
