"""The sandbox's database: every resource's rows in memory, optionally saved to a state file.

Rows are never changed in place: a write swaps in a new dict. A reader that took a snapshot of
a table keeps consistent rows while other threads write, without holding the lock.

With a state file, the whole store is written after every write (temp file + os.replace, so a
kill -9 leaves either the old or the new file, never half of one), and a restarted sandbox picks
up where it stopped, the way a real Open Dental database outlives its API service.
"""
from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator

from plugin.errors import ConfigError, SeedError
from plugin.sandbox.defaults import Lookups
from plugin.sandbox.resources import RESOURCES
from plugin.sandbox.seed import Tables, read_json, read_seed, validate_seed
from plugin.sandbox.wire import format_datetime

log = logging.getLogger(__name__)

STATE_FORMAT = "medlane-sandbox-state/1"


class Store:
    def __init__(
        self,
        tables: Tables,
        *,
        state_path: Path | None = None,
        next_keys: dict[str, int] | None = None,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.state_path = state_path
        self._clock = clock
        self._lock = threading.RLock()
        self._depth = 0
        self._dirty = False
        self._tables: dict[str, dict[int, dict]] = {}
        self._next_keys: dict[str, int] = {}
        for name, resource in RESOURCES.items():
            rows = sorted(tables.get(name, []), key=lambda row: row[resource.key])
            self._tables[name] = {row[resource.key]: row for row in rows}
            # Like MySQL's auto-increment, a deleted key is never handed out again.
            highest = max(self._tables[name], default=0)
            self._next_keys[name] = max(highest + 1, (next_keys or {}).get(name, 0))

    # -- reading -----------------------------------------------------------------------------

    def now(self) -> datetime:
        return self._clock().replace(microsecond=0)

    def rows(self, resource: str) -> list[dict]:
        """A snapshot of the table, ordered by primary key."""
        with self._lock:
            return list(self._tables[resource].values())

    def get(self, resource: str, key: int) -> dict | None:
        with self._lock:
            return self._tables[resource].get(key)

    def lookups(self) -> Lookups:
        with self._lock:
            return Lookups({name: list(table.values()) for name, table in self._tables.items()})

    def export(self) -> Tables:
        """Every table in the seed-file shape."""
        with self._lock:
            return {name: list(table.values()) for name, table in self._tables.items()}

    # -- writing -----------------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator["Store"]:
        """Group writes: they run under one lock and the state file is saved once, at the end."""
        with self._lock:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
                if self._depth == 0 and self._dirty:
                    self._dirty = False
                    self.save()

    def insert(self, resource: str, row: dict) -> dict:
        """Add a row under the next key; stamps it as changed now. Returns the stored row."""
        spec = RESOURCES[resource]
        with self.writing():
            key = self._next_keys[resource]
            self._next_keys[resource] = key + 1
            stored = {spec.key: key, **{f: v for f, v in row.items() if f != spec.key}}
            return self._put(resource, key, stored)

    def update(self, resource: str, key: int, changes: dict) -> dict:
        with self.writing():
            current = self._tables[resource][key]
            return self._put(resource, key, {**current, **changes})

    def replace(self, resource: str, key: int, row: dict) -> dict:
        with self.writing():
            return self._put(resource, key, dict(row))

    def delete(self, resource: str, key: int) -> None:
        with self.writing():
            del self._tables[resource][key]
            self._dirty = True

    def _put(self, resource: str, key: int, row: dict) -> dict:
        stamp = RESOURCES[resource].stamp
        if stamp:
            row[stamp] = format_datetime(self.now())
        self._tables[resource][key] = row
        self._dirty = True
        return row

    # -- persistence -------------------------------------------------------------------------

    def save(self) -> None:
        if self.state_path is None:
            return
        with self._lock:
            document = {"format": STATE_FORMAT, "next_keys": dict(self._next_keys), "resources": self.export()}
            try:
                write_atomically(self.state_path, json.dumps(document, separators=(",", ":")))
            except OSError as exc:
                raise ConfigError(f"cannot write state file {self.state_path}: {exc.strerror or exc}.") from None

    @classmethod
    def from_state(cls, path: Path, **kwargs) -> "Store":
        document = read_json(path, what="state file")
        if not isinstance(document, dict) or document.get("format") != STATE_FORMAT:
            raise SeedError(f"state file {path} was not written by medlane sandbox; move it away or pick another.")
        tables = validate_seed(document.get("resources"), source=f"state file {path.name}")
        next_keys = {k: v for k, v in (document.get("next_keys") or {}).items() if isinstance(v, int)}
        return cls(tables, state_path=path, next_keys=next_keys, **kwargs)


def open_store(*, seed_path: Path, state_path: Path | None = None) -> Store:
    """The state file when there is one (what clients wrote survives a restart), else the seed."""
    if state_path is not None and state_path.exists():
        log.info("loading state file %s instead of the seed", state_path.name)
        return Store.from_state(state_path)
    store = Store(read_seed(seed_path), state_path=state_path)
    store.save()  # so a restart before the first write still finds the state file
    return store


def write_atomically(path: Path, text: str) -> None:
    # No fsync: a killed process cannot lose what it already handed to the kernel, and only a
    # power cut could; syncing on every API write would slow the sandbox for no test's benefit.
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
