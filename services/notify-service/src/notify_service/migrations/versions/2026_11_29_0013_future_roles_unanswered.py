"""A survey's "may we contact you about future roles?" may be left unanswered (NULL), which
is not a no. Answers stored before were a checkbox: an unticked box and a no are alike
there, so they stay false."""

import sqlalchemy as sa
from alembic import op

revision = "notify_0013"
down_revision = "notify_0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column(
        "survey_responses", "open_to_future_roles", existing_type=sa.Boolean(), nullable=True
    )


def downgrade() -> None:
    op.execute(
        "UPDATE survey_responses SET open_to_future_roles = false "
        "WHERE open_to_future_roles IS NULL"
    )
    op.alter_column(
        "survey_responses", "open_to_future_roles", existing_type=sa.Boolean(), nullable=False
    )
