"""`make restore` gives a rebuilt broker its definitions back (users, permissions, queues,
policies), read from the backup through `rabbitmqctl` on standard input — the way it
works through `docker compose exec -T` and `kubectl exec -i` too."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from talentloop_shared.ops.backup import restore

pytestmark = pytest.mark.skipif(
    shutil.which("rabbitmqctl") is None, reason="needs rabbitmqctl beside the local RabbitMQ"
)


def _users() -> set[str]:
    out = subprocess.run(
        ["rabbitmqctl", "--quiet", "list_users", "--formatter", "json"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    return {u["user"] for u in json.loads(out)}


async def test_restore_imports_the_broker_definitions_of_the_backup(tmp_path: Path) -> None:
    user = f"restore-probe-{uuid.uuid4().hex[:8]}"
    (tmp_path / "manifest.json").write_text(
        json.dumps({"started_at": datetime.now(UTC).isoformat(), "databases": {}})
    )
    (tmp_path / "rabbitmq-definitions.json").write_text(
        json.dumps(
            {
                "users": [
                    {
                        "name": user,
                        "password_hash": "",
                        "hashing_algorithm": "rabbit_password_hashing_sha256",
                        "tags": [],
                    }
                ]
            }
        )
    )
    assert user not in await asyncio.to_thread(_users)
    try:
        await restore([], tmp_path, rabbitmqctl="rabbitmqctl")
        assert user in await asyncio.to_thread(_users)
    finally:
        subprocess.run(["rabbitmqctl", "--quiet", "delete_user", user], timeout=60, check=False)


async def test_without_rabbitmqctl_the_definitions_are_left_alone(tmp_path: Path) -> None:
    user = f"restore-probe-{uuid.uuid4().hex[:8]}"
    (tmp_path / "manifest.json").write_text(
        json.dumps({"started_at": datetime.now(UTC).isoformat(), "databases": {}})
    )
    (tmp_path / "rabbitmq-definitions.json").write_text(
        json.dumps({"users": [{"name": user, "password_hash": "", "tags": []}]})
    )
    await restore([], tmp_path, rabbitmqctl=None)
    assert user not in await asyncio.to_thread(_users)
