"""The database extension: one engine per app, one session per app context, migrations on first use.

Shaped like flaskr's `db.py` (and Flask-SQLAlchemy, which we do not need): `db.init_app(app)`
creates the engine and brings the schema to the newest Alembic revision, `db.session` is the
session of the current app context and is closed when that context ends.
"""
from __future__ import annotations

import contextlib
import fcntl
import logging
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Flask, current_app, g
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from docservice.errors import DatabaseError

log = logging.getLogger(__name__)

EXTENSION_KEY = "medlane.db"
# Our own name, so the document service can share a PostgreSQL schema with other Alembic users.
VERSION_TABLE = "docservice_alembic_version"
# Any fixed 64-bit number: serialises concurrent first starts (serve + worker) on PostgreSQL.
MIGRATION_LOCK_ID = 0x4D4C_444F_4353_5643  # "MLDOCSVC"


@dataclass
class _State:
    engine: Engine
    sessions: sessionmaker


class Database:
    """SQLAlchemy bound to Flask apps with `init_app`."""

    def init_app(self, app: Flask) -> None:
        engine = create_engine(app.config["DATABASE_URL"])
        app.extensions[EXTENSION_KEY] = _State(engine, sessionmaker(engine, expire_on_commit=False))
        app.teardown_appcontext(self._close_session)
        if app.config.get("AUTO_MIGRATE", True):
            upgrade(engine, lock_path=Path(app.config["MEDLANE_HOME"]) / ".migrate.lock")

    @staticmethod
    def _state() -> _State:
        return current_app.extensions[EXTENSION_KEY]

    @property
    def engine(self) -> Engine:
        return self._state().engine

    @property
    def session(self) -> Session:
        """The session of the current app context, opened on first use."""
        if "db_session" not in g:
            g.db_session = self._state().sessions()
        return g.db_session

    @staticmethod
    def _close_session(exc: BaseException | None = None) -> None:
        session = g.pop("db_session", None)
        if session is not None:
            session.close()


def create_engine(url: str) -> Engine:
    """An engine tuned for the backend: SQLite for one machine, PostgreSQL to scale out.

    Statement parameters are patient data: they are kept out of logs and error messages.
    """
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 30}, hide_parameters=True)
        sa.event.listen(engine, "connect", _configure_sqlite)
        # pysqlite starts transactions lazily and as readers, so two writers can deadlock on the
        # upgrade to a write lock (SQLITE_BUSY without waiting). Take the write lock up front.
        sa.event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
        return engine
    return sa.create_engine(url, pool_pre_ping=True, hide_parameters=True)


def _configure_sqlite(dbapi_connection, connection_record) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event emits BEGIN itself
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the worker's writes
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def alembic_config(connection: sa.Connection) -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", "docservice:migrations")
    config.attributes["connection"] = connection
    return config


def current_revision(connection: sa.Connection) -> str | None:
    context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
    return context.get_current_revision()


def head_revision() -> str:
    script = ScriptDirectory.from_config(alembic_config(None))
    return script.get_current_head()


def upgrade(engine: Engine, *, lock_path: Path | None = None) -> None:
    """Create or migrate the schema to the newest revision; a no-op when it is already there.

    Raises:
        DatabaseError: the database cannot be reached or migrated.
    """
    try:
        head = head_revision()
        with engine.connect() as connection:
            if current_revision(connection) == head:
                return
        with _migration_lock(engine, lock_path):
            with engine.begin() as connection:
                if engine.dialect.name == "postgresql":
                    connection.execute(sa.text("SELECT pg_advisory_xact_lock(:id)"), {"id": MIGRATION_LOCK_ID})
                if current_revision(connection) != head:
                    log.info("Migrating the document-service database to %s", head)
                    command.upgrade(alembic_config(connection), "head")
    except sa.exc.SQLAlchemyError as exc:
        raise DatabaseError(
            f"The database at {engine.url.render_as_string(hide_password=True)} cannot be used: "
            f"{_first_line(exc)}"
        ) from None


@contextlib.contextmanager
def _migration_lock(engine: Engine, lock_path: Path | None):
    """Serialise first starts on one machine (SQLite); PostgreSQL uses an advisory lock instead."""
    if engine.dialect.name != "sqlite" or lock_path is None:
        yield
        return
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _first_line(exc: Exception) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
