"""Later visits of a case: a follow-up or the next stage of treatment, with its own note and procedures.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_visits",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("apt_num", sa.BigInteger, nullable=False, index=True),
        sa.Column("apt_start", sa.DateTime, nullable=False),
        sa.Column("provider", sa.String(80), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("procedures", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("case_id", "apt_num", name="uq_case_visits_case_id_apt_num"),
    )


def downgrade() -> None:
    op.drop_table("case_visits")
