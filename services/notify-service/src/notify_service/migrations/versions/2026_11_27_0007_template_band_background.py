"""Templates keyed also by band (close/far miss) and candidate background (issue 14).

Existing templates get "*" for both, so selection picks them exactly as before.

Revision ID: notify_0007
Revises: notify_0003
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "notify_0007"
down_revision: str | None = "notify_0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD_KEY = ["kind", "job_family", "stage", "locale", "channel"]
_NEW_KEY = ["kind", "job_family", "stage", "band", "background", "locale", "channel"]


def upgrade() -> None:
    op.add_column(
        "templates", sa.Column("band", sa.String(length=20), server_default="*", nullable=False)
    )
    op.add_column(
        "templates",
        sa.Column("background", sa.String(length=20), server_default="*", nullable=False),
    )
    op.drop_constraint("uq_templates_key", "templates", type_="unique")
    op.create_unique_constraint("uq_templates_key", "templates", _NEW_KEY)


def downgrade() -> None:
    # Band- and background-specific templates have no place in the old key.
    op.execute("DELETE FROM templates WHERE band <> '*' OR background <> '*'")
    op.drop_constraint("uq_templates_key", "templates", type_="unique")
    op.create_unique_constraint("uq_templates_key", "templates", _OLD_KEY)
    op.drop_column("templates", "background")
    op.drop_column("templates", "band")
