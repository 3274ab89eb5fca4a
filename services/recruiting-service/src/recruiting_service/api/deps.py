"""Who may do what: role dependencies of the recruiting API."""

from typing import Annotated

from fastapi import Depends

from talentloop_shared.auth import Principal, require_roles

# recruiter/hr_admin manage; integration imports and reads; interviewers score their own.
Manager = Annotated[Principal, Depends(require_roles("recruiter", "hr_admin"))]
Reader = Annotated[Principal, Depends(require_roles("recruiter", "hr_admin", "integration"))]
Importer = Annotated[Principal, Depends(require_roles("recruiter", "hr_admin", "integration"))]
HrAdmin = Annotated[Principal, Depends(require_roles("hr_admin"))]
Scorer = Annotated[Principal, Depends(require_roles("interviewer", "hr_admin"))]
AnyRole = Annotated[
    Principal, Depends(require_roles("recruiter", "hr_admin", "integration", "interviewer"))
]
