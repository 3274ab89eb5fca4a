"""Dependencies shared by the notify-service routers."""

from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request

from notify_service.service.dispatch import clock_of
from talentloop_shared.auth import Principal, require_roles
from talentloop_shared.service import get_runtime


def now(request: Request) -> datetime:
    """The service clock's current time (injectable in tests)."""
    return clock_of(get_runtime(request))()


Now = Annotated[datetime, Depends(now)]
Reader = Annotated[Principal, Depends(require_roles("hr_admin", "recruiter", "integration"))]
Controller = Annotated[Principal, Depends(require_roles("hr_admin", "recruiter"))]
Admin = Annotated[Principal, Depends(require_roles("hr_admin"))]
