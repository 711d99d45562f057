"""Serving the sandbox with waitress: in a background thread for tests, or until a signal for the CLI.

    with SandboxServer(seed_dict) as server:
        requests.get(f"{server.url}/appointments", headers=server.headers)
        server.stats.snapshot()
"""
from __future__ import annotations

import signal
import threading
from typing import Callable

from waitress import wasyncore
from waitress.server import create_server

from plugin.errors import ConfigError
from plugin.sandbox.app import create_app
from plugin.sandbox.seed import validate_seed
from plugin.sandbox.settings import SandboxSettings
from plugin.sandbox.stats import RequestStats
from plugin.sandbox.store import Store

THREADS = 8
STOP_WAIT = 10  # seconds for in-flight requests to finish and for the loop thread to end


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
        self._stopping = threading.Event()

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
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=_serve_until, args=(self._server, self._stopping),
                                        name="medlane-sandbox", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Finish the requests in flight, end the loop thread, then close every socket from here.

        Sockets and the trigger pipe are closed only once no other thread can touch them: a
        descriptor closed under a running loop or worker is a number the next server (in this
        process) may get, and a late write or select on it fails with EBADF or lands in the
        wrong socket.
        """
        server, self._server = self._server, None
        if server is None:
            return
        self._port = server.effective_port
        dispatcher = server.task_dispatcher
        # Workers first, while the loop still runs: it sends what they answer and they wake it
        # through the trigger pipe, which therefore stays open. Queued requests are cancelled.
        dispatcher.shutdown(timeout=STOP_WAIT)
        self._stopping.set()
        server.pull_trigger()  # wake the loop from select() so that it sees the event now
        self._thread.join(timeout=STOP_WAIT)
        if self._thread.is_alive():  # closing sockets under a live loop is the bug this order avoids
            raise RuntimeError(f"the sandbox loop on port {self._port} did not stop")
        # handle_close takes each connection's output lock, so it waits for a worker still
        # sending, and marks the connection closed so that such a worker writes no more.
        for channel in [d for d in list(server._map.values()) if d is not server and d is not server.trigger]:
            channel.handle_close()
        dispatcher.shutdown(timeout=STOP_WAIT)
        if dispatcher.threads:
            # A worker that outlived both waits may still pull the trigger: leaking the pipe is
            # safer than its write landing in whatever file gets the number next.
            wasyncore.dispatcher.close(server)  # the listening socket alone
            return
        server.close()  # the listening socket and the trigger pipe

    def __enter__(self) -> "SandboxServer":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()


def _serve_until(server, stopping: threading.Event) -> None:
    """waitress's loop, one poll at a time, until `stopping` is set (server.run loops until its
    map is empty, which only closing sockets from another thread would achieve)."""
    while not stopping.is_set():
        wasyncore.loop(timeout=server.adj.asyncore_loop_timeout, map=server._map,
                       use_poll=server.adj.asyncore_use_poll, count=1)


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
