"""The same file uploaded twice to the same case is the same document.

Originals are stored once per content hash already (storage.FileStore.keep); this decides when a
second upload is a new document at all: not in the same case (answered with the one there), yes
in another case or with no case (each case keeps its own document of the shared original).
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from docservice.models import Document


def find_duplicate(session: Session, *, case_id: int, sha256: str) -> Document | None:
    """The case's earliest document with exactly these bytes, or None."""
    return session.scalars(
        select(Document).where(Document.case_id == case_id, Document.sha256 == sha256).order_by(Document.id).limit(1)
    ).first()
