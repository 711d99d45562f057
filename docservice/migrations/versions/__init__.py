"""Alembic revisions of the document service."""
