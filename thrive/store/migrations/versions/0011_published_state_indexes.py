"""indexes for the questions public pages ask: the newest publishing change set and published run, and
the figures published since a change set

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
    op.create_index("ix_observation_revision_change_set", "observation_revision", ["change_set_id"])


def downgrade() -> None:
    op.drop_index("ix_observation_revision_change_set", table_name="observation_revision")
    op.drop_index("ix_assessment_run_view", table_name="assessment_run")
    op.drop_index("ix_change_set_kind", table_name="change_set")
