"""HR's feedback dashboard for a period (`sent_from`, `sent_before`) reads that period's
notices of the kind from an index, not every notice ever sent: by kind, then by when each
was sent (or decided, where it was answered but never recorded as sent). Built
concurrently: notices keep being written while it builds."""

from talentloop_shared.db.migrations import create_index_online, drop_index_online

revision = "notify_0015"
down_revision = "notify_0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_index_online(
        "ix_notifications_kind_moment", "notifications", "(kind, (coalesce(sent_at, occurred_at)))"
    )


def downgrade() -> None:
    drop_index_online("ix_notifications_kind_moment")
