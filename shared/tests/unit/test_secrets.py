"""Outside dev/test a service refuses short secrets and every secret the repository shows,
and its start-up errors name the setting, never the value."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from pydantic import ValidationError

from talentloop_shared.config import DEV_JWT_SECRET, ServiceSettings
from talentloop_shared.ops.secrets import KNOWN_VALUES, MIN_SECRET_BYTES

GOOD = "a" * MIN_SECRET_BYTES
AMQP = f"amqp://org-service:{GOOD}@rabbitmq:5672/talentloop"


def _prod(**values: str) -> ServiceSettings:
    return ServiceSettings(
        **{"environment": "prod", "jwt_secret": GOOD, "amqp_url": AMQP, **values}
    )


def test_a_long_unknown_secret_passes() -> None:
    assert _prod().jwt_secret == GOOD


@pytest.mark.parametrize("value", ["b" * (MIN_SECRET_BYTES - 1), "短" * 10])
def test_a_short_secret_is_refused_by_name_without_its_value(value: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _prod(jwt_secret=value)
    text = str(caught.value)
    assert "TALENTLOOP_JWT_SECRET is shorter than 32 bytes" in text
    assert value not in text


@pytest.mark.parametrize("value", sorted(KNOWN_VALUES))
def test_every_value_the_repository_shows_is_refused(value: str) -> None:
    with pytest.raises(ValidationError, match="TALENTLOOP_JWT_SECRET") as caught:
        _prod(jwt_secret=value)
    assert value not in str(caught.value).replace("TALENTLOOP", "")


def test_a_published_password_in_a_url_is_refused_without_echoing_the_url() -> None:
    url = "postgresql+asyncpg://talentloop:talentloop@db-host-7:5432/talentloop_org"
    with pytest.raises(ValidationError, match="TALENTLOOP_DATABASE_URL holds a password") as e:
        _prod(database_url=url)
    assert "db-host-7" not in str(e.value)
    with pytest.raises(ValidationError, match="TALENTLOOP_AMQP_URL"):
        _prod(amqp_url="amqp://guest:guest@rabbitmq:5672/")


def test_dev_and_test_keep_the_development_secret() -> None:
    assert ServiceSettings(environment="dev").jwt_secret == DEV_JWT_SECRET
    assert ServiceSettings(environment="test").jwt_secret == DEV_JWT_SECRET


def test_the_jwt_secret_is_not_checked_when_keys_come_from_jwks() -> None:
    settings = _prod(jwt_secret=DEV_JWT_SECRET, jwt_jwks_url="https://idp.example/jwks")
    assert settings.jwt_jwks_url


def _serve(*envs: dict[str, str]) -> list[tuple[int, str]]:
    """Start `org_service serve` once per environment, all at once (each start imports the
    whole service, seconds of CPU); each one's exit code and stderr."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "org_service", "serve"],
            env={
                "PATH": os.environ["PATH"],
                "ORG_ENVIRONMENT": "prod",
                "ORG_AMQP_URL": AMQP,
                **env,
            },
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for env in envs
    ]
    done = []
    for proc in procs:
        try:
            _, stderr = proc.communicate(timeout=60)
        finally:
            proc.kill()
        done.append((proc.returncode, stderr))
    return done


def test_the_service_command_names_the_setting_and_exits_2() -> None:
    secret = "tiny-but-secret"
    short, bad_port = _serve(
        {"ORG_JWT_SECRET": secret}, {"ORG_JWT_SECRET": GOOD, "ORG_PORT": "not-a-port"}
    )
    code, stderr = short
    assert code == 2, stderr
    assert "ORG_JWT_SECRET is shorter than 32 bytes" in stderr, stderr
    assert secret not in stderr and "Traceback" not in stderr

    code, stderr = bad_port
    assert code == 2, stderr
    assert "ORG_PORT: Input should be a valid integer" in stderr, stderr
    assert "not-a-port" not in stderr and "Traceback" not in stderr
