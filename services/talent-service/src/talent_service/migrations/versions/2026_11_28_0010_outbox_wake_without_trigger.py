"""The outbox loses its NOTIFY trigger: commits wake the relay themselves.

A NOTIFY sent inside a transaction takes a database-wide lock at commit, so every request
that published an event committed one at a time. The unit of work now wakes its own
process's relay, or sends one NOTIFY after the commit when the active relay is elsewhere
(talentloop_shared.outbox.OutboxRelay.committed).

Revision ID: talent_0010
Revises: talent_0009
Create Date: 2026-11-28
"""

from collections.abc import Sequence

from alembic import op

from talentloop_shared.db.tables import CREATE_OUTBOX_TRIGGER, DROP_OUTBOX_TRIGGER

revision: str = "talent_0010"
down_revision: str | None = "talent_0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for statement in DROP_OUTBOX_TRIGGER:
        op.execute(statement)


def downgrade() -> None:
    for statement in CREATE_OUTBOX_TRIGGER:
        op.execute(statement)
