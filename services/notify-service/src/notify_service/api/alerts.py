"""Staff alerts: each person's switches (`/api/v1/alert-preferences`) and the team-chat
robot registry (`/api/v1/chat-robots`, hr_admin)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import Query
from pydantic import BaseModel, Field

from notify_service.db.alert_models import AlertPreference, ChatRobot
from notify_service.domain.alerts import PersonalAlertKind
from notify_service.service import alert_preferences as prefs
from notify_service.service import chat_robots
from notify_service.service.chat_robots import ChatRobotInput, RobotScope
from talentloop_shared.auth.roles import AnyRole, HrAdmin
from talentloop_shared.http import problem_responses
from talentloop_shared.http.routes import Resource
from talentloop_shared.models import from_attributes
from talentloop_shared.service import UowDep, api_router

preferences_router = api_router(prefix="/api/v1/alert-preferences", tags=["alerts"])
robots_router = api_router(prefix="/api/v1/chat-robots", tags=["alerts"])

SubjectQuery = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=200,
        description="Whose preferences (a JWT subject); only hr_admin may name someone else. "
        "Default: the caller's.",
    ),
]


class AlertPreferencesRead(BaseModel):
    """A person's alert switches: every alert kind × channel, true = on."""

    subject: str
    preferences: dict[str, dict[str, bool]]
    updated_at: datetime | None = None
    updated_by: str | None = None

    @classmethod
    def of(cls, subject: str, row: AlertPreference | None) -> AlertPreferencesRead:
        return cls(
            subject=subject,
            preferences=prefs.full_matrix(row.preferences if row else None),
            updated_at=row.updated_at if row else None,
            updated_by=row.updated_by if row else None,
        )


class AlertPreferencesUpdate(BaseModel):
    """The switches to keep; a kind or channel left out is on. Only the alerts addressed
    to a person are theirs to switch (those to HR's alert address are not listed)."""

    preferences: dict[PersonalAlertKind, dict[Annotated[str, Field(pattern="^email$")], bool]]


@preferences_router.get(
    "",
    summary="Read someone's alert preferences (one's own by default)",
    response_model=AlertPreferencesRead,
    responses=problem_responses(401, 403, 422),
)
async def get_alert_preferences(
    uow: UowDep, principal: AnyRole, subject: SubjectQuery = None
) -> AlertPreferencesRead:
    whose = prefs.whose(principal, subject)
    return AlertPreferencesRead.of(whose, await prefs.get_preferences(uow, whose))


@preferences_router.put(
    "",
    summary="Replace someone's alert preferences (one's own by default)",
    response_model=AlertPreferencesRead,
    responses=problem_responses(401, 403, 422),
)
async def put_alert_preferences(
    body: AlertPreferencesUpdate, uow: UowDep, principal: AnyRole, subject: SubjectQuery = None
) -> AlertPreferencesRead:
    whose = prefs.whose(principal, subject)
    values = {str(kind): dict(channels) for kind, channels in body.preferences.items()}
    row = await prefs.replace_preferences(uow, whose, values, by=principal.sub)
    return AlertPreferencesRead.of(whose, row)


class ChatRobotRead(BaseModel):
    """A registered robot. The webhook's credentials (its query) and the signing secret
    are never shown: `webhook_host` and `has_secret` say what is set."""

    id: uuid.UUID
    name: str
    scope: RobotScope
    scope_id: str | None
    provider: str
    webhook_host: str
    has_secret: bool
    locale: str
    timezone: str
    enabled: bool
    created_at: datetime
    updated_at: datetime
    updated_by: str

    @classmethod
    def from_row(cls, row: ChatRobot) -> ChatRobotRead:
        return from_attributes(cls, row, has_secret=bool(row.secret))


robots = Resource(
    robots_router, ChatRobotRead.from_row, readers=HrAdmin, writers=HrAdmin, item="/{robot_id}"
)


class RobotFilters(BaseModel):
    """Which chat robots to list."""

    scope: RobotScope | None = None


robots.create(
    chat_robots.create_robot,
    ChatRobotInput,
    name="create_chat_robot",
    summary="Register a team-chat robot (WeCom, DingTalk, Feishu) for a position, an org "
    "unit or by default",
)
robots.page(
    chat_robots.list_robots, RobotFilters, name="list_chat_robots", summary="List team-chat robots"
)
robots.get(chat_robots.get_robot, name="get_chat_robot", summary="Read a team-chat robot")
robots.replace(
    chat_robots.replace_robot,
    ChatRobotInput,
    name="put_chat_robot",
    summary="Replace a team-chat robot (a webhook URL or secret left out is kept)",
    errors=(404,),
)
robots.delete(
    chat_robots.delete_robot, name="delete_chat_robot", summary="Remove a team-chat robot"
)
