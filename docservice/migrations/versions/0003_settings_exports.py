"""Practice settings, control-number counters, exports; patient address and subscriber details.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("patient_address", sa.JSON, nullable=False, server_default="{}"))
        batch.add_column(sa.Column("patient_phone", sa.String(30), nullable=False, server_default=""))
    with op.batch_alter_table("case_insurance") as batch:
        batch.add_column(sa.Column("relationship", sa.String(20), nullable=False, server_default="self"))
        batch.add_column(sa.Column("subscriber_name", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("subscriber_birthdate", sa.Date, nullable=True))
        batch.add_column(sa.Column("subscriber_gender", sa.String(20), nullable=False, server_default=""))
        batch.add_column(sa.Column("payer_id", sa.String(80), nullable=False, server_default=""))
    op.create_table(
        "practice_settings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("updated_by", sa.String(80), nullable=False),
    )
    op.create_table(
        "control_numbers",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "exports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("batch_id", sa.String(40), nullable=False, index=True),
        sa.Column("acn", sa.String(50), nullable=False, index=True),
        sa.Column("claim_control_number", sa.String(38), nullable=False, index=True),
        sa.Column("frequency_code", sa.String(1), nullable=False),
        sa.Column("payer_claim_number", sa.String(50), nullable=False),
        sa.Column("interchange_control_number", sa.BigInteger, nullable=True),
        sa.Column("attachments_digest", sa.String(64), nullable=False),
        sa.Column("claim_digest", sa.String(64), nullable=False),
        sa.Column("files", sa.JSON, nullable=False),
        sa.Column("totals", sa.JSON, nullable=False),
        sa.Column("claim_summary", sa.JSON, nullable=False),
        sa.Column("override_reason", sa.Text, nullable=False),
        sa.Column("overridden", sa.JSON, nullable=False),
        sa.Column("pms", sa.JSON, nullable=False),
        sa.Column("exported_by_id", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
        sa.Column("exported_by", sa.String(80), nullable=False),
        sa.Column("exported_at", sa.DateTime, nullable=False),
        sa.Column("submitted_at", sa.DateTime, nullable=True),
    )


def downgrade() -> None:
    for table in ("exports", "control_numbers", "practice_settings"):
        op.drop_table(table)
    with op.batch_alter_table("case_insurance") as batch:
        for column in ("payer_id", "subscriber_gender", "subscriber_birthdate", "subscriber_name", "relationship"):
            batch.drop_column(column)
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("patient_phone")
        batch.drop_column("patient_address")
