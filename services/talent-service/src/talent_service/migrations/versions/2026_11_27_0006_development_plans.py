"""Development plans of new hires (candidate-hired); hired profiles leave matching.

Revision ID: talent_0006
Revises: talent_0005
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = 'talent_0006'
down_revision: str | None = 'talent_0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('talent_profiles', sa.Column('hired_at', sa.DateTime(timezone=True), nullable=True))
    op.create_table('development_plans',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.String(length=64), nullable=False),
    sa.Column('application_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('locale', sa.String(length=16), nullable=False),
    sa.Column('position_id', sa.String(length=64), nullable=False),
    sa.Column('position', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('hired_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_by', sa.Text(), nullable=False),
    sa.Column('gaps', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('courses', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_development_plans')),
    sa.UniqueConstraint('application_id', name=op.f('uq_development_plans_application_id'))
    )
    op.create_index('ix_development_plans_created_at', 'development_plans', ['created_at', 'id'], unique=False)
    op.create_index('ix_development_plans_person_id', 'development_plans', ['person_id', 'created_at', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_development_plans_person_id', table_name='development_plans')
    op.drop_index('ix_development_plans_created_at', table_name='development_plans')
    op.drop_table('development_plans')
    op.drop_column('talent_profiles', 'hired_at')
