"""Dependencies shared by the org-service routers: roles and If-Match."""

from typing import Annotated

from fastapi import Depends, Header

from talentloop_shared.auth import Principal, require_roles

# hr_admin writes; integration imports and reads; recruiter and interviewer read.
Reader = Annotated[
    Principal, Depends(require_roles("hr_admin", "recruiter", "interviewer", "integration"))
]
Writer = Annotated[Principal, Depends(require_roles("hr_admin"))]
Importer = Annotated[Principal, Depends(require_roles("hr_admin", "integration"))]


def expected_versions(
    if_match: Annotated[
        str | None,
        Header(
            alias="If-Match",
            description='The ETag from GET (e.g. "3"). Optional: without it the change applies '
            "to the current version (last write wins); with a stale one → 412.",
        ),
    ] = None,
) -> set[int] | None:
    """The versions If-Match accepts; None when absent or `*` (any current version)."""
    if if_match is None or if_match.strip() == "*":
        return None
    versions: set[int] = set()
    for part in if_match.split(","):
        # W/ is accepted too: proxies that compress (nginx gzip) weaken strong ETags on the way
        # to the client, and the version behind the tag is the same either way.
        tag = part.strip().removeprefix("W/").strip().strip('"')
        if tag.isdigit():
            versions.add(int(tag))
    return versions  # empty: nothing can match → 412


IfMatch = Annotated[set[int] | None, Depends(expected_versions)]
