"""sign-in attempts keep a keyed hash of the address they came from, and administrators' unlocks

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 14:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("login_attempt") as batch:
        batch.add_column(sa.Column("address", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("unlocked_by", sa.String(length=320), nullable=True))
        batch.create_index("ix_login_attempt_address", ["address"])


def downgrade() -> None:
    with op.batch_alter_table("login_attempt") as batch:
        batch.drop_index("ix_login_attempt_address")
        batch.drop_column("unlocked_by")
        batch.drop_column("address")
