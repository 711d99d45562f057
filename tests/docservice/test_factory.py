"""The application factory, configuration, migrations on first use, OpenAPI and the error body."""
from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from docservice import create_app
from docservice.config import load_config, normalize_database_url
from docservice.database import VERSION_TABLE, head_revision
from docservice.errors import ConfigError, DatabaseError
from docservice.extensions import db


def test_defaults_put_everything_under_medlane_home(tmp_path):
    config = load_config(environ={"MEDLANE_HOME": str(tmp_path)})
    assert config["DATABASE_URL"] == f"sqlite:///{tmp_path / 'docservice.db'}"
    assert config["QUEUE_URL"] == f"sqlite:///{tmp_path / 'queue.db'}"
    assert config["MAX_UPLOAD_BYTES"] == 50 * 1024 * 1024
    assert config["WORKERS"] >= 1


def test_environment_is_read_and_normalised(tmp_path):
    config = load_config(environ={
        "MEDLANE_HOME": str(tmp_path),
        "MEDLANE_DATABASE_URL": "postgres://u@db/medlane",
        "MEDLANE_QUEUE_URL": "redis://127.0.0.1:6379/0",
        "MEDLANE_MAX_UPLOAD_MB": "2",
        "MEDLANE_WORKERS": "3",
    })
    assert config["DATABASE_URL"] == "postgresql+psycopg://u@db/medlane"
    assert config["QUEUE_URL"] == "redis://127.0.0.1:6379/0"
    assert config["MAX_UPLOAD_BYTES"] == 2 * 1024 * 1024
    assert config["WORKERS"] == 3


@pytest.mark.parametrize(
    "environ, words",
    [
        ({"MEDLANE_MAX_UPLOAD_MB": "lots"}, "MEDLANE_MAX_UPLOAD_MB must be a number"),
        ({"MEDLANE_MAX_UPLOAD_MB": "0"}, "more than 0"),
        ({"MEDLANE_QUEUE_URL": "amqp://broker"}, "MEDLANE_QUEUE_URL"),
        ({"MEDLANE_DATABASE_URL": "mysql://u:secret@db/x"}, "u:***@db"),
        ({"MEDLANE_WORKER_TYPE": "fiber"}, "process or thread"),
    ],
)
def test_bad_settings_are_one_clear_line(tmp_path, environ, words):
    with pytest.raises(ConfigError) as raised:
        load_config(environ={"MEDLANE_HOME": str(tmp_path), **environ})
    assert words in str(raised.value)
    assert "secret" not in str(raised.value)


def test_normalize_keeps_explicit_driver():
    assert normalize_database_url("postgresql+psycopg://x/y") == "postgresql+psycopg://x/y"


def test_first_use_creates_the_database_and_second_use_keeps_it(app, make_app):
    with app.app_context():
        with db.engine.connect() as connection:
            version = connection.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
    assert version == head_revision()
    again = make_app()  # a second start on the same database migrates nothing and loses nothing
    with again.app_context():
        assert db.session.execute(sa.text("SELECT count(*) FROM users")).scalar() == 0


def test_unreachable_database_is_a_database_error(tmp_path):
    with pytest.raises(DatabaseError) as raised:
        create_app({
            "MEDLANE_HOME": tmp_path,
            "DATABASE_URL": "postgresql://nobody:pw@127.0.0.1:1/none?connect_timeout=1",
            "QUEUE_URL": "immediate:",
        })
    assert "cannot be used" in str(raised.value)
    assert "pw@" not in str(raised.value)


def test_testing_flag_comes_from_config(tmp_path):
    assert not create_app({"MEDLANE_HOME": tmp_path, "QUEUE_URL": "immediate:"}).testing


def test_health_needs_no_token(client):
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok", "queue": "ok"}


def test_openapi_document_is_served_offline_and_complete(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.json
    assert spec["openapi"].startswith("3.")
    for path in (
        "/api/v1/cases", "/api/v1/cases/{case_id}", "/api/v1/cases/{case_id}/documents",
        "/api/v1/documents", "/api/v1/documents/{document_id}", "/api/v1/documents/{document_id}/pdf",
    ):
        assert path in spec["paths"], path
    upload = spec["paths"]["/api/v1/documents"]["post"]["requestBody"]["content"]
    assert "multipart/form-data" in upload
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    assert spec["paths"]["/api/v1/health"]["get"]["security"] == []
    assert "cdn" not in response.get_data(as_text=True).lower()


def test_unknown_address_is_json_404(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json["code"] == "not_found"
    assert response.json["message"]


def test_wrong_method_is_405_with_allow_header(client, auth):
    response = client.delete("/api/v1/cases", headers=auth("admin"))
    assert response.status_code == 405
    assert response.json["code"] == "method_not_allowed"
    allowed = {method.strip() for method in response.headers["Allow"].split(",")}
    assert {"GET", "POST"} <= allowed


def test_unexpected_error_is_json_500_without_traceback(make_app, monkeypatch):
    app = make_app(PROPAGATE_EXCEPTIONS=False)
    from docservice.api import cases as cases_api

    def explode(*args, **kwargs):
        raise RuntimeError("boom: secret internals")

    monkeypatch.setattr(cases_api, "filter_cases", explode)
    with app.app_context():
        from docservice.auth import create_user

        _, token = create_user(db.session, "x", "admin")
        db.session.commit()
    response = app.test_client().get("/api/v1/cases", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 500
    assert response.json["code"] == "internal_server_error"
    assert "boom" not in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)


def test_migrations_build_exactly_the_models(app):
    """Autogenerate against the migrated database finds nothing: no model change lacks a revision."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from docservice.models import Base

    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True,
            "include_name": lambda name, type_, parent: not (type_ == "table" and name == VERSION_TABLE),
        })
        assert compare_metadata(context, Base.metadata) == []


def test_every_api_route_is_in_the_openapi_document(app, client):
    spec_paths = set(client.get("/api/v1/openapi.json").json["paths"])
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1") and not rule.rule.endswith("openapi.json"):
            path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)  # <int:case_id>, <fact> -> {name}
            assert path in spec_paths, path


def test_openapi_document_is_a_valid_contract(client):
    from openapi_spec_validator import validate

    spec = client.get("/api/v1/openapi.json").json
    validate(spec)  # raises with the first place the document breaks OpenAPI 3.0
    paths = spec["paths"]
    assert {"/api/v1/settings", "/api/v1/cases/{case_id}/export", "/api/v1/exports",
            "/api/v1/cases/{case_id}/exports", "/api/v1/cases/{case_id}/cms1500"} <= set(paths)
    export = paths["/api/v1/cases/{case_id}/export"]["get"]
    assert "application/zip" in export["responses"]["200"]["content"]
    assert {"409", "403", "401"} <= set(export["responses"])
