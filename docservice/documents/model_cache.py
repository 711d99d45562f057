"""Keep a trained model between processes, in the user's private cache directory.

Training the document-kind model costs seconds of CPU, and every process that reads documents
(`medlane serve`, each worker, the demo, every command a test starts) would pay it again. So the
trained model is pickled into `MEDLANE_CACHE_DIR` (default `$XDG_CACHE_HOME/medlane`, else
`~/.cache/medlane`) under a name made of everything that decides it: the bytes of its sources
(the corpus, the training code), its settings, and the Python and library versions that fit and
unpickle it. Change any of them and the name changes, so a stale model is never read; old files
are only disk space and may be deleted at any time.

Unpickling runs code, so a file is read only from a directory this user owns and no one else may
write (it is created 0700), and only when this user wrote it and no one else may write it;
anything else is ignored and the model is trained as before. A cache that cannot be written costs
the training and nothing more.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

log = logging.getLogger(__name__)

# The libraries whose objects are pickled: another version may not unpickle them, or unpickle them wrong.
PICKLED_LIBRARIES = ("scikit-learn", "numpy", "scipy")


def find_cache_dir() -> Path | None:
    """MEDLANE_CACHE_DIR, else $XDG_CACHE_HOME/medlane, else ~/.cache/medlane (None without a home)."""
    chosen = os.environ.get("MEDLANE_CACHE_DIR")
    if chosen:
        return Path(chosen)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and Path(xdg).is_absolute():  # the XDG spec says to ignore a relative path
        return Path(xdg) / "medlane"
    try:
        return Path.home() / ".cache" / "medlane"
    except RuntimeError:  # no HOME and no password entry
        return None


def make_cache_key(name: str, *, sources: Iterable[Path], settings: object) -> str:
    """`name-<sha256>` of the sources' bytes, the settings' repr and the versions that read the pickle."""
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.read_bytes())
        digest.update(b"\0")
    digest.update(repr(settings).encode())
    digest.update(f"python {sys.version_info[0]}.{sys.version_info[1]}".encode())
    for library in PICKLED_LIBRARIES:
        try:
            digest.update(f" {library} {version(library)}".encode())
        except PackageNotFoundError:
            digest.update(f" {library} none".encode())
    return f"{name}-{digest.hexdigest()[:32]}"


def read_cached(key: str) -> object | None:
    """The object stored under `key`, or None when absent, not private or unreadable."""
    directory = find_cache_dir()
    if directory is None:
        return None
    path = directory / f"{key}.pickle"
    try:
        if not _is_private(os.stat(directory, follow_symlinks=False)):
            log.info("Model cache %s ignored: not a directory of this user's alone", directory)
            return None
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as file:
        # Checked on the open file, so the one checked is the one read.
        if not _is_private(os.fstat(file.fileno()), regular=True):
            log.info("Cached model %s ignored: not written by this user alone", path.name)
            return None
        try:
            return pickle.load(file)
        except Exception as exc:  # a truncated or incompatible file: train instead
            log.info("Cached model %s unreadable (%s); training instead", path.name, type(exc).__name__)
            return None


def write_cached(key: str, value: object) -> None:
    """Store `value` under `key`, atomically (readers see the whole file or none); failures are only logged."""
    directory = find_cache_dir()
    if directory is None:
        return
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _is_private(os.stat(directory, follow_symlinks=False)):
            return
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=f".{key}.", suffix=".tmp")  # mode 0600
    except OSError as exc:
        log.info("Model cache %s not writable (%s); the model is trained in each process", directory, exc.strerror)
        return
    try:
        with os.fdopen(fd, "wb") as file:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, directory / f"{key}.pickle")
    except Exception as exc:  # disk full, or a value that cannot be pickled: the cache is only a saving
        log.info("Model not cached (%s)", type(exc).__name__)
        Path(temporary).unlink(missing_ok=True)


def _is_private(info: os.stat_result, *, regular: bool = False) -> bool:
    kind_ok = stat.S_ISREG(info.st_mode) if regular else stat.S_ISDIR(info.st_mode)
    return kind_ok and info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
