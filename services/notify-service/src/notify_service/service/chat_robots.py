"""The registry of team-chat robots (`/api/v1/chat-robots`, hr_admin).

notify does not own org units or positions, so it keeps which robot speaks for which
(position id, org unit id, or the default for everything else). Webhook URLs carry their
own credential (WeCom's `key`, DingTalk's `access_token`) and DingTalk and Feishu robots
have a signing secret: both are stored for sending and never returned.
"""

from __future__ import annotations

import urllib.parse
import uuid
from typing import Literal

from pydantic import BaseModel, Field, model_validator
from sqlalchemy import select

from notify_service.config import Settings
from notify_service.db.alert_models import ChatRobot, PositionUnit
from notify_service.service.robot_delivery import RobotProvider
from notify_service.service.state import notify_state
from notify_service.service.targets import check_target
from talentloop_shared.db import KeysetOrder, UnitOfWork
from talentloop_shared.errors import FieldInvalid, found
from talentloop_shared.events.payloads import PositionChanged
from talentloop_shared.i18n import LocaleTag, TimeZoneName
from talentloop_shared.pagination import Page

RobotScope = Literal["position", "org_unit", "default"]
ROBOTS = KeysetOrder(ChatRobot.created_at, ChatRobot.id, descending=True)


class ChatRobotInput(BaseModel):
    """A robot as HR registers it (PUT replaces everything but the credentials left out)."""

    name: str = Field(min_length=1, max_length=200)
    scope: RobotScope
    scope_id: str | None = Field(default=None, min_length=1, max_length=100)
    provider: RobotProvider
    webhook_url: str | None = Field(default=None, max_length=2000)
    secret: str | None = Field(default=None, min_length=1, max_length=500)
    locale: LocaleTag = "zh-CN"
    timezone: TimeZoneName = "Asia/Shanghai"
    enabled: bool = True

    @model_validator(mode="after")
    def _scope_id(self) -> ChatRobotInput:
        if self.scope == "default" and self.scope_id is not None:
            raise ValueError("scope_id must be left out for the default scope")
        if self.scope != "default" and self.scope_id is None:
            raise ValueError(f"scope_id (the {self.scope} id) is required for scope {self.scope}")
        return self


async def _check_url(url: str, settings: Settings) -> str:
    # The webhook targets' rules (https outside dev/test; no loopback, private, link-local
    # or metadata address, the name resolved and every address checked): a robot's URL is
    # HR's to set, and the service posts to it from inside the network.
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FieldInvalid(("body", "webhook_url"), "not an http(s) URL")
    await check_target(url, settings, field=("body", "webhook_url"))
    return url


async def _apply(uow: UnitOfWork, row: ChatRobot, data: ChatRobotInput, *, by: str) -> None:
    state = notify_state(uow)
    if data.webhook_url is not None:
        url = await _check_url(data.webhook_url, state.settings)
        row.webhook_url = state.vault.seal(url)
        row.webhook_host = urllib.parse.urlsplit(url).hostname or ""
    if data.secret is not None:
        row.secret = state.vault.seal(data.secret)
    if data.provider in ("dingtalk", "feishu") and not row.secret:
        raise FieldInvalid(
            ("body", "secret"), f"a {data.provider} robot needs its signing secret (加签密钥)"
        )
    row.name, row.scope, row.scope_id = data.name, data.scope, data.scope_id
    row.provider, row.locale, row.timezone = data.provider, data.locale, data.timezone
    row.enabled = data.enabled
    row.updated_by = by
    row.updated_at = uow.clock.now()


async def create_robot(uow: UnitOfWork, data: ChatRobotInput, *, by: str) -> ChatRobot:
    """Register a robot; commits."""
    if data.webhook_url is None:
        raise FieldInvalid(("body", "webhook_url"), "the robot's webhook URL is required")
    row = ChatRobot(id=uuid.uuid4(), created_at=uow.clock.now(), secret=None)
    await _apply(uow, row, data, by=by)
    uow.session.add(row)
    await uow.commit()
    return row


async def get_robot(uow: UnitOfWork, robot_id: uuid.UUID, *, for_update: bool = False) -> ChatRobot:
    """One robot, or 404."""
    row = await uow.session.get(ChatRobot, robot_id, with_for_update=for_update)
    return found(row, "chat robot", robot_id)


async def replace_robot(
    uow: UnitOfWork, robot_id: uuid.UUID, data: ChatRobotInput, *, by: str
) -> ChatRobot:
    """Replace a robot's settings; a URL or secret left out keeps the stored one. Commits."""
    row = await get_robot(uow, robot_id, for_update=True)
    await _apply(uow, row, data, by=by)
    await uow.commit()
    return row


async def delete_robot(uow: UnitOfWork, robot_id: uuid.UUID) -> None:
    """Remove a robot (its unsent alerts then fail: nobody to post them to). Commits."""
    row = await get_robot(uow, robot_id, for_update=True)
    await uow.session.delete(row)
    await uow.commit()


async def list_robots(
    uow: UnitOfWork, *, scope: RobotScope | None, limit: int, cursor: str | None
) -> Page[ChatRobot]:
    """Robots, newest first."""
    stmt = select(ChatRobot)
    if scope:
        stmt = stmt.where(ChatRobot.scope == scope)
    return await ROBOTS.page(uow.session, stmt, cursor=cursor, limit=limit)


async def record_position_unit(uow: UnitOfWork, payload: PositionChanged) -> None:
    """Remember which org unit a position is in (newest version wins), so the org unit's
    robot hears about it."""
    position = payload.position
    row = await uow.session.get(PositionUnit, position.id, with_for_update=True)
    if row is None:
        uow.session.add(
            PositionUnit(
                position_id=position.id, org_unit_id=position.org_unit.id, version=position.version
            )
        )
    elif position.version >= row.version:
        row.org_unit_id, row.version = position.org_unit.id, position.version
        row.updated_at = uow.clock.now()
    await uow.flush()
