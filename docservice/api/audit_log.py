"""/api/v1/audit: the audit log, newest first (admin)."""
from __future__ import annotations

from flask.views import MethodView
from sqlalchemy import func, select

from docservice.api.core import ServiceBlueprint
from docservice.auth import USERS_ADMIN
from docservice.extensions import db
from docservice.models import AuditEntry
from docservice.schemas import AuditEntrySchema, AuditQuerySchema

blp = ServiceBlueprint("audit", __name__, url_prefix="/api/v1/audit", description="Who read or wrote what (admin).")


@blp.route("")
class AuditLog(MethodView):
    @blp.requires(USERS_ADMIN)
    @blp.arguments(AuditQuerySchema, location="query")
    @blp.response(200, AuditEntrySchema(many=True))
    @blp.paginate(page_size=100, max_page_size=1000)
    def get(self, query, pagination_parameters):
        """Audit entries, newest first, filtered by resource, user or action."""
        statement = select(AuditEntry)
        for key, value in query.items():
            statement = statement.where(getattr(AuditEntry, key) == value)
        pagination_parameters.item_count = db.session.scalar(
            select(func.count()).select_from(statement.subquery())
        )
        return db.session.scalars(
            statement.order_by(AuditEntry.id.desc())
            .offset(pagination_parameters.first_item)
            .limit(pagination_parameters.page_size)
        ).all()
