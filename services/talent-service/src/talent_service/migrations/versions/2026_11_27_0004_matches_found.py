"""Matches-found: positions keep their owners and translated titles, matches remember the
scoring that announced them; set-based scoring indexes the profiles it leaves to Python.

Revision ID: talent_0004
Revises: talent_0003
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = 'talent_0004'
down_revision: str | None = 'talent_0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# db.scoring.YEARS_PRINTABLE as of this revision (the index predicate must match it).
YEARS_PRINTABLE = (
    "(years_experience IS NULL OR years_experience = 0 OR "
    "(abs(years_experience) < 10000 AND round(years_experience * 100) / 100 = years_experience))"
)


def upgrade() -> None:
    op.add_column(
        'positions',
        sa.Column('owners', postgresql.JSONB(astext_type=sa.Text()), server_default='{}', nullable=False),
    )
    op.add_column(
        'positions',
        sa.Column('titles', postgresql.JSONB(astext_type=sa.Text()), server_default='{}', nullable=False),
    )
    op.add_column('talent_matches', sa.Column('announced_version', sa.Integer(), nullable=True))
    op.create_index(
        'ix_talent_profiles_odd_years',
        'talent_profiles',
        ['id'],
        unique=False,
        postgresql_where=sa.text(f"NOT {YEARS_PRINTABLE}"),
    )


def downgrade() -> None:
    op.drop_index('ix_talent_profiles_odd_years', table_name='talent_profiles')
    op.drop_column('talent_matches', 'announced_version')
    op.drop_column('positions', 'titles')
    op.drop_column('positions', 'owners')
