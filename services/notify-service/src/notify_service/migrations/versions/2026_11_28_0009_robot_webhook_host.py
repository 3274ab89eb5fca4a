"""Chat robots keep their webhook's host apart: the URL (its token in the query or path) is
sealed at rest from now on (talentloop_shared.ops.vault), and the host is what HR is shown.
Filled, and the existing URLs and secrets sealed, by the service's first start after this
migration (it holds the key; a migration gets only the database URL).

Revision ID: notify_0009
Revises: notify_0008
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "notify_0009"
down_revision = "notify_0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "chat_robots", sa.Column("webhook_host", sa.Text(), nullable=False, server_default="")
    )


def downgrade() -> None:
    # Sealed URLs and secrets stay sealed: open them with the service's at-rest secret
    # before running an older version.
    op.drop_column("chat_robots", "webhook_host")
