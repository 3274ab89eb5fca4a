"""Scorecards received: which panel members have scored an interview, so notify stops
reminding them to (and plans no such reminder again when the interview moves)."""

import sqlalchemy as sa
from alembic import op

revision = "notify_0010"
down_revision = "notify_0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scorecards_received",
        sa.Column("interview_id", sa.String(length=100), nullable=False),
        sa.Column("member", sa.String(length=200), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("interview_id", "member", name=op.f("pk_scorecards_received")),
    )


def downgrade() -> None:
    op.drop_table("scorecards_received")
