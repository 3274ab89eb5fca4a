"""Erasure audit: whether the erasure was the person's request (erase everywhere).

Revision ID: talent_0003
Revises: talent_0002
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'talent_0003'
down_revision: str | None = 'talent_0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        'erasure_audit',
        sa.Column('everywhere', sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    # Until now only the retention sweep erased without the person asking.
    op.execute(
        "UPDATE erasure_audit SET everywhere = (reason <> 'talent-pool consent expired')"
    )


def downgrade() -> None:
    op.drop_column('erasure_audit', 'everywhere')
