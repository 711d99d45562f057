"""Facts read from documents, the proposed claim with its lines, and the narrative.

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
        "facts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=True, index=True),
        sa.Column("page", sa.Integer, nullable=True),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("name", sa.String(40), nullable=False, index=True),
        sa.Column("value", sa.JSON, nullable=False),
        sa.Column("display", sa.String(200), nullable=False),
        sa.Column("snippet", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=True),
        sa.Column("end", sa.Integer, nullable=True),
        sa.Column("negated", sa.Boolean, nullable=False),
        sa.Column("historical", sa.Boolean, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("form", sa.String(20), nullable=False),
        sa.Column("payer", sa.String(40), nullable=False),
        sa.Column("diagnoses", sa.JSON, nullable=False),
        sa.Column("fields", sa.JSON, nullable=False),
        sa.Column("why", sa.JSON, nullable=False),
        sa.Column("edited", sa.JSON, nullable=False),
        sa.Column("built_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("updated_by_id", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
        sa.UniqueConstraint("case_id", name="uq_claims_case_id"),
    )
    op.create_table(
        "claim_lines",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("procedure_id", sa.Integer, sa.ForeignKey("case_procedures.id", ondelete="SET NULL"), nullable=True),
        sa.Column("cdt", sa.String(20), nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("system", sa.String(10), nullable=False),
        sa.Column("modifiers", sa.JSON, nullable=False),
        sa.Column("units", sa.Integer, nullable=False),
        sa.Column("charge", sa.Numeric(10, 2), nullable=True),
        sa.Column("pointers", sa.JSON, nullable=False),
        sa.Column("description", sa.String(255), nullable=False),
        sa.Column("tooth", sa.String(10), nullable=False),
        sa.Column("service_date", sa.Date, nullable=True),
        sa.Column("rule", sa.String(60), nullable=False),
        sa.Column("why", sa.JSON, nullable=False),
        sa.Column("edited", sa.JSON, nullable=False),
    )
    op.create_table(
        "narratives",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("template", sa.String(60), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("placeholders", sa.JSON, nullable=False),
        sa.Column("claim_note", sa.String(80), nullable=False),
        sa.Column("drafted_at", sa.DateTime, nullable=False),
        sa.Column("drafted_by_id", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
        sa.Column("edited_at", sa.DateTime, nullable=True),
        sa.Column("edited_by_id", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
        sa.Column("signed_at", sa.DateTime, nullable=True),
        sa.Column("signed_by_id", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
        sa.Column("signed_name", sa.String(120), nullable=False),
        sa.Column("body_sha256", sa.String(64), nullable=False),
        sa.UniqueConstraint("case_id", name="uq_narratives_case_id"),
    )


def downgrade() -> None:
    for table in ("narratives", "claim_lines", "claims", "facts"):
        op.drop_table(table)
