"""Candidates by an integration's id: a nullable, unique `candidates.external_id`.

Revision ID: recruiting_0009
Revises: recruiting_0004
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "recruiting_0009"
down_revision: str | None = "recruiting_0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable, no default: nothing is rewritten; existing candidates have no external id.
    op.add_column("candidates", sa.Column("external_id", sa.String(200), nullable=True))
    op.create_unique_constraint("uq_candidates_external_id", "candidates", ["external_id"])


def downgrade() -> None:
    op.drop_constraint("uq_candidates_external_id", "candidates", type_="unique")
    op.drop_column("candidates", "external_id")
