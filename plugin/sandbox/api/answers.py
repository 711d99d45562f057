"""Shaping answers the way Open Dental does: filters, Limit/Offset paging, serverDateTime, 201s."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Iterable

from flask import Response, jsonify, request

from plugin.sandbox.api.args import as_int, bad_request, query
from plugin.sandbox.context import sandbox
from plugin.sandbox.resources import Resource
from plugin.sandbox.wire import ApiError, format_datetime, render_row

if TYPE_CHECKING:
    from plugin.sandbox.store import Store


def store() -> "Store":
    return sandbox().store


def fetch(resource: Resource, key: int) -> dict:
    row = store().get(resource.path, key)
    if row is None:
        raise ApiError(404, f"{resource.noun} not found.")
    return row


def require_row(resource: Resource, key: int, *, field: str) -> dict:
    """A row a request body points at; a missing one is the client's mistake, so 400, not 404."""
    row = store().get(resource.path, key)
    if row is None:
        raise bad_request(f"{field} {key} does not match any {resource.noun.lower()}.")
    return row


def where(rows: Iterable[dict], **equals: object) -> list[dict]:
    """Rows whose columns equal every given value; a None value is no filter."""
    wanted = {column: value for column, value in equals.items() if value is not None}
    return [row for row in rows if all(row.get(column) == value for column, value in wanted.items())]


def changed_since(rows: list[dict], column: str, since: datetime | None) -> list[dict]:
    # Inclusive (>=): a row written in the same second as the serverDateTime a client stored is
    # sent again rather than missed; timestamps have one-second resolution.
    if since is None:
        return rows
    cutoff = format_datetime(since)
    return [row for row in rows if str(row.get(column, "")) >= cutoff]


def page(rows: list[dict]) -> list[dict]:
    """Limit/Offset over rows already in primary-key order; a Limit above the cap is capped silently."""
    cap = sandbox().settings.page_limit
    limit = query("Limit", as_int)
    offset = query("Offset", as_int) or 0
    if limit is not None and limit < 1:
        raise bad_request("Limit must be a positive number.")
    if offset < 0:
        raise bad_request("Offset cannot be negative.")
    size = min(limit or cap, cap)
    return rows[offset : offset + size]


def server_time(resource: Resource) -> str | None:
    return format_datetime(store().now()) if resource.echoes_server_time else None


def list_answer(resource: Resource, rows: list[dict], *, echo_time: bool | None = None) -> Response:
    echo = resource.echoes_server_time if echo_time is None else echo_time
    stamp = format_datetime(store().now()) if echo else None
    return jsonify([render_row(resource, row, server_time=stamp) for row in page(rows)])


def row_answer(resource: Resource, row: dict, *, status: int = 200) -> Response:
    response = jsonify(render_row(resource, row, server_time=server_time(resource)))
    response.status_code = status
    return response


def created_answer(resource: Resource, row: dict) -> Response:
    """201 with the new object and a Location header, as Open Dental answers a POST."""
    response = row_answer(resource, row, status=201)
    response.headers["Location"] = f"{request.url_root}api/v1/{resource.path}/{row[resource.key]}"
    return response


def ok_answer() -> Response:
    """Open Dental's bare "200 OK" for verbs such as Note, Break, Confirm and DELETE."""
    return Response(status=200, mimetype="application/json")

