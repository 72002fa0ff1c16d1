"""Thriving People Index and deprivation: releases, framework versions, index runs

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 13:50:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('deprivation_release',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('release_year', sa.Integer(), nullable=False),
    sa.Column('files', sa.JSON(), nullable=False),
    sa.Column('summary', sa.JSON(), nullable=False),
    sa.Column('change_set_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['change_set_id'], ['change_set.id'], name=op.f('fk_deprivation_release_change_set_id_change_set')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deprivation_release'))
    )
    with op.batch_alter_table('deprivation_release', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deprivation_release_release_year'), ['release_year'], unique=False)

    op.create_table('index_framework_version',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('change_set_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['change_set_id'], ['change_set.id'], name=op.f('fk_index_framework_version_change_set_id_change_set')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_index_framework_version')),
    sa.UniqueConstraint('code', 'version', name='uq_index_framework_version_code_version')
    )
    op.create_table('index_run',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('framework_version_id', sa.Integer(), nullable=False),
    sa.Column('change_set_id', sa.Integer(), nullable=False),
    sa.Column('synthetic', sa.Boolean(), nullable=False),
    sa.Column('results', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['change_set_id'], ['change_set.id'], name=op.f('fk_index_run_change_set_id_change_set')),
    sa.ForeignKeyConstraint(['framework_version_id'], ['index_framework_version.id'], name=op.f('fk_index_run_framework_version_id_index_framework_version')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_index_run'))
    )


def downgrade() -> None:
    op.drop_table('index_run')
    op.drop_table('index_framework_version')
    with op.batch_alter_table('deprivation_release', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deprivation_release_release_year'))
    op.drop_table('deprivation_release')
