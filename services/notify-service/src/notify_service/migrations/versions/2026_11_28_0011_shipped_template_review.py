"""Templates remember the shipped text they were last set against (`shipped_digest`), so a
release whose shipped text changed can tell HR which of their edited templates to review
(`shipped_changed`) instead of leaving HR's edits silently behind (e.g. without the
panel's scorecard link)."""

import sqlalchemy as sa
from alembic import op

revision = "notify_0011"
down_revision = "notify_0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("templates", sa.Column("shipped_digest", sa.String(length=64), nullable=True))
    op.add_column(
        "templates",
        sa.Column("shipped_changed", sa.Boolean(), server_default=sa.false(), nullable=False),
    )


def downgrade() -> None:
    op.drop_column("templates", "shipped_changed")
    op.drop_column("templates", "shipped_digest")
