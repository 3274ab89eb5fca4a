"""External ids typed in full width (`ＡＴＳ－００１`) are stored folded (`ATS-001`), as every
external id is folded on the way in now (see
talentloop_shared.db.migrations.fold_stored_codes)."""

from talentloop_shared.db.migrations import fold_stored_codes

revision = "recruiting_0012"
down_revision = "recruiting_0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    fold_stored_codes(("candidates", "external_id"))


def downgrade() -> None:
    """Nothing to undo: the spelling as typed is not kept."""
