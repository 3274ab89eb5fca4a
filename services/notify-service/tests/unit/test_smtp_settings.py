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


def test_where_hr_alerts_go_is_checked_at_start(monkeypatch):
    # A typo here would have surfaced as alerts failing one by one, or in UTC
    monkeypatch.setenv("NOTIFY_HR_ALERT_EMAIL", " hr@acme.example, Ops <ops@acme.example> ")
    monkeypatch.setenv("NOTIFY_HR_ALERT_TIMEZONE", "asia/shanghai")
    monkeypatch.setenv("NOTIFY_HR_ALERT_LOCALE", "zh_cn")
    settings = Settings()
    assert settings.hr_alert_email == "hr@acme.example, Ops <ops@acme.example>"
    assert (settings.hr_alert_timezone, settings.hr_alert_locale) == ("Asia/Shanghai", "zh-CN")
    for name, value, said in [
        ("NOTIFY_HR_ALERT_EMAIL", "hr@acme", "'hr@acme': not an email address"),
        ("NOTIFY_HR_ALERT_EMAIL", ", ".join(["hr@acme.example"] * 30), "a mailing list"),
        ("NOTIFY_HR_ALERT_TIMEZONE", "China Standard Time", "unknown IANA time zone"),
        ("NOTIFY_HR_ALERT_LOCALE", "Chinese", "not a locale tag"),
    ]:
        with monkeypatch.context() as env:
            env.setenv(name, value)
            with pytest.raises(ValueError, match=said):
                Settings()
    monkeypatch.setenv("NOTIFY_HR_ALERT_EMAIL", "")
    assert Settings().hr_alert_email is None
