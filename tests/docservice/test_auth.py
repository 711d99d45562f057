"""Tokens and roles: 401 without a valid token, 403 where a role has no business, tokens kept hashed."""
from __future__ import annotations

import io

import pytest
from sqlalchemy import select

from docservice.auth import PERMISSIONS, find_user, hash_token
from docservice.extensions import db
from docservice.models import User


ALL = {"admin", "dentist", "assistant", "biller", "service"}
STAFF = {"admin", "dentist", "assistant"}

# (method, path, roles allowed). Everyone else gets 403.
MATRIX = [
    ("get", "/api/v1/cases", STAFF | {"biller"}),
    ("post", "/api/v1/cases", STAFF | {"service"}),
    ("get", "/api/v1/cases/{case}", STAFF | {"biller"}),
    ("put", "/api/v1/cases/{case}", STAFF | {"service"}),
    ("patch", "/api/v1/cases/{case}", STAFF),
    ("get", "/api/v1/cases/{case}/documents", STAFF | {"biller"}),
    ("post", "/api/v1/cases/{case}/documents", STAFF),
    ("post", "/api/v1/documents", STAFF),
    ("get", "/api/v1/documents/{document}", STAFF | {"biller"}),
    ("patch", "/api/v1/documents/{document}", STAFF | {"biller"}),  # {"kind": ...}: billers correct kinds
    ("get", "/api/v1/documents/{document}/pdf", STAFF | {"biller"}),
    ("get", "/api/v1/documents/{document}/original", STAFF | {"biller"}),
    ("get", "/api/v1/users", {"admin"}),
    ("post", "/api/v1/users", {"admin"}),
    ("get", "/api/v1/audit", {"admin"}),
]


@pytest.fixture
def records(case_body, samples, client, auth):
    case = client.post("/api/v1/cases", json=case_body(), headers=auth("admin")).json
    document = client.post(
        "/api/v1/documents", data={"file": (io.BytesIO(samples.blank_pdf()), "scan.pdf")}, headers=auth("admin")
    ).json
    return {"case": case["id"], "document": document["id"]}


@pytest.fixture
def body_for(samples, case_body):
    """body_for(method, path) -> the keyword arguments of a valid request to that route."""

    def body(method, path):
        if path.endswith("/documents") and method == "post":
            return {"data": {"file": (io.BytesIO(samples.blank_pdf()), "scan.pdf")}}
        if path == "/api/v1/users":
            return {"json": {"name": "new-user", "role": "biller"}}
        if path == "/api/v1/documents/{document}":
            return {"json": {"kind": "chart_note"}}
        if method in ("post", "put"):
            return {"json": case_body()}
        if method == "patch":
            return {"json": {"status": "in_progress"}}
        return {}

    return body


@pytest.mark.parametrize("method, path, allowed", MATRIX, ids=[f"{m} {p}" for m, p, _ in MATRIX])
def test_role_matrix(body_for, client, auth, records, method, path, allowed):
    url = path.format(**records)
    for role in sorted(ALL):
        response = getattr(client, method)(url, headers=auth(role), **body_for(method, path))
        if role in allowed:
            assert response.status_code < 400, (role, response.status_code, response.json)
        else:
            assert response.status_code == 403, (role, response.status_code)
            assert response.json["code"] == "forbidden"
            assert role in response.json["message"]


@pytest.mark.parametrize("method, path, allowed", MATRIX, ids=[f"{m} {p}" for m, p, _ in MATRIX])
def test_every_call_needs_a_token(body_for, client, records, method, path, allowed):
    response = getattr(client, method)(path.format(**records), **body_for(method, path))
    assert response.status_code == 401
    assert response.json["code"] == "unauthorized"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "header",
    ["Bearer ", "Bearer nonsense", "Basic dXNlcjpwYXNz", "Bearer mlt_000000000000_wrong", "mlt_abc_def"],
)
def test_malformed_or_wrong_tokens_are_401(client, header):
    response = client.get("/api/v1/cases", headers={"Authorization": header})
    assert response.status_code == 401


def test_a_right_token_id_with_a_wrong_secret_is_401(client, tokens):
    prefix, token_id, _ = tokens["dentist"].split("_", 2)
    forged = f"{prefix}_{token_id}_{'A' * 43}"
    assert client.get("/api/v1/cases", headers={"Authorization": f"Bearer {forged}"}).status_code == 401


def test_tokens_are_stored_only_as_hashes(app, tokens):
    with app.app_context():
        users = db.session.scalars(select(User)).all()
        stored = {value for user in users for value in (user.token_id, user.token_hash, user.name)}
        for token in tokens.values():
            assert token not in stored
            assert hash_token(token) in stored
            assert find_user(db.session, token) is not None


def test_a_disabled_user_is_401(app, client, auth):
    with app.app_context():
        user = db.session.scalars(select(User).where(User.role == "biller")).one()
        user.active = False
        db.session.commit()
    assert client.get("/api/v1/cases", headers=auth("biller")).status_code == 401


def test_admin_creates_users_over_the_api(case_body, client, auth):
    response = client.post("/api/v1/users", json={"name": "flagger", "role": "service"}, headers=auth("admin"))
    assert response.status_code == 201
    token = response.json["token"]
    assert client.post("/api/v1/cases", json=case_body(), headers={"Authorization": f"Bearer {token}"}).status_code == 201
    listed = client.get("/api/v1/users", headers=auth("admin")).json
    assert "flagger" in {user["name"] for user in listed}
    assert all("token" not in user for user in listed)
    again = client.post("/api/v1/users", json={"name": "flagger", "role": "service"}, headers=auth("admin"))
    assert again.status_code == 409


def test_every_role_has_a_permission_set():
    assert set(PERMISSIONS) == ALL
    assert PERMISSIONS["service"] == {"cases:write"}
