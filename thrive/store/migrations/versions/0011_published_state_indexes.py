"""indexes for the question every public request asks: the newest publishing change set and published run

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 18:20:00
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_change_set_kind", "change_set", ["kind", "id"])
    op.create_index("ix_assessment_run_view", "assessment_run", ["view", "id"])


def downgrade() -> None:
    op.drop_index("ix_assessment_run_view", table_name="assessment_run")
    op.drop_index("ix_change_set_kind", table_name="change_set")
