"""Indicators, their links to Road Map series, publishers' markers, and neighbour models

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 11:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "indicator",
        sa.Column("id", sa.String(length=60), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("polarity", sa.String(length=20), nullable=False),
        sa.Column("period_type", sa.String(length=20), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("publisher", sa.Text(), nullable=False),
        sa.Column("licence", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("caveats", sa.Text(), nullable=True),
        sa.Column("change_set_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["change_set_id"], ["change_set.id"], name=op.f("fk_indicator_change_set_id_change_set")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator")),
    )
    with op.batch_alter_table("series", schema=None) as batch_op:
        batch_op.alter_column("measure_id", existing_type=sa.String(length=60), nullable=True)
        batch_op.add_column(sa.Column("indicator_id", sa.String(length=60), nullable=True))
        batch_op.create_index(batch_op.f("ix_series_indicator_id"), ["indicator_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_series_indicator_id_indicator"), "indicator", ["indicator_id"], ["id"])
    op.create_table(
        "indicator_link",
        sa.Column("series_id", sa.String(length=60), nullable=False),
        sa.Column("indicator_id", sa.String(length=60), nullable=False),
        sa.Column("match", sa.String(length=12), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("ref", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["indicator_id"], ["indicator.id"], name=op.f("fk_indicator_link_indicator_id_indicator")),
        sa.ForeignKeyConstraint(["series_id"], ["series.id"], name=op.f("fk_indicator_link_series_id_series")),
        sa.PrimaryKeyConstraint("series_id", "indicator_id", name=op.f("pk_indicator_link")),
    )
    with op.batch_alter_table("observation_revision", schema=None) as batch_op:
        batch_op.add_column(sa.Column("suppressed", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column("low_reliability", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_table(
        "comparator_model",
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("group_code", sa.String(length=60), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("publisher", sa.Text(), nullable=False),
        sa.Column("in_force_from", sa.Date(), nullable=True),
        sa.Column("in_force_to", sa.Date(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("licence", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_code"], ["comparator_group.code"], name=op.f("fk_comparator_model_group_code_comparator_group")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_comparator_model")),
    )
    op.create_table(
        "comparator_neighbour",
        sa.Column("model_code", sa.String(length=60), nullable=False),
        sa.Column("area_code", sa.String(length=12), nullable=False),
        sa.Column("neighbour_code", sa.String(length=12), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["area_code"], ["area.code"], name=op.f("fk_comparator_neighbour_area_code_area")),
        sa.ForeignKeyConstraint(
            ["model_code"], ["comparator_model.code"], name=op.f("fk_comparator_neighbour_model_code_comparator_model")
        ),
        sa.ForeignKeyConstraint(
            ["neighbour_code"], ["area.code"], name=op.f("fk_comparator_neighbour_neighbour_code_area")
        ),
        sa.PrimaryKeyConstraint("model_code", "area_code", "neighbour_code", name=op.f("pk_comparator_neighbour")),
    )


def downgrade() -> None:
    op.drop_table("comparator_neighbour")
    op.drop_table("comparator_model")
    with op.batch_alter_table("observation_revision", schema=None) as batch_op:
        batch_op.drop_column("low_reliability")
        batch_op.drop_column("suppressed")
    op.drop_table("indicator_link")
    with op.batch_alter_table("series", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_series_indicator_id_indicator"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_series_indicator_id"))
        batch_op.drop_column("indicator_id")
        batch_op.alter_column("measure_id", existing_type=sa.String(length=60), nullable=False)
    op.drop_table("indicator")
