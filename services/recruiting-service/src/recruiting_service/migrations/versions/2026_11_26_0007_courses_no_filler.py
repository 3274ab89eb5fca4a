"""A copy of the course catalogue (`courses`, fed by `course-changed`); the suggestion
library loses its generic filler ('generic'), which the code no longer reads.

Revision ID: recruiting_0007
Revises: recruiting_0006
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from recruiting_service.migrations.seed import suggestions

revision: str = "recruiting_0007"
down_revision: str | None = "recruiting_0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# What 0002/0003 seeded, for the downgrade.
_GENERIC = {
    "en": "Keep building on your strengths; we would be glad to see your application for a "
    "future role.",
    "zh-CN": "请继续发挥您的优势，今后有合适的岗位，我们很期待再次看到您的申请。",
}


def upgrade() -> None:
    op.create_table(
        "courses",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("provider", sa.String(length=200), nullable=True),
        sa.Column("url", sa.String(length=1000), nullable=True),
        sa.Column("skills", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("locales", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_courses")),
    )
    # A notice with nothing specific to suggest now leaves the suggestion out (issue 14).
    op.execute("DELETE FROM suggestions WHERE code = 'generic'")


def downgrade() -> None:
    op.bulk_insert(
        suggestions,
        [
            {"code": "generic", "locale": locale, "text": text, "updated_by": "system"}
            for locale, text in _GENERIC.items()
        ],
    )
    op.drop_table("courses")
