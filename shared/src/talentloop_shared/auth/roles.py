"""Who may do what: the role aliases every router uses (one set, one meaning).

The roles are the token's `roles` claim (API.md): `hr_admin`, `recruiter`, `interviewer`,
`integration`. Each alias authenticates the caller (401 first) and then checks the role
(403), before anything else about the request is looked at. `docs/authorization.md` is the
matrix of every route; a test holds the code to it.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from talentloop_shared.auth.jwt import Principal, require_roles

__all__ = ["AnyRole", "HrAdmin", "Integrator", "Reader", "Recruiter", "Scorer", "Sourcer"]

# Anyone with a valid token and any role.
AnyRole = Annotated[
    Principal, Depends(require_roles("hr_admin", "recruiter", "interviewer", "integration"))
]
# Reads lists and records: HR, recruiters and integrations (ERP/OA).
Reader = Annotated[Principal, Depends(require_roles("hr_admin", "recruiter", "integration"))]
# Acts on the hiring process: reject, invite, approve a notice.
Recruiter = Annotated[Principal, Depends(require_roles("hr_admin", "recruiter"))]
# Brings candidates and applications in: HR, recruiters and integrations.
Sourcer = Annotated[Principal, Depends(require_roles("hr_admin", "recruiter", "integration"))]
# Writes the organisation's master data: HR and the ERP sync.
Integrator = Annotated[Principal, Depends(require_roles("hr_admin", "integration"))]
# Submits scorecards: interviewers (their own) and HR.
Scorer = Annotated[Principal, Depends(require_roles("hr_admin", own=("interviewer",)))]
# Configuration and personal-data operations: HR administrators only.
HrAdmin = Annotated[Principal, Depends(require_roles("hr_admin"))]
