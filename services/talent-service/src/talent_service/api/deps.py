"""Role dependencies and the deployment's pool policy for talent-service routers."""

from typing import Annotated

from fastapi import Depends

from talent_service.config import Settings
from talent_service.service.pool import PoolPolicy
from talentloop_shared.auth import Principal, require_roles
from talentloop_shared.service import RuntimeDep

# hr_admin and recruiter read and act; integration reads; interviewer has no access.
Reader = Annotated[Principal, Depends(require_roles("hr_admin", "recruiter", "integration"))]
Actor = Annotated[Principal, Depends(require_roles("hr_admin", "recruiter"))]
Admin = Annotated[Principal, Depends(require_roles("hr_admin"))]


def get_policy(rt: RuntimeDep) -> PoolPolicy:
    """The retention policy configured for this deployment."""
    settings = rt.settings
    assert isinstance(settings, Settings)
    return PoolPolicy.from_settings(settings)


PolicyDep = Annotated[PoolPolicy, Depends(get_policy)]
