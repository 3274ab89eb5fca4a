"""SMS the way mainland providers take it: an approved signature (签名), a template code
and its parameters, never free text.

- Alibaba Cloud SMS (Dysmsapi `SendSms`, version 2017-05-25), RPC style, signature v1:
  the parameters are sorted, each name and value percent-encoded (RFC 3986), joined as a
  query, and `Signature` = base64(HMAC-SHA1(key=AccessKeySecret + "&",
  msg="POST&%2F&" + percentEncode(query))). Answer {"Code": "OK", "BizId": …}.
- Tencent Cloud SMS (`SendSms`, version 2021-01-11), TC3-HMAC-SHA256: a canonical
  request (method, path, query, the signed headers content-type and host, the SHA-256 of
  the JSON body) is hashed into the string to sign, signed with a key derived from
  "TC3" + SecretKey, the date, the service ("sms") and "tc3_request". Answer
  {"Response": {"SendStatusSet": [{"Code": "Ok", "SerialNo": …}]}} or {"Response":
  {"Error": {"Code", "Message"}}}.

Which template: `NOTIFY_SMS_TEMPLATES` maps a notice kind to the provider's template code
and names its parameters; their values come from the notice's `params` (name, position,
survey link). The retry rules are the generic adapter's: no answer after the request went
out is `unknown` (never retried on our own: it may have been sent), a connection that
never opened, a 5xx or throttling is retried, other refusals are permanent.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import urllib.parse
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import httpx

from notify_service.config import Settings, SmsTemplate
from notify_service.service.delivery import (
    DeliveryResult,
    SmsGateway,
    SmsMessage,
    post_to_provider,
)

ALIYUN_ENDPOINT = "https://dysmsapi.aliyuncs.com/"
TENCENT_ENDPOINT = "https://sms.tencentcloudapi.com/"


def percent_encode(value: str) -> str:
    """Alibaba Cloud's POP percent-encoding (RFC 3986: space %20, * %2A, ~ kept)."""
    return urllib.parse.quote(value, safe="~")


def aliyun_signature(params: Mapping[str, str], secret: str, method: str = "POST") -> str:
    """The RPC signature v1 (HMAC-SHA1) of `params` (without `Signature`)."""
    query = "&".join(f"{percent_encode(k)}={percent_encode(v)}" for k, v in sorted(params.items()))
    to_sign = f"{method}&{percent_encode('/')}&{percent_encode(query)}"
    mac = hmac.new(f"{secret}&".encode(), to_sign.encode(), hashlib.sha1)
    return base64.b64encode(mac.digest()).decode()


def tencent_authorization(
    *,
    secret_id: str,
    secret_key: str,
    host: str,
    body: bytes,
    timestamp: int,
    service: str = "sms",
    content_type: str = "application/json; charset=utf-8",
) -> str:
    """The TC3-HMAC-SHA256 `Authorization` header of a POST to `/`."""
    date = datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d")
    canonical = "\n".join(
        [
            "POST",
            "/",
            "",
            f"content-type:{content_type}\nhost:{host}\n",
            "content-type;host",
            hashlib.sha256(body).hexdigest(),
        ]
    )
    scope = f"{date}/{service}/tc3_request"
    to_sign = "\n".join(
        ["TC3-HMAC-SHA256", str(timestamp), scope, hashlib.sha256(canonical.encode()).hexdigest()]
    )

    def mac(key: bytes, msg: str) -> bytes:
        return hmac.new(key, msg.encode(), hashlib.sha256).digest()

    key = mac(mac(mac(f"TC3{secret_key}".encode(), date), service), "tc3_request")
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    return (
        f"TC3-HMAC-SHA256 Credential={secret_id}/{scope}, "
        f"SignedHeaders=content-type;host, Signature={signature}"
    )


def template_values(
    template: SmsTemplate, params: Mapping[str, Any] | None
) -> tuple[list[tuple[str, str]], str | None]:
    """The template's (provider name, value) pairs in order, or what is missing."""
    params = params or {}
    values = []
    for name, field in template.params.items():
        value = params.get(field)
        if value is None or str(value) == "":
            return [], f"no value for template parameter {name!r} ({field})"
        values.append((name, str(value)))
    return values, None


class _TemplateGateway(SmsGateway):
    """What both providers share: `deliver` (the template lookup; each provider's `_send` makes
    the request) and the HTTP error rules."""

    provider = ""

    def __init__(self, settings: Settings, client: httpx.AsyncClient | None = None) -> None:
        self.s = settings
        self.client = client or httpx.AsyncClient(timeout=settings.sms_timeout_seconds)

    async def deliver(self, message: SmsMessage) -> DeliveryResult:
        """Send one templated SMS; `text` is never sent (providers take templates only)."""
        kind = message.kind
        template = self.s.sms_templates.get(kind or "")
        if template is None:
            return DeliveryResult(
                False,
                f"no {self.provider} SMS template for {kind} notices: set NOTIFY_SMS_TEMPLATES",
                permanent=True,
            )
        values, missing = template_values(template, message.params)
        if missing:
            return DeliveryResult(False, missing, permanent=True)
        return await self._send(message.to, message.reference, template, values)

    async def _send(
        self, to: str, reference: str, template: SmsTemplate, values: list[tuple[str, str]]
    ) -> DeliveryResult:
        """The provider's own request and answer."""
        raise NotImplementedError

    async def _post(self, url: str, **kwargs: Any) -> httpx.Response | DeliveryResult:
        return await post_to_provider(self.client, f"{self.provider} SMS", url, **kwargs)


def _aliyun_phone(to: str) -> str:
    to = to.strip().replace(" ", "")
    if to.startswith("+86"):
        return to[3:]
    return to.lstrip("+")


class AliyunSms(_TemplateGateway):
    """Alibaba Cloud SMS (Dysmsapi SendSms) over its documented RPC API."""

    provider = "aliyun"

    async def _send(
        self, to: str, reference: str, template: SmsTemplate, values: list[tuple[str, str]]
    ) -> DeliveryResult:
        query = {
            "AccessKeyId": self.s.sms_access_key_id or "",
            "Action": "SendSms",
            "Format": "JSON",
            "OutId": reference,
            "PhoneNumbers": _aliyun_phone(to),
            "RegionId": self.s.sms_region or "cn-hangzhou",
            "SignName": self.s.sms_sign_name or "",
            "SignatureMethod": "HMAC-SHA1",
            "SignatureNonce": uuid.uuid4().hex,
            "SignatureVersion": "1.0",
            "TemplateCode": template.code,
            "TemplateParam": json.dumps(dict(values), ensure_ascii=False, separators=(",", ":")),
            "Timestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "Version": "2017-05-25",
        }
        query["Signature"] = aliyun_signature(query, self.s.sms_access_key_secret or "")
        body = "&".join(f"{percent_encode(k)}={percent_encode(v)}" for k, v in query.items())
        response = await self._post(
            self.s.sms_endpoint or ALIYUN_ENDPOINT,
            content=body.encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        if isinstance(response, DeliveryResult):
            return response
        try:
            data = response.json()
        except ValueError:
            data = {}
        code = str(data.get("Code") or "")
        if response.is_success and code == "OK":
            return DeliveryResult(True, reference=str(data.get("BizId") or "") or None)
        transient = (
            response.status_code >= 500
            or response.status_code == 429
            or code in {"isv.BUSINESS_LIMIT_CONTROL", "Throttling", "ServiceUnavailable"}
            or code.startswith("Throttling")
        )
        error = f"aliyun SMS refused: {response.status_code} {code} {data.get('Message', '')}"
        return DeliveryResult(
            False,
            error.replace(query["PhoneNumbers"], "<recipient>")[:500],
            permanent=not transient,
        )


class TencentSms(_TemplateGateway):
    """Tencent Cloud SMS (SendSms 2021-01-11) over its documented API 3.0."""

    provider = "tencent"

    async def _send(
        self, to: str, reference: str, template: SmsTemplate, values: list[tuple[str, str]]
    ) -> DeliveryResult:
        url = self.s.sms_endpoint or TENCENT_ENDPOINT
        host = urllib.parse.urlsplit(url).netloc
        phone = to.strip().replace(" ", "")
        body = json.dumps(
            {
                "PhoneNumberSet": [phone if phone.startswith("+") else f"+86{phone}"],
                "SmsSdkAppId": self.s.sms_app_id or "",
                "SignName": self.s.sms_sign_name or "",
                "TemplateId": template.code,
                "TemplateParamSet": [value for _, value in values],
                "SessionContext": reference,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode()
        timestamp = int(datetime.now(UTC).timestamp())
        content_type = "application/json; charset=utf-8"
        headers = {
            "Authorization": tencent_authorization(
                secret_id=self.s.sms_access_key_id or "",
                secret_key=self.s.sms_access_key_secret or "",
                host=host,
                body=body,
                timestamp=timestamp,
                content_type=content_type,
            ),
            "Content-Type": content_type,
            "Host": host,
            "X-TC-Action": "SendSms",
            "X-TC-Timestamp": str(timestamp),
            "X-TC-Version": "2021-01-11",
            "X-TC-Region": self.s.sms_region or "ap-guangzhou",
        }
        response = await self._post(url, content=body, headers=headers)
        if isinstance(response, DeliveryResult):
            return response
        if response.status_code >= 500 or response.status_code == 429:
            return DeliveryResult(False, f"tencent SMS answered {response.status_code}")
        try:
            data = response.json().get("Response") or {}
        except (ValueError, AttributeError):
            data = {}
        error = data.get("Error")
        if error:
            code = str(error.get("Code") or "")
            transient = code.startswith(("RequestLimitExceeded", "InternalError"))
            return DeliveryResult(
                False,
                f"tencent SMS refused: {code} {error.get('Message', '')}"[:500],
                permanent=not transient,
            )
        statuses = data.get("SendStatusSet") or []
        status = statuses[0] if statuses else {}
        code = str(status.get("Code") or "")
        if code == "Ok":
            return DeliveryResult(True, reference=str(status.get("SerialNo") or "") or None)
        return DeliveryResult(
            False,
            f"tencent SMS refused: {response.status_code} {code} {status.get('Message', '')}"[:500],
            permanent=not code.startswith("LimitExceeded.PhoneNumberThirtySecond"),
        )


def provider_gateway(settings: Settings) -> SmsGateway:
    """The adapter of a template-only provider (NOTIFY_SMS_PROVIDER=aliyun|tencent)."""
    return AliyunSms(settings) if settings.sms_provider == "aliyun" else TencentSms(settings)
