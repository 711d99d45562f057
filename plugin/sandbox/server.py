"""Serving the sandbox with waitress: in a background thread for tests, or until a signal for the CLI.

    with SandboxServer(seed_dict) as server:
        requests.get(f"{server.url}/appointments", headers=server.headers)
        server.stats.snapshot()
"""
from __future__ import annotations

import signal
import threading
from typing import Callable

from waitress.server import create_server

from plugin.errors import ConfigError
from plugin.sandbox.app import create_app
from plugin.sandbox.seed import validate_seed
from plugin.sandbox.settings import SandboxSettings
from plugin.sandbox.stats import RequestStats
from plugin.sandbox.store import Store

THREADS = 8


class SandboxServer:
    """The sandbox app on a port (0 = any free one), served from a background thread."""

    def __init__(
        self,
        seed: dict | None = None,
        *,
        store: Store | None = None,
        settings: SandboxSettings | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.store = store if store is not None else Store(validate_seed(seed or {}, source="seed"))
        self.settings = settings or SandboxSettings()
        self.stats = RequestStats()
        self.app = create_app(self.store, self.settings, stats=self.stats)
        self.host = host
        self._port = port
        self._server = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._server.effective_port if self._server else self._port

    @property
    def url(self) -> str:
        """The API base, e.g. http://127.0.0.1:50123/api/v1."""
        return f"http://{self.host}:{self.port}/api/v1"

    @property
    def stats_url(self) -> str:
        return f"http://{self.host}:{self.port}/sandbox/stats"

    @property
    def headers(self) -> dict[str, str]:
        """The headers a well-behaved client sends."""
        return {
            "Authorization": f"ODFHIR {self.settings.developer_key}/{self.settings.customer_key}",
            "Content-Type": "application/json",
        }

    def start(self) -> "SandboxServer":
        try:
            # No access log: waitress writes none unless wrapped, and URLs carry patient numbers.
            self._server = create_server(self.app, host=self.host, port=self._port, threads=THREADS)
        except OSError as exc:
            raise ConfigError(f"cannot listen on {self.host}:{self._port}: {exc.strerror or exc}.") from None
        self._thread = threading.Thread(target=self._server.run, name="medlane-sandbox", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        self._port = server.effective_port
        # Workers first: a worker finishing a request wakes the loop through its trigger pipe,
        # so the pipe must outlive them. Then close every socket from inside the loop thread;
        # with nothing left to watch, the loop returns.
        server.task_dispatcher.shutdown(timeout=5)
        server.trigger.pull_trigger(lambda: [d.close() for d in list(server._map.values())])
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> "SandboxServer":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()


def serve_until_signalled(server: SandboxServer, *, announce: Callable[[str], None]) -> None:
    """Serve until SIGINT or SIGTERM, then shut down cleanly."""
    stopping = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stopping.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.start()
        announce(server.url)
        while not stopping.wait(0.5):
            pass
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
