"""Staff alerts: alert preferences, team-chat robots, positions' org units.

Revision ID: notify_0005
Revises: notify_0003
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = 'notify_0005'
down_revision: str | None = 'notify_0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('alert_preferences',
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('preferences', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('subject', name=op.f('pk_alert_preferences'))
    )
    op.create_table('chat_robots',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('scope', sa.String(length=20), nullable=False),
    sa.Column('scope_id', sa.String(length=100), nullable=True),
    sa.Column('provider', sa.String(length=20), nullable=False),
    sa.Column('webhook_url', sa.Text(), nullable=False),
    sa.Column('secret', sa.Text(), nullable=True),
    sa.Column('locale', sa.String(length=20), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_by', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chat_robots'))
    )
    op.create_index('ix_chat_robots_scope', 'chat_robots', ['scope', 'scope_id'], unique=False)
    op.create_table('position_units',
    sa.Column('position_id', sa.String(length=100), nullable=False),
    sa.Column('org_unit_id', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('position_id', name=op.f('pk_position_units'))
    )
    op.create_index(op.f('ix_position_units_org_unit_id'), 'position_units', ['org_unit_id'], unique=False)
    # The values a provider-approved SMS template takes (name, position, survey link).
    op.add_column('notifications', sa.Column('params', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True))


def downgrade() -> None:
    op.drop_column('notifications', 'params')
    op.drop_index(op.f('ix_position_units_org_unit_id'), table_name='position_units')
    op.drop_table('position_units')
    op.drop_index('ix_chat_robots_scope', table_name='chat_robots')
    op.drop_table('chat_robots')
    op.drop_table('alert_preferences')
