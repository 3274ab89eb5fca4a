"""Interview emails: notices carry an interview, a part and a calendar; interview slots.

Revision ID: notify_0004
Revises: notify_0003
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'notify_0004'
down_revision: str | None = 'notify_0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('notifications', sa.Column('interview_id', sa.String(length=100), nullable=True))
    op.add_column('notifications', sa.Column('part', sa.String(length=200), server_default='', nullable=False))
    op.add_column('notifications', sa.Column('calendar', sa.Text(), nullable=True))
    op.add_column('notifications', sa.Column('calendar_method', sa.String(length=10), nullable=True))
    op.create_index('ix_notifications_interview', 'notifications', ['interview_id'], unique=False)
    op.drop_constraint('uq_notifications_event_channel', 'notifications', type_='unique')
    op.create_unique_constraint(
        'uq_notifications_event_channel_part', 'notifications', ['source_event_id', 'channel', 'part']
    )
    op.create_table('interview_slots',
    sa.Column('interview_id', sa.String(length=100), nullable=False),
    sa.Column('candidate_id', sa.String(length=100), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('start', sa.DateTime(timezone=True), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('interview_id', name=op.f('pk_interview_slots'))
    )
    op.create_index(op.f('ix_interview_slots_candidate_id'), 'interview_slots', ['candidate_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_interview_slots_candidate_id'), table_name='interview_slots')
    op.drop_table('interview_slots')
    # Interview notices share an event and channel: they cannot stay under the old key.
    op.execute("DELETE FROM notifications WHERE part <> ''")
    op.drop_constraint('uq_notifications_event_channel_part', 'notifications', type_='unique')
    op.create_unique_constraint(
        'uq_notifications_event_channel', 'notifications', ['source_event_id', 'channel']
    )
    op.drop_index('ix_notifications_interview', table_name='notifications')
    op.drop_column('notifications', 'calendar_method')
    op.drop_column('notifications', 'calendar')
    op.drop_column('notifications', 'part')
    op.drop_column('notifications', 'interview_id')
