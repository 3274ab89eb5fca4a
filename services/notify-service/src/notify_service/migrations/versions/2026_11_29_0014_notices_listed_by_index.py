"""HR's list of notices (newest first, whole or by status) is read from an index: without
one, every page sorted the whole table (17 ms at 6,000 notices, linear beyond, and the first
thing to saturate notify in the ten-minute soak)."""

from alembic import op

revision = "notify_0014"
down_revision = "notify_0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_notifications_created", "notifications", ["created_at", "id"])
    op.drop_index("ix_notifications_status_created", table_name="notifications")
    op.create_index(
        "ix_notifications_status_created", "notifications", ["status", "created_at", "id"]
    )


def downgrade() -> None:
    op.drop_index("ix_notifications_status_created", table_name="notifications")
    op.create_index("ix_notifications_status_created", "notifications", ["status", "created_at"])
    op.drop_index("ix_notifications_created", table_name="notifications")
