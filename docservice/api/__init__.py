"""The REST API under /api/v1: one flask-smorest blueprint per area, OpenAPI at /api/v1/openapi.json."""
from __future__ import annotations

from flask import Flask

from docservice.api.core import ServiceApi
from docservice.errors import UploadRejected


def init_api(app: Flask) -> ServiceApi:
    """Create the app's Api (it holds the app's OpenAPI spec) and register every blueprint."""
    from docservice.api import audit_log, cases, checks, claims, documents, facts, health, narratives, users

    api = ServiceApi(app)
    api.spec.components.security_scheme("bearerAuth", {"type": "http", "scheme": "bearer"})
    for module in (health, cases, documents, facts, claims, checks, narratives, users, audit_log):
        api.register_blueprint(module.blp)

    @app.errorhandler(UploadRejected)
    def upload_rejected(error: UploadRejected):
        return {"code": error.code, "status": error.status, "message": error.message}, error.status

    return api
