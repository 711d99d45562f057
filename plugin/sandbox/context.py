"""What the sandbox's routes share, one per app: the store, the settings, the counters and the misbehaviour.

Below both the app (which creates it) and the API modules (which read it), so neither imports the other.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app

from plugin.sandbox.faults import FaultInjector, Throttle
from plugin.sandbox.settings import SandboxSettings
from plugin.sandbox.stats import RequestStats
from plugin.sandbox.store import Store

EXTENSION_KEY = "medlane_sandbox"


@dataclass
class SandboxContext:
    """What the routes share, kept in app.extensions[EXTENSION_KEY]."""

    store: Store
    settings: SandboxSettings
    stats: RequestStats = field(default_factory=RequestStats)
    faults: FaultInjector = field(init=False)
    throttle: Throttle = field(init=False)

    def __post_init__(self) -> None:
        self.faults = FaultInjector(self.settings.fail_rate, seed=self.settings.fault_seed)
        self.throttle = Throttle(self.settings.min_interval)


def sandbox() -> SandboxContext:
    """The current app's context."""
    return current_app.extensions[EXTENSION_KEY]
