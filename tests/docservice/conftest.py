"""Fixtures: an app per test (fresh MEDLANE_HOME, fake OCR engine, immediate queue), over SQLite and PostgreSQL.

The `app` fixture is parametrized over both databases, so every API test runs twice. The
PostgreSQL variant uses one database created for this test run (dropped at the end) and
empties its tables after each test; it is skipped, saying why, when 127.0.0.1:5432 does not
answer. `MEDLANE_TEST_POSTGRES` may name another server (a libpq URL with an admin user),
`MEDLANE_TEST_REDIS` another Redis.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from docservice import create_app
from docservice.auth import create_user
from docservice.extensions import db
from docservice.models import ROLES, Base

from tests.docservice.fakes import FakeEngine

POSTGRES_CANDIDATES = (
    "postgresql://postgres@127.0.0.1:5432/test",
    "postgresql://root@127.0.0.1:5432/test",
)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch):
    """The developer's own MEDLANE_* settings must not leak into tests."""
    for name in list(os.environ):
        if name.startswith("MEDLANE_"):
            monkeypatch.delenv(name)


# --------------------------------------------------------------------------------- databases


def _postgres_admin_url() -> str | None:
    import psycopg

    candidates = [os.environ["MEDLANE_TEST_POSTGRES"]] if os.environ.get("MEDLANE_TEST_POSTGRES") else POSTGRES_CANDIDATES
    for url in candidates:
        try:
            with psycopg.connect(url, connect_timeout=3):
                return url
        except psycopg.Error:
            continue
    return None


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A database of its own for this test run on the local PostgreSQL, dropped afterwards."""
    import psycopg

    admin = _postgres_admin_url()
    if admin is None:
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432 (database test, user postgres or root); "
                    "the PostgreSQL variants are skipped")
    name = f"medlane_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = admin.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def postgres_db(postgres_url) -> Iterator[str]:
    """The run's PostgreSQL database, emptied after the test."""
    yield postgres_url
    _empty_tables(postgres_url)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'home' / 'docservice.db'}"
    return request.getfixturevalue("postgres_db")


def _empty_tables(url: str) -> None:
    import sqlalchemy as sa

    from docservice.config import normalize_database_url

    engine = sa.create_engine(normalize_database_url(url))
    tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture
def redis_url() -> str:
    """The local Redis, or a skip saying it is absent."""
    import redis

    url = os.environ.get("MEDLANE_TEST_REDIS", "redis://127.0.0.1:6379/0")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError:
        pytest.skip(f"Redis is not reachable at {url}; the Redis queue tests are skipped")
    return url


# ------------------------------------------------------------------------------------- apps


@pytest.fixture
def home(tmp_path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def make_app(home, database_url) -> Iterator[Callable]:
    """Build an app on this test's home and database; keyword arguments override settings."""
    apps = []

    def factory(**overrides):
        config = {
            "TESTING": True,
            "MEDLANE_HOME": home,
            "DATABASE_URL": database_url,
            "QUEUE_URL": "immediate:",
            "OCR_ENGINE": FakeEngine(),
            **overrides,
        }
        app = create_app(config)
        apps.append(app)
        return app

    yield factory
    for app in apps:
        with app.app_context():
            db.engine.dispose()


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def tokens(app) -> dict[str, str]:
    """One user per role; role -> bearer token."""
    issued = {}
    with app.app_context():
        for role in ROLES:
            _, issued[role] = create_user(db.session, f"{role}-user", role)
        db.session.commit()
    return issued


@pytest.fixture
def auth(tokens) -> Callable[[str], dict[str, str]]:
    """auth("dentist") -> the Authorization header of that role's user."""
    return lambda role: {"Authorization": f"Bearer {tokens[role]}"}


@pytest.fixture
def auth_for() -> Callable:
    """auth_for(app, role): a new user of that role on `app`, as an Authorization header."""

    def make(app, role: str) -> dict[str, str]:
        with app.app_context():
            _, token = create_user(db.session, f"{role}-{uuid.uuid4().hex[:6]}", role)
            db.session.commit()
        return {"Authorization": f"Bearer {token}"}

    return make


@pytest.fixture
def practice_settings() -> dict:
    """A complete, valid, synthetic settings object (the check digits are real, the practice is not)."""
    return {
        "billing_provider": {
            "name": "Testgroup Dental Sleep PC", "npi": "1245319599", "tin": "123456789", "taxonomy": "1223G0001X",
            "address": {"line1": "100 Example Way", "line2": "Suite 2", "city": "Testville", "state": "OH",
                        "zip": "430001234"},
            "phone": "5550100199",
        },
        "rendering_providers": [{"name": "Testdentist, Robin", "npi": "1234567893", "taxonomy": "1223G0001X",
                                 "abbr": "DOC1"}],
        "submitter": {"name": "Testgroup Dental Sleep PC", "id": "TESTSUB01", "contact_name": "Billing Desk",
                      "contact_phone": "5550100199"},
        "receiver": {"name": "Example Clearinghouse", "id": "EXAMPLECH"},
        "place_of_service": "11",
        "payers": [{"payer_id": "EXMPL1", "name": "Example Health Plan", "aliases": ["Example Health"],
                    "address": {"line1": "PO Box 1", "city": "Testville", "state": "OH", "zip": "43001"},
                    "attachment_limit_mb": 10, "accepts": "pdf", "narrative_limit": 80, "takes_cdt": False,
                    "filing_indicator": "CI"}],
    }
