"""Initial schema: users, cases with their procedures, problems and plans, documents, pages, audit log.

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
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("token_id", sa.String(16), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("name", name="uq_users_name"),
        sa.UniqueConstraint("token_id", name="uq_users_token_id"),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("practice", sa.String(64), nullable=False),
        sa.Column("apt_num", sa.BigInteger, nullable=False),
        sa.Column("pat_num", sa.BigInteger, nullable=False, index=True),
        sa.Column("apt_start", sa.DateTime, nullable=False, index=True),
        sa.Column("apt_provider", sa.String(80), nullable=False),
        sa.Column("apt_op", sa.String(80), nullable=False),
        sa.Column("apt_note", sa.Text, nullable=False),
        sa.Column("patient_name", sa.String(200), nullable=False),
        sa.Column("patient_birthdate", sa.Date, nullable=True),
        sa.Column("patient_gender", sa.String(20), nullable=False),
        sa.Column("category", sa.String(40), nullable=False, index=True),
        sa.Column("categories", sa.JSON, nullable=False),
        sa.Column("evidence", sa.JSON, nullable=False),
        sa.Column("needs", sa.JSON, nullable=False),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("practice", "apt_num", name="uq_cases_practice_apt_num"),
    )
    for table, columns in (
        (
            "case_procedures",
            [
                sa.Column("proc_num", sa.BigInteger, nullable=True),
                sa.Column("code", sa.String(20), nullable=False),
                sa.Column("tooth", sa.String(10), nullable=False),
                sa.Column("surface", sa.String(10), nullable=False),
                sa.Column("descript", sa.String(255), nullable=False),
                sa.Column("fee", sa.Numeric(10, 2), nullable=True),
            ],
        ),
        (
            "case_problems",
            [
                sa.Column("icd10", sa.String(10), nullable=False),
                sa.Column("name", sa.String(255), nullable=False),
            ],
        ),
        (
            "case_insurance",
            [
                sa.Column("kind", sa.String(10), nullable=False),
                sa.Column("carrier", sa.String(120), nullable=False),
                sa.Column("plan", sa.String(120), nullable=False),
                sa.Column("group_number", sa.String(40), nullable=False),
                sa.Column("subscriber_id", sa.String(40), nullable=False),
                sa.Column("ordinal", sa.Integer, nullable=False),
            ],
        ),
    ):
        op.create_table(
            table,
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column(
                "case_id",
                sa.Integer,
                sa.ForeignKey("cases.id", ondelete="CASCADE", name=f"fk_{table}_case_id_cases"),
                nullable=False,
                index=True,
            ),
            sa.Column("position", sa.Integer, nullable=False),
            *columns,
        )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "case_id",
            sa.Integer,
            sa.ForeignKey("cases.id", ondelete="SET NULL", name="fk_documents_case_id_cases"),
            nullable=True,
            index=True,
        ),
        sa.Column("sha256", sa.String(64), nullable=False, index=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("media_type", sa.String(80), nullable=False),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("kind", sa.String(40), nullable=True),
        sa.Column("kind_source", sa.String(20), nullable=False),
        sa.Column("kind_confidence", sa.Float, nullable=True),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        sa.Column("pages_total", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("pdf_path", sa.String(255), nullable=False),
        sa.Column("reason", sa.String(255), nullable=False),
        sa.Column(
            "uploaded_by_id",
            sa.Integer,
            sa.ForeignKey("users.id", ondelete="SET NULL", name="fk_documents_uploaded_by_id_users"),
            nullable=True,
        ),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("finishing_at", sa.DateTime, nullable=True),
        sa.Column("finished_at", sa.DateTime, nullable=True),
    )
    op.create_table(
        "pages",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE", name="fk_pages_document_id_documents"),
            nullable=False,
        ),
        sa.Column("page_index", sa.Integer, nullable=False),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("mean_confidence", sa.Float, nullable=True),
        sa.Column("method", sa.String(40), nullable=False),
        sa.Column("pdf_path", sa.String(255), nullable=False),
        sa.Column("reason", sa.String(255), nullable=False),
        sa.Column("image_kind", sa.String(20), nullable=False),
        sa.Column("image_stats", sa.JSON, nullable=True),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("queued_at", sa.DateTime, nullable=False),
        sa.Column("claimed_by", sa.String(120), nullable=False),
        sa.Column("claimed_at", sa.DateTime, nullable=True),
        sa.Column("finished_at", sa.DateTime, nullable=True),
        sa.UniqueConstraint("document_id", "page_index", name="uq_pages_document_id_page_index"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime, nullable=False, index=True),
        sa.Column("user_id", sa.Integer, nullable=True, index=True),
        sa.Column("actor", sa.String(80), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("action", sa.String(40), nullable=False, index=True),
        sa.Column("resource", sa.String(20), nullable=False),
        sa.Column("resource_id", sa.Integer, nullable=True, index=True),
        sa.Column("detail", sa.JSON, nullable=False),
        sa.Column("remote_addr", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    for table in ("audit_log", "pages", "documents", "case_insurance", "case_problems", "case_procedures", "cases", "users"):
        op.drop_table(table)
