"""The audit log: who read or wrote which patient record, and when.

Entries name records by id only. `detail` may carry ids, counts and filter values, never
names, notes, document text or tokens. A write's entry is committed with the write itself;
a read's entry is committed before the data is returned.
"""
from __future__ import annotations

from flask import g, has_request_context, request

from docservice.extensions import db
from docservice.models import AuditEntry


def record(
    action: str,
    resource: str,
    resource_id: int | None = None,
    *,
    detail: dict | None = None,
    actor: str | None = None,
) -> AuditEntry:
    """Add an entry to the current session (the caller commits).

    Args:
        action: what was done, e.g. "case.read", "document.create".
        resource: the kind of record: "case", "document", "user".
        resource_id: the record's id.
        detail: ids and counts only.
        actor: who, when not the request's user (e.g. "worker", "cli").
    """
    user = g.get("user") if has_request_context() else None
    entry = AuditEntry(
        user_id=user.id if user else None,
        actor=actor or (user.name if user else "system"),
        role=user.role if user else "",
        action=action,
        resource=resource,
        resource_id=resource_id,
        detail=detail or {},
        remote_addr=(request.remote_addr or "") if has_request_context() else "",
    )
    db.session.add(entry)
    return entry


def record_read(action: str, resource: str, resource_id: int | None = None, *, detail: dict | None = None) -> None:
    """Record a read and commit it at once: the entry must exist even if sending the data fails."""
    record(action, resource, resource_id, detail=detail)
    db.session.commit()
