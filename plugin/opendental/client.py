"""The HTTP client: one session, the ODFHIR header, pacing, paging, retries where safe, typed errors.

Retries follow one rule: repeat a request only when repeating it cannot do anything twice.
Reads and idempotent writes (PUT upserts) are retried on time-outs, 5xx and transient 400s.
Writes that add something (POST, the appointment Note append) are retried only when Open Dental
certainly did not act: the connection was refused, it throttled us (429), or it said the
eConnector is down. A 504 after a POST is ambiguous, so it is raised for the caller to reconcile.
"""
from __future__ import annotations

import json
import logging
import re
import time
from collections import Counter
from typing import Any, Callable

import requests

from plugin.config import REMOTE_PAGE_SIZE, PMSSettings
from plugin.errors import (
    PMSAuthError,
    PMSBadRequest,
    PMSError,
    PMSGone,
    PMSNotFound,
    PMSThrottled,
    PMSTimeout,
    PMSUnreachable,
)

log = logging.getLogger(__name__)

_TRANSIENT_400 = re.compile(r"econnector|try again|timed out|timeout", re.IGNORECASE)
_ID_SEGMENT = re.compile(r"/\d+(?=/|$)")
MAX_RETRY_AFTER = 30.0
# Open Dental measures the interval when a request arrives, we when it leaves: a little slack keeps
# network jitter from turning a paced call into a throttled one.
PACING_SLACK = 0.05


def route_of(method: str, path: str) -> str:
    """'GET /appointments/{id}' for 'GET', '/appointments/12': a name for counting, free of data."""
    path = "/" + path.split("?", 1)[0].lstrip("/")
    return f"{method} {_ID_SEGMENT.sub('/{id}', path)}"


class Pacer:
    """Keeps a minimum interval between the starts of two calls (Open Dental throttles per key)."""

    def __init__(self, interval: float, *, clock: Callable[[], float], sleep: Callable[[float], None]):
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._next_start = 0.0

    def wait_turn(self) -> None:
        if self.interval <= 0:
            return
        now = self._clock()
        if now < self._next_start:
            self._sleep(self._next_start - now)
            now = self._next_start
        self._next_start = now + self.interval + PACING_SLACK

    def push_back(self, seconds: float) -> None:
        self._next_start = max(self._next_start, self._clock() + seconds)


class OpenDentalClient:
    """Talks to one practice's Open Dental. Not thread-safe: one client per worker."""

    def __init__(
        self,
        pms: PMSSettings,
        *,
        session: requests.Session | None = None,
        max_attempts: int = 4,
        backoff: float = 0.5,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.pms = pms.validated()
        self.base_url = pms.url.rstrip("/")
        self.page_size = pms.effective_page_size
        self.max_attempts = max(1, max_attempts)
        self.backoff = backoff
        self.calls: Counter[str] = Counter()
        self._sleep = sleep
        self._pacer = Pacer(pms.effective_min_interval, clock=clock, sleep=sleep)
        self._session = session or requests.Session()
        self._session.headers.update(
            {
                "Authorization": f"ODFHIR {pms.developer_key}/{pms.customer_key}",
                # Open Dental wants this on every request, GETs included.
                "Content-Type": "application/json",
                "Accept": "application/json",
            }
        )

    @property
    def total_calls(self) -> int:
        return sum(self.calls.values())

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> "OpenDentalClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- verbs ---------------------------------------------------------------------------------

    def get(self, path: str, params: dict | None = None) -> Any:
        return self.request("GET", path, params=params, idempotent=True)

    def get_all(self, path: str, params: dict | None = None) -> list[dict]:
        """Every row of a list endpoint, page by page as Open Dental recommends.

        A page shorter than the smaller of our Limit and the remote cap of 100 is the last one.
        When we ask for 1000 but the server caps at 100, a full page of 100 keeps us going.
        """
        base = {k: v for k, v in (params or {}).items() if v is not None}
        rows: list[dict] = []
        offset = 0
        last_full = min(self.page_size, REMOTE_PAGE_SIZE)
        while True:
            query = dict(base, Limit=self.page_size)
            if offset:
                query["Offset"] = offset
            page = self.get(path, query)
            if not isinstance(page, list):
                raise PMSError(f"Open Dental answered {route_of('GET', path)} with something other than a list.")
            rows.extend(page)
            if len(page) < last_full:
                return rows
            offset += len(page)

    def put(self, path: str, body: dict, *, idempotent: bool = True) -> Any:
        return self.request("PUT", path, body=body, idempotent=idempotent)

    def post(self, path: str, body: dict) -> Any:
        return self.request("POST", path, body=body, idempotent=False)

    # -- the one place requests go out -----------------------------------------------------

    def request(
        self, method: str, path: str, *, params: dict | None = None, body: dict | None = None, idempotent: bool
    ) -> Any:
        route = route_of(method, path)
        url = f"{self.base_url}/{path.lstrip('/')}"
        data = json.dumps(body) if body is not None else None
        attempt = 0
        while True:
            attempt += 1
            self._pacer.wait_turn()
            self.calls[route] += 1
            started = time.monotonic()
            try:
                response = self._session.request(
                    method,
                    url,
                    params=params,
                    data=data,
                    timeout=(self.pms.connect_timeout, self.pms.read_timeout),
                )
            except requests.RequestException as exc:
                error, safe = self._transport_error(exc, route)
                if attempt < self.max_attempts and (idempotent or safe):
                    self._wait_before_retry(attempt, route, "no answer")
                    continue
                raise error from None
            log.debug("%s -> %s in %.0f ms", route, response.status_code, (time.monotonic() - started) * 1000)
            if response.status_code < 400:
                return self._decode(response, route)
            error = self._status_error(response, route)
            retry_after = None
            if isinstance(error, PMSThrottled):
                retry_after = _retry_after_seconds(response)
                self._pacer.push_back(retry_after)
            if attempt < self.max_attempts and self._may_retry(error, idempotent=idempotent):
                self._wait_before_retry(attempt, route, f"status {error.status}", at_least=retry_after or 0.0)
                continue
            raise error

    def _wait_before_retry(self, attempt: int, route: str, why: str, *, at_least: float = 0.0) -> None:
        delay = max(at_least, self.backoff * (2 ** (attempt - 1)))
        log.info("%s failed (%s); retrying in %.1f s", route, why, delay)
        self._sleep(delay)

    @staticmethod
    def _may_retry(error: PMSError, *, idempotent: bool) -> bool:
        if isinstance(error, PMSThrottled):
            return True  # throttled requests were not run
        if isinstance(error, PMSBadRequest):
            return _TRANSIENT_400.search(error.text or "") is not None  # eConnector down: not run
        if isinstance(error, PMSTimeout) or (error.status or 0) >= 500:
            return idempotent  # may have run; only safe when running twice changes nothing
        return False

    def _transport_error(self, exc: requests.RequestException, route: str) -> tuple[PMSError, bool]:
        """The error to raise, and whether the request certainly never reached Open Dental."""
        if isinstance(exc, requests.ConnectTimeout):
            return PMSUnreachable(f"Cannot reach Open Dental at {self.base_url}: the connection timed out."), True
        if isinstance(exc, requests.ConnectionError):
            reason = "connection refused or host not found"
            refused = "refused" in str(exc).lower() or "name or service" in str(exc).lower()
            return PMSUnreachable(f"Cannot reach Open Dental at {self.base_url}: {reason}."), refused
        if isinstance(exc, requests.Timeout):
            return (
                PMSUnreachable(
                    f"Open Dental at {self.base_url} did not answer {route} within {self.pms.read_timeout:.0f} s."
                ),
                False,
            )
        return PMSUnreachable(f"Cannot talk to Open Dental at {self.base_url}: {type(exc).__name__}."), False

    def _status_error(self, response: requests.Response, route: str) -> PMSError:
        status = response.status_code
        text = _error_text(response)
        said = f": {text}" if text else ""
        if status == 401:
            return PMSAuthError(
                f"Open Dental refused the keys (401){said}. Check the developer and customer keys "
                "and that the key has the permission this call needs.",
                status=status,
                text=text,
            )
        if status == 404:
            return PMSNotFound(f"Open Dental found nothing for {route} (404){said}.", status=status, text=text)
        if status == 400:
            return PMSBadRequest(f"Open Dental rejected {route} (400){said}.", status=status, text=text)
        if status == 429:
            return PMSThrottled(f"Open Dental throttled {route} (429){said}.", status=status, text=text)
        if status == 504:
            return PMSTimeout(f"Open Dental timed out on {route} (504){said}.", status=status, text=text)
        if status == 410:
            return PMSGone(f"Open Dental no longer offers {route} (410){said}.", status=status, text=text)
        return PMSError(f"Open Dental answered {route} with status {status}{said}.", status=status, text=text)

    @staticmethod
    def _decode(response: requests.Response, route: str) -> Any:
        if not response.content:
            return None  # e.g. POST /popups before 25.1.12 returns no body
        try:
            return response.json()
        except ValueError:
            raise PMSError(
                f"Open Dental answered {route} with something that is not JSON; is the URL an Open Dental API?"
            ) from None


def _error_text(response: requests.Response) -> str:
    """Open Dental's explanation: a JSON string, a JSON object with a message, or plain text."""
    raw = response.text.strip()
    if not raw:
        return ""
    try:
        decoded = json.loads(raw)
    except ValueError:
        decoded = raw
    if isinstance(decoded, dict):
        decoded = decoded.get("message") or decoded.get("Message") or json.dumps(decoded)
    text = " ".join(str(decoded).split())
    if text.lower().startswith("<!doctype") or text.lower().startswith("<html"):
        return "an HTML page, not an Open Dental answer"
    return text[:300]


def _retry_after_seconds(response: requests.Response) -> float:
    try:
        return min(MAX_RETRY_AFTER, max(0.0, float(response.headers.get("Retry-After", "1"))))
    except ValueError:
        return 1.0
