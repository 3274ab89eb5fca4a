"""Alibaba Cloud and Tencent Cloud SMS adapters against a real HTTP server on loopback
that recomputes each provider's signature (its own implementation of the documented
algorithm) and checks that only a template code and its parameters are sent."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from notify_testkit import notice_in, notices_of, publish, rejection

from notify_service.config import Settings
from notify_service.service.delivery import sms_gateway
from notify_service.service.sms_providers import AliyunSms, TencentSms
from notify_service.service.state import notify_state

KEY_ID, KEY_SECRET = "LTAI5tTestKeyId", "aliyun-or-tencent-secret"
TEMPLATES = {
    "rejection": {
        "code": "SMS_465000123",
        "params": {"name": "name", "job": "position", "link": "survey_link"},
    }
}
PARAMS = {
    "name": "王小明",
    "position": "后端工程师",
    "survey_link": "https://jobs.example.cn/survey/abc",
}
FREE_TEXT = "王小明您好，这是一段自由文本，短信服务商不会接受"


@dataclass
class Provider:
    accepted: list[dict[str, Any]] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    raw: list[bytes] = field(default_factory=list)
    stall: bool = False


def _pop_encode(value: str) -> str:
    return urllib.parse.quote(value, safe="~")


def _aliyun_check(form: dict[str, str]) -> str | None:
    signature = form.pop("Signature", "")
    canonical = "&".join(f"{_pop_encode(k)}={_pop_encode(form[k])}" for k in sorted(form))
    to_sign = "POST&%2F&" + _pop_encode(canonical)
    digest = hmac.new(f"{KEY_SECRET}&".encode(), to_sign.encode(), hashlib.sha1).digest()
    if signature != base64.b64encode(digest).decode():
        return "SignatureDoesNotMatch"
    for name, value in {
        "Action": "SendSms",
        "Version": "2017-05-25",
        "SignatureMethod": "HMAC-SHA1",
        "SignatureVersion": "1.0",
        "AccessKeyId": KEY_ID,
    }.items():
        if form.get(name) != value:
            return f"MissingOrBad.{name}"
    return None


def _tencent_check(headers: dict[str, str], body: bytes) -> str | None:
    auth = headers.get("Authorization", "")
    algorithm, _, rest = auth.partition(" ")
    fields = dict(part.strip().split("=", 1) for part in rest.split(","))
    key_id, date, service, terminator = fields["Credential"].split("/")
    timestamp = int(headers["X-TC-Timestamp"])
    if algorithm != "TC3-HMAC-SHA256" or key_id != KEY_ID or terminator != "tc3_request":
        return "AuthFailure.SecretIdNotFound"
    if date != datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d") or service != "sms":
        return "AuthFailure.InvalidAuthorization"
    if abs(time.time() - timestamp) > 300:
        return "AuthFailure.SignatureExpire"
    signed = fields["SignedHeaders"].split(";")
    canonical_headers = "".join(
        f"{h}:{headers[h].strip().lower() if h == 'content-type' else headers[h]}\n" for h in signed
    )
    canonical = "\n".join(
        [
            "POST",
            "/",
            "",
            canonical_headers,
            fields["SignedHeaders"],
            hashlib.sha256(body).hexdigest(),
        ]
    )
    scope = f"{date}/{service}/tc3_request"
    to_sign = (
        f"TC3-HMAC-SHA256\n{timestamp}\n{scope}\n" + hashlib.sha256(canonical.encode()).hexdigest()
    )
    key = f"TC3{KEY_SECRET}".encode()
    for part in (date, service, "tc3_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    if fields["Signature"] != hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest():
        return "AuthFailure.SignatureFailure"
    if headers.get("X-TC-Action") != "SendSms" or headers.get("X-TC-Version") != "2021-01-11":
        return "InvalidAction"
    return None


@pytest.fixture
def provider() -> Iterator[tuple[Provider, str]]:
    state = Provider()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers["Content-Length"]))
            state.raw.append(raw)
            if state.stall:
                time.sleep(1.5)
                return
            if self.headers.get("X-TC-Action"):
                headers = {k: v for k, v in self.headers.items()}
                headers = {
                    k if k.startswith("X-TC") or k == "Authorization" else k.lower(): v
                    for k, v in headers.items()
                }
                why = _tencent_check(headers, raw)
                body = json.loads(raw)
                if why:
                    answer = {
                        "Response": {"Error": {"Code": why, "Message": why}, "RequestId": "r"}
                    }
                else:
                    state.accepted.append(body)
                    answer = {
                        "Response": {
                            "SendStatusSet": [
                                {"SerialNo": "2433:1", "Code": "Ok", "Message": "send success"}
                            ],
                            "RequestId": "r",
                        }
                    }
                status = 200
            else:
                form = dict(urllib.parse.parse_qsl(raw.decode(), keep_blank_values=True))
                why = _aliyun_check(dict(form))
                if why:
                    answer, status = {"Code": why, "Message": why, "RequestId": "r"}, 400
                else:
                    state.accepted.append(form)
                    answer, status = {"Code": "OK", "BizId": "biz-42", "RequestId": "r"}, 200
            if why:
                state.refused.append(why)
            payload = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield state, f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def _settings(
    provider: str, url: str, *, secret: str = KEY_SECRET, timeout: float = 5.0
) -> Settings:
    return Settings.model_validate(
        {
            "sms_provider": provider,
            "sms_endpoint": url,
            "sms_access_key_id": KEY_ID,
            "sms_access_key_secret": secret,
            "sms_sign_name": "阿克米招聘",
            "sms_app_id": "1400006666",
            "sms_templates": TEMPLATES,
            "sms_timeout_seconds": timeout,
        }
    )


async def test_aliyun_request_verifies_and_carries_template_code_and_params(provider):
    state, url = provider
    gateway = sms_gateway(_settings("aliyun", url))
    assert isinstance(gateway, AliyunSms)
    result = await gateway.send(
        to="+8613800138000", text=FREE_TEXT, reference="n-1", kind="rejection", params=PARAMS
    )
    assert result.ok and result.reference == "biz-42", result.error
    [form] = state.accepted
    assert form["TemplateCode"] == "SMS_465000123"
    assert json.loads(form["TemplateParam"]) == {
        "name": "王小明",
        "job": "后端工程师",
        "link": "https://jobs.example.cn/survey/abc",
    }
    assert form["PhoneNumbers"] == "13800138000" and form["SignName"] == "阿克米招聘"
    assert FREE_TEXT not in urllib.parse.unquote(state.raw[0].decode())


async def test_tencent_request_verifies_and_carries_template_id_and_ordered_params(provider):
    state, url = provider
    gateway = sms_gateway(_settings("tencent", url))
    assert isinstance(gateway, TencentSms)
    result = await gateway.send(
        to="+8613800138000", text=FREE_TEXT, reference="n-2", kind="rejection", params=PARAMS
    )
    assert result.ok and result.reference == "2433:1", result.error
    [body] = state.accepted
    assert body["TemplateId"] == "SMS_465000123"
    assert body["TemplateParamSet"] == [
        "王小明",
        "后端工程师",
        "https://jobs.example.cn/survey/abc",
    ]
    assert body["PhoneNumberSet"] == ["+8613800138000"] and body["SmsSdkAppId"] == "1400006666"
    assert FREE_TEXT not in state.raw[0].decode()


@pytest.mark.parametrize("name", ["aliyun", "tencent"])
async def test_a_wrong_secret_fails_the_signature_check_for_good(provider, name):
    state, url = provider
    gateway = sms_gateway(_settings(name, url, secret="wrong-secret"))
    result = await gateway.send(
        to="+8613800138000", text="x", reference="n-3", kind="rejection", params=PARAMS
    )
    assert not result.ok and result.permanent and not result.unknown
    assert state.accepted == [] and "Signature" in state.refused[0]
    assert "wrong-secret" not in (result.error or "")


@pytest.mark.parametrize("name", ["aliyun", "tencent"])
async def test_a_kind_without_a_template_is_never_sent(provider, name):
    state, url = provider
    gateway = sms_gateway(_settings(name, url))
    result = await gateway.send(to="+8613800138000", text="x", reference="n-4", kind="invitation")
    assert not result.ok and result.permanent and "NOTIFY_SMS_TEMPLATES" in (result.error or "")
    missing = await gateway.send(
        to="+8613800138000", text="x", reference="n-5", kind="rejection", params={"name": "王"}
    )
    assert not missing.ok and missing.permanent and "job" in (missing.error or "")
    assert state.raw == []


@pytest.mark.parametrize("name", ["aliyun", "tencent"])
async def test_no_answer_after_the_request_went_out_is_unknown(provider, name):
    state, url = provider
    state.stall = True
    gateway = sms_gateway(_settings(name, url, timeout=0.3))
    result = await gateway.send(
        to="+8613800138000", text="x", reference="n-6", kind="rejection", params=PARAMS
    )
    assert len(state.raw) == 1
    assert not result.ok and result.unknown and not result.permanent


def test_a_provider_without_its_keys_is_refused_at_start():
    with pytest.raises(ValueError, match="NOTIFY_SMS_APP_ID"):
        Settings.model_validate(
            {
                "sms_provider": "tencent",
                "sms_access_key_id": KEY_ID,
                "sms_access_key_secret": KEY_SECRET,
                "sms_sign_name": "阿克米招聘",
            }
        )


@pytest.fixture
def aliyun_in_service(svc, provider):
    """The running service sends SMS through the Aliyun adapter at the local provider."""
    state, url = provider
    notify = notify_state(svc.runtime)
    before, notify.sms = notify.sms, sms_gateway(_settings("aliyun", url))
    yield state
    notify.sms = before


async def test_a_rejection_sms_goes_out_as_the_aliyun_template_with_its_params(
    svc, client, auth, amqp_url, aliyun_in_service
):
    payload = rejection(
        channels=["sms"],
        phone="+8613800138000",
        name="王小明",
        locale="zh-CN",
        titles={"zh-CN": "后端工程师"},
    )
    await publish(svc, amqp_url, payload)
    [notice] = await notices_of(client, auth("hr_admin"), payload.application_id)
    sent = await notice_in(client, auth("hr_admin"), notice["id"], "sent", timeout=15)
    [form] = aliyun_in_service.accepted
    assert form["TemplateCode"] == "SMS_465000123" and form["OutId"] == notice["id"]
    params = json.loads(form["TemplateParam"])
    assert params["name"] == "王小明" and params["job"] == "后端工程师"
    assert "/survey/" in params["link"]
    assert sent["status"] == "sent"
