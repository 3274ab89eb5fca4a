"""notify-service tables for staff alerts: who switched which alert off, the team-chat
robots, and which org unit each position is in (so an org unit's robot hears about it)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, DateTime, Index, Integer, String, Text, func
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from notify_service.db.models import Base, JsonType


class AlertPreference(Base):
    """One person's alert switches, keyed by the JWT subject they sign in with:
    {alert kind: {channel: on/off}}; what is not named is on."""

    __tablename__ = "alert_preferences"

    subject: Mapped[str] = mapped_column(String(200), primary_key=True)
    preferences: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_by: Mapped[str] = mapped_column(String(200))


class ChatRobot(Base):
    """A team-chat group robot that alerts about a position (or an org unit's positions, or
    every position when scope is `default`) are posted to. `webhook_url` and `secret` are
    credentials: sealed at rest (`NotifyState.vault`), never returned, never logged;
    `webhook_host` is what HR is shown of the URL."""

    __tablename__ = "chat_robots"
    __table_args__ = (Index("ix_chat_robots_scope", "scope", "scope_id"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(200))
    scope: Mapped[str] = mapped_column(String(20))  # position | org_unit | default
    scope_id: Mapped[str | None] = mapped_column(String(100))
    provider: Mapped[str] = mapped_column(String(20))  # wecom | dingtalk | feishu
    webhook_url: Mapped[str] = mapped_column(Text)  # sealed
    webhook_host: Mapped[str] = mapped_column(Text, server_default="")
    secret: Mapped[str | None] = mapped_column(Text)  # sealed
    locale: Mapped[str] = mapped_column(String(20))
    timezone: Mapped[str] = mapped_column(String(64))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_by: Mapped[str] = mapped_column(String(200))


class PositionUnit(Base):
    """The org unit a position is in, from org-service's position-changed (latest version)."""

    __tablename__ = "position_units"

    position_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    org_unit_id: Mapped[str] = mapped_column(String(100), index=True)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
