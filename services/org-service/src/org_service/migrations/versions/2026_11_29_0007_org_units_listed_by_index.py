"""The org units' list (by name, whole or a unit's children) is read a page at a time from
an index, not sorted from the whole tree: cheap for an org of hundreds of units, not for an
ERP syncing a group of companies' tens of thousands every night. Built concurrently; the
index on `parent_id` alone goes, the new one starts with it."""

from talentloop_shared.db.migrations import create_index_online, drop_index_online

revision = "org_0007"
down_revision = "org_0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_index_online("ix_org_units_name_id", "org_units", "(name, id)")
    create_index_online("ix_org_units_parent_name_id", "org_units", "(parent_id, name, id)")
    drop_index_online("ix_org_units_parent_id")


def downgrade() -> None:
    create_index_online("ix_org_units_parent_id", "org_units", "(parent_id)")
    drop_index_online("ix_org_units_parent_name_id")
    drop_index_online("ix_org_units_name_id")
