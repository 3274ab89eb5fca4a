"""org-service tables."""

from __future__ import annotations

from talentloop_shared.db import make_base

Base = make_base()
