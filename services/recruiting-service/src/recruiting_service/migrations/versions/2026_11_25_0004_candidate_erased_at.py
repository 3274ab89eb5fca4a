"""Candidate erasure: a nullable `candidates.erased_at`, set when `candidate-erased` arrives.

Revision ID: recruiting_0004
Revises: recruiting_0003
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "recruiting_0004"
down_revision: str | None = "recruiting_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable, no default: adding it rewrites nothing, and every existing row is not erased.
    op.add_column("candidates", sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("candidates", "erased_at")
