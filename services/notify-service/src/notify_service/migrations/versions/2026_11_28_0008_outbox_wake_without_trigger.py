"""The outbox loses its NOTIFY trigger: commits wake the relay themselves (see
talentloop_shared.db.migrations.drop_outbox_trigger)."""

# What Alembic calls: upgrade() drops the trigger, downgrade() puts it back.
from talentloop_shared.db.migrations import drop_outbox_trigger as upgrade
from talentloop_shared.db.migrations import restore_outbox_trigger as downgrade

revision = "notify_0008"
down_revision = "notify_0007"
