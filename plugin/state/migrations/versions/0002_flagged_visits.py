"""Flagged visits, kept so a later visit of the patient can join the case they opened.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "flagged_visit",
        sa.Column("apt_num", sa.Integer, primary_key=True),
        sa.Column("pat_num", sa.Integer, nullable=False, index=True),
        sa.Column("start", sa.DateTime, nullable=False),
        sa.Column("category", sa.String(40), nullable=False, server_default=""),
        sa.Column("strength", sa.String(10), nullable=False, server_default="possible"),
        sa.Column("case_apt", sa.Integer, nullable=False),
        sa.Column("teeth", sa.String(200), nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("flagged_visit")
