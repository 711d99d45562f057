"""Initial local state: appointments judged, popups written, watch cursors.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "appointment",
        sa.Column("apt_num", sa.Integer, primary_key=True),
        sa.Column("pat_num", sa.Integer, index=True),
        sa.Column("start", sa.DateTime, nullable=True),
        sa.Column("status", sa.String(20), nullable=False, server_default=""),
        sa.Column("fingerprint", sa.String(64), nullable=False, server_default=""),
        sa.Column("flagged", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("category", sa.String(40), nullable=False, server_default=""),
        sa.Column("field_value", sa.Text, nullable=False, server_default=""),
        sa.Column("note_written", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("procedures", sa.Text, nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "popup",
        sa.Column("pat_num", sa.Integer, primary_key=True),
        sa.Column("popup_num", sa.Integer, nullable=True),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        sa.Column("disabled_at", sa.DateTime, nullable=True),
        sa.Column("state", sa.String(10), nullable=False, server_default="pending"),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "cursor",
        sa.Column("name", sa.String(60), primary_key=True),
        sa.Column("value", sa.String(60), nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("cursor")
    op.drop_table("popup")
    op.drop_table("appointment")
