"""Alembic environment for the plugin's local state; run programmatically by StateStore."""
from alembic import context

from plugin.state.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
