"""Files under MEDLANE_HOME: originals stored by content (sha256, never altered) and OCR output.

Layout:

    files/ab/abcdef…        an original, named by its sha256, read-only
    derived/<document id>/  one-page PDFs of the OCR and the assembled searchable PDF
    tmp/                    uploads being received; nothing here outlives a request

An upload is written to tmp/ while it is hashed and measured. Only when it has been accepted
is it moved into files/ (an atomic rename), so a refused upload leaves nothing behind.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from flask import Flask, current_app

from docservice.errors import UploadRejected

EXTENSION_KEY = "medlane.storage"
CHUNK = 1024 * 1024


@dataclass
class Incoming:
    """An upload received into tmp/: its path there, hash, size and first bytes."""

    path: Path
    sha256: str
    size: int
    head: bytes


class FileStore:
    """Content-addressed originals and per-document derived files under one root."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.files = self.root / "files"
        self.derived = self.root / "derived"
        self.tmp = self.root / "tmp"

    def ensure_dirs(self) -> None:
        for directory in (self.files, self.derived, self.tmp):
            directory.mkdir(parents=True, exist_ok=True)

    def original_path(self, sha256: str) -> Path:
        return self.files / sha256[:2] / sha256

    def derived_dir(self, document_id: int) -> Path:
        return self.derived / str(document_id)

    def relative(self, path: Path) -> str:
        """`path` relative to the root, as stored in the database (the root may move)."""
        return str(Path(path).relative_to(self.root))

    def absolute(self, relative: str) -> Path:
        return self.root / relative

    @contextlib.contextmanager
    def receive(self, stream: BinaryIO, *, max_bytes: int, head_bytes: int = 1024) -> Iterator[Incoming]:
        """Copy `stream` into tmp/ while hashing it; the temporary file is removed on exit.

        Raises:
            UploadRejected: the stream holds more than `max_bytes` (413) or nothing (400).
        """
        self.tmp.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=self.tmp, prefix="upload-")
        path = Path(name)
        try:
            digest = hashlib.sha256()
            size = 0
            head = b""
            with os.fdopen(handle, "wb") as out:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    if size > max_bytes:
                        raise UploadRejected(
                            f"The file is larger than the {_megabytes(max_bytes)} upload limit.",
                            code="too_large",
                            status=413,
                        )
                    if len(head) < head_bytes:
                        head += chunk[: head_bytes - len(head)]
                    digest.update(chunk)
                    out.write(chunk)
            if size == 0:
                raise UploadRejected(
                    "The file is empty (0 bytes). Please upload the document again.", code="empty_file"
                )
            yield Incoming(path=path, sha256=digest.hexdigest(), size=size, head=head)
        finally:
            path.unlink(missing_ok=True)

    def keep(self, incoming: Incoming) -> bool:
        """Move an accepted upload into files/. Returns False when identical bytes were already there."""
        target = self.original_path(incoming.sha256)
        if target.exists():
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(incoming.path, 0o444)  # originals are never altered
        os.replace(incoming.path, target)
        return True

    def forget(self, sha256: str) -> None:
        """Remove an original kept by a request that then failed (only call when it was new)."""
        self.original_path(sha256).unlink(missing_ok=True)

    def remove_derived(self, document_id: int) -> None:
        shutil.rmtree(self.derived_dir(document_id), ignore_errors=True)


def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    return f"{value:g} MB" if value >= 1 else f"{size // 1024} KB"


class StorageExtension:
    """Binds a `FileStore` rooted at MEDLANE_HOME to an app: `storage.store` in an app context."""

    def init_app(self, app: Flask) -> None:
        store = FileStore(Path(app.config["MEDLANE_HOME"]))
        store.ensure_dirs()
        app.extensions[EXTENSION_KEY] = store

    @property
    def store(self) -> FileStore:
        return current_app.extensions[EXTENSION_KEY]
