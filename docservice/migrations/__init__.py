"""Alembic migrations of the document service (see env.py)."""
