"""HR's vocabularies as org-service publishes them: one row a kind, the latest version.

Revision ID: talent_0008
Revises: talent_0007
Create Date: 2026-11-27
"""

# What Alembic calls (the same table in recruiting and talent).
from talentloop_shared.db.migrations import create_custom_vocabularies as upgrade
from talentloop_shared.db.migrations import drop_custom_vocabularies as downgrade

revision = "talent_0008"
down_revision = "talent_0007"
