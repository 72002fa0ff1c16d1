"""Better Off case references are long random tokens (128 bits), so the column is wider

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 17:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("better_off_case") as batch:
        batch.alter_column("reference", existing_type=sa.String(length=20), type_=sa.String(length=40))


def downgrade() -> None:
    with op.batch_alter_table("better_off_case") as batch:
        batch.alter_column("reference", existing_type=sa.String(length=40), type_=sa.String(length=20))
