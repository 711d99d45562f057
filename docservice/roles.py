"""The roles a document-service user can have; what each may do is `PERMISSIONS` in docservice/auth.py.

Apart from the tables (docservice/models.py re-exports them) so that `medlane`'s argument parser,
built for every command, can name them without importing SQLAlchemy.
"""
from __future__ import annotations

ROLES = ("admin", "dentist", "assistant", "biller", "service")
