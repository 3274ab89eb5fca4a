"""The daily re-contact digest: one row a local day (once across replicas and restarts).

Revision ID: talent_0009
Revises: talent_0008
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "talent_0009"
down_revision: str | None = "talent_0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "recontact_digests",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("day", name="pk_recontact_digests"),
    )


def downgrade() -> None:
    op.drop_table("recontact_digests")
