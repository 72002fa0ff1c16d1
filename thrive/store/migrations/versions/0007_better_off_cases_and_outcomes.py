"""Better Off: cases saved by advisers and their outcomes

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22 14:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "better_off_case",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("reference", sa.String(length=20), nullable=False),
        sa.Column("change_set_id", sa.Integer(), nullable=False),
        sa.Column("adviser", sa.String(length=320), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("tax_year", sa.String(length=7), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("entitlements", sa.JSON(), nullable=False),
        sa.Column("unclaimed_per_year", sa.Float(), nullable=False),
        sa.Column("policyengine_version", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["change_set_id"], ["change_set.id"], name=op.f("fk_better_off_case_change_set_id_change_set")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_better_off_case")),
        sa.UniqueConstraint("reference", name=op.f("uq_better_off_case_reference")),
    )
    op.create_table(
        "better_off_outcome",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("benefit", sa.String(length=40), nullable=False),
        sa.Column("claimed", sa.Boolean(), nullable=False),
        sa.Column("award", sa.Float(), nullable=True),
        sa.Column("award_period", sa.String(length=10), nullable=True),
        sa.Column("award_per_year", sa.Float(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("change_set_id", sa.Integer(), nullable=False),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["better_off_case.id"], name=op.f("fk_better_off_outcome_case_id_better_off_case")
        ),
        sa.ForeignKeyConstraint(
            ["change_set_id"], ["change_set.id"], name=op.f("fk_better_off_outcome_change_set_id_change_set")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_better_off_outcome")),
    )
    op.create_index("ix_better_off_outcome_case", "better_off_outcome", ["case_id", "benefit", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_better_off_outcome_case", table_name="better_off_outcome")
    op.drop_table("better_off_outcome")
    op.drop_table("better_off_case")
