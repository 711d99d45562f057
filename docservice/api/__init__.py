"""The REST API under /api/v1: one flask-smorest blueprint per area, OpenAPI at /api/v1/openapi.json."""
from __future__ import annotations

from flask import Flask

from docservice.api.core import ServiceApi
from docservice.api.errors import register_error_handlers


def init_api(app: Flask) -> ServiceApi:
    """Create the app's Api (it holds the app's OpenAPI spec) and register every blueprint."""
    from docservice.api import (
        audit_log,
        cases,
        checks,
        claims,
        documents,
        evidence,
        exports,
        facts,
        health,
        narratives,
        settings,
        users,
    )

    api = ServiceApi(app)
    api.spec.components.security_scheme("bearerAuth", {"type": "http", "scheme": "bearer"})
    # In the order of the workflow: case -> documents -> facts -> evidence -> claim -> checks -> narrative -> export.
    for module in (health, cases, documents, facts, evidence, claims, checks, narratives, exports, settings, users,
                   audit_log):
        api.register_blueprint(module.blp)
    register_error_handlers(app)
    return api
