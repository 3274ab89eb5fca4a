"""Suggestion library per locale: a `locale` column, key (code, locale), zh-CN defaults.

Revision ID: recruiting_0003
Revises: recruiting_0002
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from recruiting_service.migrations.seed import SEEDED_SUGGESTIONS, suggestions

revision: str = "recruiting_0003"
down_revision: str | None = "recruiting_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing rows (the shipped defaults and HR's edits) were written in English.
    op.add_column(
        "suggestions",
        sa.Column("locale", sa.String(length=35), server_default="en", nullable=False),
    )
    op.drop_constraint("pk_suggestions", "suggestions", type_="primary")
    op.create_primary_key("pk_suggestions", "suggestions", ["code", "locale"])
    op.bulk_insert(
        suggestions,
        [
            {"code": code, "locale": locale, "text": text, "updated_by": "system"}
            for locale, texts in SEEDED_SUGGESTIONS.items()
            if locale != "en"
            for code, text in texts.items()
        ],
    )


def downgrade() -> None:
    op.execute("DELETE FROM suggestions WHERE locale <> 'en'")
    op.drop_constraint("pk_suggestions", "suggestions", type_="primary")
    op.create_primary_key("pk_suggestions", "suggestions", ["code"])
    op.drop_column("suggestions", "locale")
