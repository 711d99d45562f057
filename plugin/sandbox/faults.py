"""Misbehaviour on request: injected faults and a per-key throttle, as Open Dental shows them.

Faults are what a remote Open Dental does on a bad day: a 400 when the office's eConnector is
down (nothing was run), or a 504 after its 60-second limit. A 504 on a write is ambiguous in
real life, so about half of the injected write-504s come back after the write was applied:
exactly the case that makes a blind POST retry create a duplicate.

Open Dental throttles per customer key (1 request per 5 s for ReadAll-only keys, 1 per second
otherwise) and expects the client to pace itself; a request that comes too soon gets 429.
"""
from __future__ import annotations

import math
import random
import threading
import time
from dataclasses import dataclass
from typing import Callable

ECONNECTOR_DOWN = "Open Dental eConnector is not responding. Try again later."
TIMED_OUT = "The request took longer than 60 seconds."
THROTTLED = "Too many requests for this customer key. Wait before sending the next request."


@dataclass(frozen=True)
class Fault:
    status: int
    text: str
    after_write: bool  # the request runs (and writes) first; the client still gets the fault


class FaultInjector:
    def __init__(self, rate: float, *, seed: int | None = None) -> None:
        self.rate = rate
        self._random = random.Random(seed)
        self._lock = threading.Lock()

    def draw(self, *, is_write: bool) -> Fault | None:
        if self.rate <= 0:
            return None
        with self._lock:
            # Always three draws, so the sequence of faults depends only on the order of requests.
            hit, kind, timing = self._random.random(), self._random.random(), self._random.random()
        if hit >= self.rate:
            return None
        if kind < 0.5:
            return Fault(400, ECONNECTOR_DOWN, after_write=False)
        return Fault(504, TIMED_OUT, after_write=is_write and timing < 0.5)


class Throttle:
    """At most one accepted request per `min_interval` seconds for each customer key."""

    def __init__(self, min_interval: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.min_interval = min_interval
        self._clock = clock
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def admit(self, customer_key: str) -> float:
        """0 when the request may run (and starts a new interval), else the seconds left to wait."""
        if self.min_interval <= 0:
            return 0.0
        with self._lock:
            now = self._clock()
            last = self._last.get(customer_key)
            if last is not None and now - last < self.min_interval:
                return self.min_interval - (now - last)
            self._last[customer_key] = now
            return 0.0


def retry_after_header(wait: float) -> str:
    # Retry-After is whole seconds (RFC 9110); round up so a client that obeys it is never early.
    return str(max(1, math.ceil(wait)))
