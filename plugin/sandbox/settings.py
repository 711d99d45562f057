"""The sandbox's knobs: keys, page cap, and the misbehaviour it can be asked to show."""
from __future__ import annotations

from dataclasses import dataclass

DEFAULT_DEVELOPER_KEY = "sandbox-developer"
DEFAULT_CUSTOMER_KEY = "sandbox-customer"
REMOTE_PAGE_LIMIT = 100  # the remote API's hard cap; 1000 emulates the local API / API Service


@dataclass(frozen=True)
class SandboxSettings:
    developer_key: str = DEFAULT_DEVELOPER_KEY
    customer_key: str = DEFAULT_CUSTOMER_KEY
    page_limit: int = REMOTE_PAGE_LIMIT
    fail_rate: float = 0.0  # probability that an API request gets an injected 400 or 504
    fault_seed: int | None = None  # makes the injected faults repeatable
    latency_ms: float = 0.0  # added to every API request
    min_interval: float = 0.0  # seconds a customer key must leave between requests, else 429
