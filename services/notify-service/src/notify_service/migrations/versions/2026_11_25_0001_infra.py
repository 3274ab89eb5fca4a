"""Outbox, inbox and idempotency tables: the same in every service (talentloop_shared.db.tables).

Revision ID: notify_0001
Create Date: 2026-11-25
"""

# What Alembic calls: upgrade() creates the tables, downgrade() drops them.
from talentloop_shared.db.migrations import create_infra_tables as upgrade
from talentloop_shared.db.migrations import drop_infra_tables as downgrade

revision = "notify_0001"
down_revision = None
