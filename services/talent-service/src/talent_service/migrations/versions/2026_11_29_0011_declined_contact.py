"""A survey "not open to future roles" is kept: the profile leaves matching, invitations
and re-contact reminders until a later "yes". The time of the latest answer orders
answers delivered out of order."""

import sqlalchemy as sa
from alembic import op

revision = "talent_0011"
down_revision = "talent_0010"


def upgrade() -> None:
    op.add_column(
        "talent_profiles",
        sa.Column("declined_contact_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.add_column(
        "talent_profiles",
        sa.Column("contact_answered_at", sa.DateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    op.drop_column("talent_profiles", "contact_answered_at")
    op.drop_column("talent_profiles", "declined_contact_at")
