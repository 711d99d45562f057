"""The Flask app factory: the /api/v1 blueprint behind Open Dental's gatekeeping, plus /sandbox/stats.

Every API request passes the same gates, in this order: counted, delayed (--latency), keys
checked (401), Content-Type checked (400), throttled (429), and possibly given an injected fault.
Whatever goes wrong, the answer is a short text as a JSON string, never a traceback.
"""
from __future__ import annotations

import hmac
import json
import logging
import os
import re
import time

from flask import Flask, Response, g, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound, RequestEntityTooLarge

from plugin.sandbox import stats as stats_routes
from plugin.sandbox.api import bp as api_bp
from plugin.sandbox.context import EXTENSION_KEY, SandboxContext, sandbox
from plugin.sandbox.faults import THROTTLED, retry_after_header
from plugin.sandbox.settings import SandboxSettings
from plugin.sandbox.stats import RequestStats
from plugin.sandbox.store import Store
from plugin.sandbox.wire import ApiError

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
MAX_BODY = 16_800_000  # Open Dental caps PUT/POST bodies at about 16.8 million characters
_AUTH = re.compile(r"^ODFHIR (?P<developer>[^/\s]+)/(?P<customer>[^/\s]+)$")
_AUTH_HINT = "Use: Authorization: ODFHIR {DeveloperKey}/{CustomerKey}"


def create_app(store: Store, settings: SandboxSettings | None = None, *, stats: RequestStats | None = None) -> Flask:
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY
    app.json.sort_keys = False  # keep Open Dental's column order
    app.extensions[EXTENSION_KEY] = SandboxContext(store, settings or SandboxSettings(), stats or RequestStats())

    app.before_request(guard_api_request)
    app.after_request(finish_api_request)
    app.register_error_handler(ApiError, answer_api_error)
    app.register_error_handler(HTTPException, answer_http_error)
    app.register_error_handler(Exception, answer_unexpected_error)

    app.register_blueprint(api_bp)
    app.register_blueprint(stats_routes.bp)
    return app


def route_template() -> str:
    """'PUT /appointments/{id}/Note': the matched route, free of record numbers."""
    if request.url_rule is None:
        return f"{request.method} (no such route)"
    path = re.sub(r"<[^>]+>", "{id}", request.url_rule.rule.removeprefix(API_PREFIX))
    return f"{request.method} {path}"


def _is_api_request() -> bool:
    return request.path == API_PREFIX or request.path.startswith(API_PREFIX + "/")


def guard_api_request() -> None:
    if not _is_api_request():
        return
    context = sandbox()
    g.route = route_template()
    context.stats.count_request(g.route)
    if context.settings.latency_ms > 0:
        time.sleep(context.settings.latency_ms / 1000)
    customer_key = check_keys(context.settings)
    check_content_type()
    wait = context.throttle.admit(customer_key)
    if wait > 0:
        context.stats.count_throttled()
        raise ApiError(429, THROTTLED, headers={"Retry-After": retry_after_header(wait)})
    fault = context.faults.draw(is_write=request.method in ("POST", "PUT", "DELETE"))
    if fault is not None:
        context.stats.count_fault()
        if not fault.after_write:
            raise ApiError(fault.status, fault.text)
        g.fault_after_write = fault  # let the write happen, then answer with the fault


def check_keys(settings: SandboxSettings) -> str:
    header = request.headers.get("Authorization")
    if not header:
        raise ApiError(401, f"Authorization header is missing. {_AUTH_HINT}")
    match = _AUTH.match(header.strip())
    if match is None:
        raise ApiError(401, f"Authorization header is malformed. {_AUTH_HINT}")
    developer_ok = hmac.compare_digest(match["developer"], settings.developer_key)
    customer_ok = hmac.compare_digest(match["customer"], settings.customer_key)
    if not (developer_ok and customer_ok):
        raise ApiError(401, "Invalid developer key or customer key.")
    return match["customer"]


def check_content_type() -> None:
    # Open Dental insists on it for every request, GETs included.
    if request.mimetype != "application/json":
        raise ApiError(400, "Content-Type must be application/json.")


def finish_api_request(response: Response) -> Response:
    fault = g.pop("fault_after_write", None)
    if fault is not None:
        response = text_answer(fault.status, fault.text)
    if _is_api_request():
        # Route and status only: query strings and bodies carry patient numbers and names.
        log.debug("%s -> %s", g.get("route", request.method), response.status_code)
    return response


def text_answer(status: int, text: str, headers: dict[str, str] | None = None) -> Response:
    """Open Dental's error shape: a short explanation as a JSON string."""
    return Response(json.dumps(text), status=status, headers=headers, mimetype="application/json")


def answer_api_error(error: ApiError) -> Response:
    return text_answer(error.status, error.text, error.headers)


def answer_http_error(error: HTTPException) -> Response:
    if isinstance(error, NotFound):
        return text_answer(404, "Not found. Check the resource path and the /api/v1 base URL.")
    if isinstance(error, MethodNotAllowed):
        # Open Dental documents no 405; an unsupported method is a bad request there.
        return text_answer(400, f"{request.method} is not supported on this resource.")
    if isinstance(error, RequestEntityTooLarge):
        return text_answer(400, "The request body is too large; Open Dental accepts about 16.8 million characters.")
    return text_answer(error.code or 400, error.name + ".")


def answer_unexpected_error(error: Exception) -> Response:
    if os.environ.get("MEDLANE_DEBUG"):
        log.exception("sandbox failed on %s", g.get("route", request.method))
    else:
        # The exception text could quote request data, so only its type is logged.
        log.error("sandbox failed on %s (%s)", g.get("route", request.method), type(error).__name__)
    return text_answer(500, "The sandbox failed on this request.")
