"""The clinical record: fact context and section, document identity and kind review, evidence confirmations.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("facts") as batch:
        batch.add_column(sa.Column("context", sa.String(20), nullable=False, server_default="present"))
        batch.add_column(sa.Column("section", sa.String(40), nullable=False, server_default=""))
    # Facts read before this revision only knew negated/historical: carry that over.
    op.execute("UPDATE facts SET context = 'negated' WHERE negated")
    op.execute("UPDATE facts SET context = 'historical' WHERE historical AND NOT negated")
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("kind_review", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("identity", sa.String(20), nullable=False, server_default="unchecked"))
        batch.add_column(sa.Column("identity_detail", sa.JSON, nullable=False, server_default="{}"))
    op.create_table(
        "evidence_confirmations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("fact", sa.String(40), nullable=False),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("value", sa.JSON, nullable=False),
        sa.Column("display", sa.String(200), nullable=False),
        sa.Column("fact_id", sa.Integer, sa.ForeignKey("facts.id", ondelete="SET NULL"), nullable=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
        sa.Column("user_name", sa.String(80), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("evidence_confirmations")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("identity_detail")
        batch.drop_column("identity")
        batch.drop_column("kind_review")
    with op.batch_alter_table("facts") as batch:
        batch.drop_column("section")
        batch.drop_column("context")
