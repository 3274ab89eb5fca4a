"""HR's alert address in the notice settings: HR sets where the alerts for HR go (the
re-contact digest, templates to review, alerts about a position with no owner to tell)
and in which language and time zone; unset, the deployment's NOTIFY_HR_ALERT_* apply."""

import sqlalchemy as sa
from alembic import op

revision = "notify_0012"
down_revision = "notify_0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("notice_settings", sa.Column("hr_alert_email", sa.String(320), nullable=True))
    op.add_column("notice_settings", sa.Column("hr_alert_locale", sa.String(20), nullable=True))
    op.add_column("notice_settings", sa.Column("hr_alert_timezone", sa.String(64), nullable=True))


def downgrade() -> None:
    op.drop_column("notice_settings", "hr_alert_timezone")
    op.drop_column("notice_settings", "hr_alert_locale")
    op.drop_column("notice_settings", "hr_alert_email")
