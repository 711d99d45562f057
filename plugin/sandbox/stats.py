"""Request counts for tests and benchmarks, served outside the API at /sandbox/stats.

Routes are counted by template ("GET /appointments/{id}"), never by raw URL, so the counts
carry no patient numbers.
"""
from __future__ import annotations

import threading
from collections import Counter

from flask import Blueprint, current_app, jsonify

bp = Blueprint("sandbox_stats", __name__, url_prefix="/sandbox")


class RequestStats:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_route: Counter[str] = Counter()
        self._throttled = 0
        self._faults = 0

    def count_request(self, route: str) -> None:
        with self._lock:
            self._by_route[route] += 1

    def count_throttled(self) -> None:
        with self._lock:
            self._throttled += 1

    def count_fault(self) -> None:
        with self._lock:
            self._faults += 1

    @property
    def requests(self) -> int:
        with self._lock:
            return sum(self._by_route.values())

    @property
    def throttled(self) -> int:
        with self._lock:
            return self._throttled

    @property
    def faults(self) -> int:
        with self._lock:
            return self._faults

    @property
    def by_route(self) -> dict[str, int]:
        with self._lock:
            return dict(self._by_route)

    def snapshot(self) -> dict:
        with self._lock:
            return {
                "requests": sum(self._by_route.values()),
                "by_route": dict(sorted(self._by_route.items())),
                "throttled": self._throttled,
                "faults": self._faults,
            }

    def reset(self) -> None:
        with self._lock:
            self._by_route.clear()
            self._throttled = 0
            self._faults = 0


def _stats() -> RequestStats:
    return current_app.extensions["medlane_sandbox"].stats


@bp.get("/stats")
def show_stats():
    return jsonify(_stats().snapshot())


@bp.post("/stats/reset")
def reset_stats():
    _stats().reset()
    return jsonify(_stats().snapshot())
