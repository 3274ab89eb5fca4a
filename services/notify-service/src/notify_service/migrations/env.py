"""Alembic environment of notify-service (the shared body; this service's metadata)."""

import notify_service.db.alert_models  # noqa: F401  (its tables are in Base.metadata)
from notify_service.db import webhooks as _webhook_tables  # noqa: F401  (their metadata)
from notify_service.db.models import Base
from talentloop_shared.db import infra_metadata
from talentloop_shared.db.migrations import run_env

run_env([Base.metadata, infra_metadata])
