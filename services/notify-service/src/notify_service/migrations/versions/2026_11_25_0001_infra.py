"""Outbox, inbox and idempotency tables.

Revision ID: notify_0001
Revises:
Create Date: 2026-11-25
"""

from talentloop_shared.db.migrations import create_infra_tables, drop_infra_tables

revision = "notify_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_infra_tables()


def downgrade() -> None:
    drop_infra_tables()
