"""GET /api/v1/health: is the service up? The one call that needs no token, and it reveals nothing."""
from __future__ import annotations

import logging

from flask.views import MethodView
from sqlalchemy import text

from docservice.api.core import ServiceBlueprint
from docservice.extensions import db, jobs
from docservice.schemas import HealthSchema

log = logging.getLogger(__name__)

blp = ServiceBlueprint("health", __name__, url_prefix="/api/v1/health", description="Liveness and readiness.")


@blp.route("")
class Health(MethodView):
    @blp.doc(security=[])
    @blp.response(200, HealthSchema)
    @blp.alt_response(503, schema=HealthSchema, description="The database or the queue is down")
    def get(self):
        """Report whether the database and the job queue answer."""
        report = {"database": _check(lambda: db.session.execute(text("SELECT 1"))),
                  "queue": _check(lambda: jobs.huey().pending_count())}
        db.session.rollback()
        healthy = all(value == "ok" for value in report.values())
        return {"status": "ok" if healthy else "degraded", **report}, 200 if healthy else 503


def _check(probe) -> str:
    try:
        probe()
    except Exception as exc:  # noqa: BLE001 - a health check reports, it does not fail
        log.warning("Health check failed: %s", type(exc).__name__)
        return "down"
    return "ok"
