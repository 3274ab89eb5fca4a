"""SMTP security settings: STARTTLS when offered by default; the old booleans still read."""

from __future__ import annotations

import pytest

from notify_service.config import Settings


@pytest.mark.parametrize(
    ("env", "security"),
    [
        ({}, "starttls-opportunistic"),
        ({"NOTIFY_SMTP_SECURITY": "starttls-required"}, "starttls-required"),
        ({"NOTIFY_SMTP_SECURITY": "tls"}, "tls"),
        ({"NOTIFY_SMTP_SECURITY": "none"}, "none"),
        # What the booleans meant before NOTIFY_SMTP_SECURITY existed:
        ({"NOTIFY_SMTP_TLS": "true"}, "tls"),
        ({"NOTIFY_SMTP_STARTTLS": "true"}, "starttls-required"),
        ({"NOTIFY_SMTP_STARTTLS": "false"}, "none"),
        ({"NOTIFY_SMTP_TLS": "false", "NOTIFY_SMTP_STARTTLS": "true"}, "starttls-required"),
        # ... unless the new setting is given.
        ({"NOTIFY_SMTP_STARTTLS": "false", "NOTIFY_SMTP_SECURITY": "tls"}, "tls"),
    ],
)
def test_smtp_security(monkeypatch, env, security):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert Settings().smtp_security == security


def test_unknown_security_is_refused(monkeypatch):
    monkeypatch.setenv("NOTIFY_SMTP_SECURITY", "ssl3")
    with pytest.raises(ValueError, match="smtp_security"):
        Settings()
