"""The lists of interviews (by schedule) and of the policy's decisions (by deadline) are read
a page at a time from an index: without one, each page sorted every row of the table."""

from alembic import op

revision = "recruiting_0013"
down_revision = "recruiting_0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_interviews_scheduled", "interviews", ["scheduled_at", "id"])
    op.create_index("ix_policy_decisions_deadline", "policy_decisions", ["decides_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_policy_decisions_deadline", table_name="policy_decisions")
    op.drop_index("ix_interviews_scheduled", table_name="interviews")
