"""Reaching one practice's Open Dental: settings from the environment, a session, one way to send.

The settings are the scan side's own (MEDLANE_PMS_URL, MEDLANE_OD_DEVELOPER_KEY,
MEDLANE_OD_CUSTOMER_KEY), read here again because the document service never imports the plugin.

Retries follow one rule: repeat a request only when repeating it cannot do anything twice.
urllib3's Retry repeats GETs and PUTs (PUTs here are upserts) on time-outs and 5xx; a POST is
repeated only when it certainly never ran: the connection was never made, or Open Dental
throttled it (429). A POST that timed out or got a 5xx may have run, so it is never repeated.
"""
from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ConnectTimeoutError, MaxRetryError, NewConnectionError, ReadTimeoutError
from urllib3.util import Retry

from docservice.opendental.errors import PmsWriteError

log = logging.getLogger(__name__)

URL_VARIABLE = "MEDLANE_PMS_URL"
DEVELOPER_KEY_VARIABLE = "MEDLANE_OD_DEVELOPER_KEY"
CUSTOMER_KEY_VARIABLE = "MEDLANE_OD_CUSTOMER_KEY"
RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})
_ID_SEGMENT = re.compile(r"/\d+(?=/|$)")


class OpenDentalRetry(Retry):
    """urllib3's Retry, plus POSTs answered 429: Open Dental throttled them without running them."""

    def is_retry(self, method: str, status_code: int, has_retry_after: bool = False) -> bool:
        if status_code == 429:
            return bool(self.total)
        return super().is_retry(method, status_code, has_retry_after)


@dataclass
class PmsConnection:
    """One practice's Open Dental API (base URL ending in /api/v1) and the session that talks to it."""

    url: str
    developer_key: str = field(repr=False)
    customer_key: str = field(repr=False)
    retries: int = 3
    backoff: float = 0.5  # seconds, doubled on each retry
    connect_timeout: float = 5.0
    read_timeout: float = 70.0  # Open Dental gives up after 60 s; a little more so we see its 504
    session: requests.Session = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.url = self.url.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update(
            {
                "Authorization": f"ODFHIR {self.developer_key}/{self.customer_key}",
                # Open Dental wants this on every request, GETs included.
                "Content-Type": "application/json",
                "Accept": "application/json",
            }
        )
        retry = OpenDentalRetry(
            total=self.retries,
            connect=self.retries,
            read=self.retries,
            status=self.retries,
            other=0,
            backoff_factor=self.backoff,
            status_forcelist=RETRIED_STATUSES,
            allowed_methods=frozenset({"GET", "PUT"}),
            respect_retry_after_header=True,
            raise_on_status=False,  # the last answer is turned into a PmsWriteError below
        )
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def close(self) -> None:
        self.session.close()


def pms_from_environment(environ: Mapping[str, str] | None = None) -> PmsConnection | None:
    """The Open Dental connection the environment names, or None when it names none.

    :raise PmsWriteError: the URL or a key is set but unusable.
    """
    env = os.environ if environ is None else environ
    url = env.get(URL_VARIABLE, "").strip().rstrip("/")
    developer_key = env.get(DEVELOPER_KEY_VARIABLE, "").strip()
    customer_key = env.get(CUSTOMER_KEY_VARIABLE, "").strip()
    if not (url and developer_key and customer_key):
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or not parts.path.endswith("/api/v1"):
        raise PmsWriteError(
            f"{URL_VARIABLE} must be an http(s) address ending in /api/v1, e.g. http://SERVER:30223/api/v1."
        )
    if "/" in developer_key or "/" in customer_key:
        raise PmsWriteError("An Open Dental key cannot contain '/'; check the MEDLANE_OD_*_KEY variables.")
    return PmsConnection(url, developer_key, customer_key)


def send(conn: PmsConnection, method: str, path: str, *, step: str, body: dict | None = None) -> Any:
    """Send one request and return Open Dental's decoded answer (None for an empty one).

    `step` names what is being done ("the document upload") for the one-line error.
    """
    route = f"{method} {_ID_SEGMENT.sub('/{id}', '/' + path)}"
    try:
        response = conn.session.request(
            method,
            f"{conn.url}/{path}",
            data=json.dumps(body) if body is not None else None,
            timeout=(conn.connect_timeout, conn.read_timeout),
        )
    except requests.RequestException as exc:
        raise _transport_error(conn, step, method=method, exc=exc) from None
    # Route and status only: bodies and query strings carry patient numbers.
    log.info("%s -> %s", route, response.status_code)
    if response.status_code >= 400:
        raise _status_error(conn, step, method=method, response=response)
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        raise PmsWriteError(
            f"Open Dental answered {step} with something that is not JSON; is {URL_VARIABLE} an Open Dental API?"
        ) from None


def _transport_error(conn: PmsConnection, step: str, *, method: str, exc: requests.RequestException) -> PmsWriteError:
    """No answer at all. Before the request left (no connection) nothing was done; after, maybe."""
    cause = exc.args[0] if exc.args else exc
    cause = cause.reason if isinstance(cause, MaxRetryError) else cause  # what the last retry met
    if isinstance(cause, NewConnectionError):  # refused, or the name did not resolve
        return PmsWriteError(
            f"Cannot reach Open Dental at {conn.url} for {step}: connection refused or host not found."
        )
    if isinstance(cause, ConnectTimeoutError) or isinstance(exc, requests.ConnectTimeout):
        return PmsWriteError(f"Cannot reach Open Dental at {conn.url} for {step}: the connection timed out.")
    what = "did not answer in time" if isinstance(cause, ReadTimeoutError) else "broke off the connection"
    after = " It may have been done: look in Open Dental before trying again." if method == "POST" else ""
    return PmsWriteError(f"Open Dental at {conn.url} {what} during {step}.{after}")


def _status_error(conn: PmsConnection, step: str, *, method: str, response: requests.Response) -> PmsWriteError:
    status = response.status_code
    said = f": {text}" if (text := _error_text(response)) else ""
    if status == 401:
        message = (
            f"Open Dental refused the keys for {step} (401){said}. Check {DEVELOPER_KEY_VARIABLE} and "
            f"{CUSTOMER_KEY_VARIABLE}, and that the key holds the permission this call needs."
        )
    elif status == 400:
        message = f"Open Dental rejected {step} (400){said}."
    elif status == 404:
        message = f"Open Dental found nothing for {step} (404){said}; check {URL_VARIABLE} and the record numbers."
    elif status == 429:
        message = f"Open Dental kept throttling {step} (429); try again in a minute."
    else:
        message = f"Open Dental failed on {step} ({status}){said}."
        if method == "POST" and status >= 500:
            message += " It may have been done: look in Open Dental before trying again."
    return PmsWriteError(message, status=status)


def _error_text(response: requests.Response) -> str:
    """Open Dental's short explanation: a JSON string, a JSON object with a message, or plain text."""
    raw = response.text.strip()
    try:
        decoded = json.loads(raw) if raw else ""
    except ValueError:
        decoded = raw
    if isinstance(decoded, dict):
        decoded = decoded.get("message") or decoded.get("Message") or ""
    text = " ".join(str(decoded).split())
    if text.lower().startswith(("<!doctype", "<html")):
        return "an HTML page, not an Open Dental answer"
    return text[:300].rstrip(".")
