"""poverty runs and their protected figures

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 14:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "poverty_run",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("change_set_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("first_year", sa.Integer(), nullable=False),
        sa.Column("last_year", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("synthetic", sa.Boolean(), nullable=False),
        sa.Column("line_set", sa.String(length=60), nullable=True),
        sa.Column("disclosure", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["change_set_id"], ["change_set.id"], name=op.f("fk_poverty_run_change_set_id_change_set")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poverty_run")),
    )
    op.create_table(
        "poverty_figure",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("breakdown", sa.String(length=40), nullable=False),
        sa.Column("row_key", sa.String(length=60), nullable=False),
        sa.Column("column_key", sa.String(length=20), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("suppressed", sa.Boolean(), nullable=False),
        sa.Column("ref", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["run_id"], ["poverty_run.id"], name=op.f("fk_poverty_figure_run_id_poverty_run")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_poverty_figure")),
    )
    with op.batch_alter_table("poverty_figure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_poverty_figure_run_id"), ["run_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("poverty_figure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_poverty_figure_run_id"))
    op.drop_table("poverty_figure")
    op.drop_table("poverty_run")
