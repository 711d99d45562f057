"""Errors mapped to answers, in one place (microblog's app/errors/handlers.py).

Every error body is `{"code", "status", "message"}`, plus `errors` (invalid fields) or
`findings` (what stands in the way) where there are some. Domain errors raised anywhere below a
view are turned into answers here, so views do not each catch and translate them.
"""
from __future__ import annotations

from flask import Flask

from docservice.errors import UploadRejected
from docservice.exports.errors import ExportFailed, ExportRefused
from docservice.settings import SettingsInvalid


def register_error_handlers(app: Flask) -> None:
    """Map the service's own exceptions to HTTP answers (werkzeug's go through ServiceApi)."""

    @app.errorhandler(UploadRejected)
    def upload_rejected(error: UploadRejected):
        return {"code": error.code, "status": error.status, "message": error.message}, error.status

    @app.errorhandler(SettingsInvalid)
    def settings_invalid(error: SettingsInvalid):
        return {
            "code": "settings_invalid",
            "status": 422,
            "message": "Some settings are missing or invalid; see errors.",
            "errors": error.errors,
        }, 422

    @app.errorhandler(ExportRefused)
    def export_refused(error: ExportRefused):
        from docservice.extensions import db

        db.session.rollback()
        return {
            "code": error.code,
            "status": 409,
            "message": error.message,
            "findings": [
                {"rule": f.rule, "severity": f.severity, "message": f.message, "fix": f.fix, "line": f.line}
                for f in error.findings
            ],
        }, 409

    @app.errorhandler(ExportFailed)
    def export_failed(error: ExportFailed):
        from docservice.extensions import db

        db.session.rollback()
        app.logger.error("Export failed: %s", error)
        return {"code": "export_failed", "status": 500, "message": str(error)}, 500
