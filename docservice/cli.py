"""The document service's `medlane` subcommands: serve, worker, users, settings, export.

Registered through the `medlane.commands` entry point, so the dispatcher never imports this
package. Each handler builds the app (which creates or migrates the database under
MEDLANE_HOME on first use) and reports our own errors as one line on stderr.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import logging
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from crosswalks.exitcodes import ExitCode
from docservice import create_app
from docservice.errors import DocServiceError, ServeError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `serve`, `worker` and `users` to the `medlane` command."""
    from docservice.config import DEFAULT_PORT
    from docservice.roles import ROLES  # not docservice.models: every `medlane` command builds this parser

    serve = subparsers.add_parser(
        "serve",
        help="serve the document-service API (and, by default, an OCR worker)",
        description="Serve the REST API under /api/v1 with waitress. Unless --no-worker is given, an "
        "OCR worker runs alongside, so this one command is a working install.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    serve.add_argument("--threads", type=int, default=8, help="request threads (default 8)")
    serve.add_argument("--no-worker", action="store_true", help="do not start an OCR worker")
    serve.set_defaults(handler=_reporting(cmd_serve))

    worker = subparsers.add_parser(
        "worker",
        help="run OCR workers (one page per task, one task per core)",
        description="Consume the OCR queue. Several machines may run workers against one Redis queue "
        "(MEDLANE_QUEUE_URL) and one PostgreSQL database (MEDLANE_DATABASE_URL).",
    )
    worker.add_argument("--workers", type=int, help="tasks at once (default: MEDLANE_WORKERS or the core count)")
    worker.add_argument("--worker-type", choices=("process", "thread"), help="default: process")
    worker.set_defaults(handler=_reporting(cmd_worker))

    users = subparsers.add_parser("users", help="manage API users and tokens")
    actions = users.add_subparsers(dest="users_command", metavar="ACTION")
    actions.required = True
    add = actions.add_parser("add", help="create a user; prints its API token as the last line")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.set_defaults(handler=_reporting(cmd_users_add))
    listing = actions.add_parser("list", help="list users (never their tokens)")
    listing.set_defaults(handler=_reporting(cmd_users_list))
    token = actions.add_parser("token", help="replace a user's token; prints the new one as the last line")
    token.add_argument("name")
    token.set_defaults(handler=_reporting(cmd_users_token))
    disable = actions.add_parser("disable", help="stop a user's token from working")
    disable.add_argument("name")
    disable.set_defaults(handler=_reporting(cmd_users_disable))

    settings = subparsers.add_parser(
        "settings", help="show or change the practice's billing settings",
        description="The billing provider, rendering providers, submitter and receiver, payers and printer "
        "offsets, stored in the document service's database.",
    )
    settings_actions = settings.add_subparsers(dest="settings_command", metavar="ACTION")
    settings_actions.required = True
    show = settings_actions.add_parser("show", help="print the settings as JSON")
    show.set_defaults(handler=_reporting(cmd_settings_show))
    set_ = settings_actions.add_parser("set", help="set one value by its dotted key, e.g. billing_provider.npi")
    set_.add_argument("key", help="dotted key; list items by index, e.g. payers.0.attachment_limit_mb")
    set_.add_argument("value", help="the value; JSON for a list or object, null to remove")
    set_.set_defaults(handler=_reporting(cmd_settings_set))
    load = settings_actions.add_parser("import", help="merge a TOML file in the settings' shape")
    load.add_argument("file", type=Path)
    load.set_defaults(handler=_reporting(cmd_settings_import))

    from docservice.exports.command import add_export_command

    add_export_command(subparsers, reporting=_reporting, create_app=create_app)


def _reporting(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Turn our errors into `medlane: error: <message>` on stderr and their exit code (an `ExitCode`)."""

    @functools.wraps(handler)
    def wrapper(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except DocServiceError as exc:
            print(f"medlane: error: {exc}", file=sys.stderr)
            return exc.exit_code

    return wrapper


def cmd_serve(args: argparse.Namespace) -> int:
    import waitress

    from docservice.jobs.worker import start_worker_process

    app = create_app()
    try:
        server = waitress.create_server(app, host=args.host, port=args.port, threads=args.threads, ident="medlane")
    except OSError as exc:
        raise ServeError(f"Cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from None
    worker = None if args.no_worker else start_worker_process(create_app)
    # SIGTERM (systemd, docker stop) ends the server like Ctrl-C, so the worker is stopped too.
    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    print(f"medlane: serving http://{args.host}:{args.port}/api/v1 "
          f"({'with an OCR worker' if worker else 'no worker'})", file=sys.stderr)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        if worker is not None:
            worker.terminate()
            worker.join(timeout=15)
    return ExitCode.ok


def _raise_keyboard_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def cmd_worker(args: argparse.Namespace) -> int:
    from docservice.jobs.worker import run_worker

    # A worker's log is its progress report: tasks started and finished, pages recovered.
    for name in ("docservice", "huey"):
        logging.getLogger(name).setLevel(logging.INFO)
    app = create_app()
    return run_worker(app, workers=args.workers, worker_type=args.worker_type)


def cmd_users_add(args: argparse.Namespace) -> int:
    from docservice.auth import create_user

    with _session() as session:
        user, token = create_user(session, args.name, args.role)
        _audit_cli("user.create", user.id, role=user.role)
        session.commit()
    print(f"Created user {user.name} with role {user.role}.")
    print("Its API token follows; it is shown only this once (only a hash is kept):")
    print(token)
    return ExitCode.ok


def cmd_users_list(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from docservice.models import User

    with _session() as session:
        users = session.scalars(select(User).order_by(User.name)).all()
    if not users:
        print("No users yet. Create one with: medlane users add NAME --role admin")
    for user in users:
        state = "active" if user.active else "disabled"
        print(f"{user.name}\t{user.role}\t{state}\tcreated {user.created_at:%Y-%m-%d}")
    return ExitCode.ok


def cmd_users_token(args: argparse.Namespace) -> int:
    from docservice.auth import rotate_token

    with _session() as session:
        user = _get_user(session, args.name)
        token = rotate_token(user)
        user.active = True
        _audit_cli("user.token", user.id)
        session.commit()
    print(f"New API token for {user.name}; the old one no longer works. Shown only this once:")
    print(token)
    return ExitCode.ok


def cmd_users_disable(args: argparse.Namespace) -> int:
    with _session() as session:
        user = _get_user(session, args.name)
        user.active = False
        _audit_cli("user.disable", user.id)
        session.commit()
    print(f"User {user.name} is disabled; `medlane users token {user.name}` gives it a new token.")
    return ExitCode.ok


@contextlib.contextmanager
def _session() -> Iterator[Session]:
    """A session of the app's database (created or migrated first), for commands without requests."""
    from docservice.extensions import db

    app = create_app()
    with app.app_context():
        yield db.session


def _get_user(session, name: str):
    from sqlalchemy import select

    from docservice.errors import UserError
    from docservice.models import User

    user = session.scalars(select(User).where(User.name == name)).one_or_none()
    if user is None:
        raise UserError(f"There is no user named {name!r}; see `medlane users list`.")
    return user


def _audit_cli(action: str, user_id: int, **detail) -> None:
    from docservice import audit

    audit.record(action, "user", user_id, actor="cli", detail=detail)


def cmd_settings_show(args: argparse.Namespace) -> int:
    import json

    from docservice.settings import load_settings

    with _session() as session:
        settings = load_settings(session)
    print(json.dumps(settings, indent=2))
    return ExitCode.ok


def cmd_settings_set(args: argparse.Namespace) -> int:
    from docservice.settings import load_settings
    from docservice.settings.keys import patch_for_key

    with _session() as session:
        patch = patch_for_key(load_settings(session), args.key, args.value)
        _store_settings(session, patch)
    print(f"Set {args.key}.")
    return ExitCode.ok


def cmd_settings_import(args: argparse.Namespace) -> int:
    from docservice.settings.store import read_settings_file

    patch = read_settings_file(args.file)
    with _session() as session:
        _store_settings(session, patch)
    print(f"Imported {len(patch)} setting group(s) from {args.file}.")
    return ExitCode.ok


def _store_settings(session, patch: dict) -> None:
    from docservice import audit
    from docservice.settings import update_settings

    update_settings(session, patch, actor="cli")
    audit.record("settings.update", "settings", actor="cli", detail={"keys": sorted(patch)})
    session.commit()
