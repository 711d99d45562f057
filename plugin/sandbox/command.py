"""`medlane sandbox`: a stand-in for the subset of the Open Dental REST API that MedLane uses."""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from crosswalks.exitcodes import ExitCode
from plugin.errors import ConfigError
from plugin.sandbox.settings import DEFAULT_CUSTOMER_KEY, DEFAULT_DEVELOPER_KEY, REMOTE_PAGE_LIMIT, SandboxSettings

DEFAULT_PORT = 8765


def add_sandbox_command(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sandbox",
        help="serve a stand-in Open Dental API from a seed file",
        description="Serve the subset of the Open Dental REST API that MedLane uses, from a seed file, "
        "with Open Dental's auth, paging, throttling and failures. Stops on Ctrl-C or SIGTERM.",
    )
    parser.add_argument(
        "--seed",
        type=Path,
        help="seed file: Open Dental resources keyed by API path (default: the bundled demo practice)",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help="port to listen on; 0 picks a free one (default: %(default)s)"
    )
    parser.add_argument(
        "--state",
        type=Path,
        help="keep the data in this file across restarts: loaded at start if it exists (instead of the seed), "
        "saved after every write",
    )
    parser.add_argument(
        "--page-limit",
        type=int,
        default=REMOTE_PAGE_LIMIT,
        help="most rows per page: 100 like the remote API, 1000 like the local API (default: %(default)s)",
    )
    parser.add_argument("--developer-key", help=f"env MEDLANE_OD_DEVELOPER_KEY; default {DEFAULT_DEVELOPER_KEY}")
    parser.add_argument("--customer-key", help=f"env MEDLANE_OD_CUSTOMER_KEY; default {DEFAULT_CUSTOMER_KEY}")
    faults = parser.add_argument_group("misbehaviour")
    faults.add_argument(
        "--fail-rate",
        type=float,
        default=0.0,
        help="probability that a request gets Open Dental's 400 'eConnector is not responding' or a 504",
    )
    faults.add_argument("--fault-seed", type=int, help="makes the injected faults repeatable")
    faults.add_argument("--latency", type=float, default=0.0, metavar="MS", help="delay added to every request")
    faults.add_argument(
        "--min-interval",
        type=float,
        default=0.0,
        metavar="S",
        help="answer 429 to a request sooner than this after the previous one, as Open Dental's throttle does",
    )
    parser.set_defaults(handler=run_sandbox)


def run_sandbox(args: argparse.Namespace) -> int:
    # Imported here so that other medlane commands do not pay for Flask and waitress.
    from plugin.sandbox.seed import DEMO_SEED
    from plugin.sandbox.server import SandboxServer, serve_until_signalled
    from plugin.sandbox.store import open_store

    settings = settings_from_args(args, os.environ)
    store = open_store(seed_path=args.seed or DEMO_SEED, state_path=args.state)
    server = SandboxServer(store=store, settings=settings, host=args.host, port=args.port)
    serve_until_signalled(server, announce=lambda url: print(f"Open Dental sandbox on {url}", flush=True))
    return ExitCode.ok


def settings_from_args(args: argparse.Namespace, env: dict[str, str] | os._Environ) -> SandboxSettings:
    if not 0.0 <= args.fail_rate <= 1.0:
        raise ConfigError("--fail-rate must be between 0 and 1.")
    if args.latency < 0 or args.min_interval < 0:
        raise ConfigError("--latency and --min-interval cannot be negative.")
    if args.page_limit < 1:
        raise ConfigError("--page-limit must be at least 1.")
    if not 0 <= args.port <= 65535:
        raise ConfigError("--port must be between 0 and 65535.")
    return SandboxSettings(
        developer_key=args.developer_key or env.get("MEDLANE_OD_DEVELOPER_KEY") or DEFAULT_DEVELOPER_KEY,
        customer_key=args.customer_key or env.get("MEDLANE_OD_CUSTOMER_KEY") or DEFAULT_CUSTOMER_KEY,
        page_limit=args.page_limit,
        fail_rate=args.fail_rate,
        fault_seed=args.fault_seed,
        latency_ms=args.latency,
        min_interval=args.min_interval,
    )
