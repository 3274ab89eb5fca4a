"""Erased candidates: a late event must not write a notice for them again.

Revision ID: notify_0003
Revises: notify_0002
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'notify_0003'
down_revision: str | None = 'notify_0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('erased_candidates',
    sa.Column('candidate_id', sa.String(length=100), nullable=False),
    sa.Column('erased_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('candidate_id', name=op.f('pk_erased_candidates'))
    )


def downgrade() -> None:
    op.drop_table('erased_candidates')
