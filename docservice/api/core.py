"""flask-smorest, adapted: one JSON error shape for every status, and multipart bodies mixing file and fields.

Every error the API returns is `{"code", "status", "message"}` (plus `errors` for invalid
fields): `code` is a stable slug clients switch on, `message` a sentence for a person. No
traceback or request data ever reaches the response.
"""
from __future__ import annotations

import http
import re
from collections.abc import Callable

import marshmallow as ma
from flask import current_app
from flask_smorest import Api, Blueprint
from webargs.flaskparser import FlaskParser
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException

# Messages for errors raised by Flask or werkzeug themselves, written for a person.
DEFAULT_MESSAGES = {
    400: "The request could not be understood.",
    401: "Send an API token: Authorization: Bearer <token>.",
    403: "Your role does not allow this.",
    404: "Nothing here: check the address and the id.",
    405: "This address does not accept that method; see the Allow header.",
    409: "The resource is not in a state that allows this yet.",
    413: "The upload is larger than the limit.",
    415: "This type of content is not accepted.",
    422: "Some fields are missing or invalid; see errors.",
    500: "Something went wrong on our side. It has been logged; please try again later.",
}


class ErrorSchema(ma.Schema):
    """The body of every error response."""

    code = ma.fields.String(metadata={"description": "Stable machine-readable error code, e.g. not_found, corrupt_pdf"})
    status = ma.fields.Integer(metadata={"description": "The HTTP status"})
    message = ma.fields.String(metadata={"description": "What went wrong, for a person"})
    errors = ma.fields.Dict(metadata={"description": "Invalid fields and why (422 only)"})
    findings = ma.fields.List(ma.fields.Dict(), metadata={
        "description": "What stands in the way (409 not_ready): rule, severity, message, fix, line"})


class ServiceApi(Api):
    """flask-smorest's Api with our error body and the headers werkzeug meant to send."""

    ERROR_SCHEMA = ErrorSchema

    def handle_http_exception(self, error: HTTPException):
        status = error.code or 500
        data = getattr(error, "data", None) or {}
        payload = {
            "code": data.get("error_code") or _slug(error.name),
            "status": status,
            "message": data.get("message") or _default_message(status) or error.description,
        }
        errors = data.get("errors") or data.get("messages")
        if errors:
            payload["errors"] = _flatten_locations(errors)
        # flask-smorest copies only headers passed to abort(); werkzeug's own (Allow on 405,
        # WWW-Authenticate on 401) were lost. Keep them, minus the HTML content type.
        headers = {k: v for k, v in error.get_headers() if k.lower() != "content-type"}
        headers.update(data.get("headers") or {})
        # An unexpected exception arrives here as a 500 after Flask logged it (with its traceback,
        # never the request's data); the client only gets the sentence above.
        return payload, status, headers


def _default_message(status: int) -> str | None:
    if status == 413 and "MAX_UPLOAD_MB" in current_app.config:
        return f"The upload is larger than the {current_app.config['MAX_UPLOAD_MB']:g} MB limit."
    return DEFAULT_MESSAGES.get(status)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def _flatten_locations(errors: dict) -> dict:
    """webargs nests errors under their location ("json", "query"); one location needs no nesting."""
    if len(errors) == 1:
        (location, inner), = errors.items()
        if location in ("json", "query", "multipart", "form", "files", "view_args") and isinstance(inner, dict):
            return inner
    return errors


class ServiceParser(FlaskParser):
    """webargs parser with a `multipart` location: form fields and files in one schema."""

    __location_map__ = {**FlaskParser.__location_map__, "multipart": "load_multipart"}

    def load_multipart(self, req, schema):
        merged = MultiDict(req.form)
        merged.update(req.files)
        return self._makeproxy(merged, schema)


class ServiceBlueprint(Blueprint):
    """flask-smorest Blueprint whose `multipart` arguments are documented as multipart/form-data."""

    ARGUMENTS_PARSER = ServiceParser()
    DEFAULT_LOCATION_CONTENT_TYPE_MAPPING = {
        **Blueprint.DEFAULT_LOCATION_CONTENT_TYPE_MAPPING,
        "multipart": "multipart/form-data",
    }

    def requires(self, permission: str) -> Callable:
        """Guard a view with `docservice.auth.require` and document its 401 and 403 answers."""
        from docservice.auth import require

        def decorator(view: Callable) -> Callable:
            return self.errors(401, 403)(require(permission)(view))

        return decorator

    def errors(self, *statuses: int) -> Callable:
        """Document error answers of a view, each with the common error body."""

        def decorator(view: Callable) -> Callable:
            for status in statuses:
                view = self.alt_response(status, response=http.HTTPStatus(status).name)(view)
            return view

        return decorator
