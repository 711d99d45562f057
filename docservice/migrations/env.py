"""Alembic environment of the document service; run programmatically by `docservice.database.upgrade`."""
from alembic import context

from docservice.database import VERSION_TABLE
from docservice.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    version_table=VERSION_TABLE,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
