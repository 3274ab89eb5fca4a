"""Codes typed in full width (`ＤＥＰＴ－００１`) are stored folded (`DEPT-001`), as every code
is folded on the way in now (see talentloop_shared.db.migrations.fold_stored_codes)."""

from talentloop_shared.db.migrations import fold_stored_codes

revision = "org_0006"
down_revision = "org_0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    fold_stored_codes(("org_units", "code"), ("positions", "code"), ("people", "external_code"))


def downgrade() -> None:
    """Nothing to undo: the spelling as typed is not kept."""
