"""Pure tests of the event contracts and small helpers."""

from __future__ import annotations

import pytest
from cloudevents.v1.http import from_json
from pydantic import ValidationError

from talentloop_shared.events import (
    EVENT_TYPES,
    CandidateRejected,
    UnknownEventType,
    new_event,
    parse_payload,
)
from talentloop_shared.http.pagination import decode_cursor, encode_cursor
from talentloop_shared.http.problems import ProblemError
from talentloop_shared.logging import new_traceparent
from talentloop_shared.messaging.topology import Topology

REJECTED = {
    "application_id": "a1",
    "rejected_at": "2026-11-25T09:30:00Z",
    "stage": "screening",
    "decided_by": "hr-1",
    "candidate": {
        "id": "c1",
        "name": "Li Wei",
        "email": "li@example.com",
        "phone": None,
        "locale": "zh-CN",
        "timezone": "Asia/Shanghai",
        "talent_pool_consent": True,
        "skills": ["sql"],
        "years_experience": 3,
        "industries": ["healthcare"],
        "future_field": "ignored",
    },
    "position": {"id": "p1", "version": 7, "title": "Data Analyst", "job_family": "engineering"},
    "reasons": [{"code": "missing_experience", "text": "5 years of experience"}],
    "scorecard": None,
    "notify": {"send": True, "channels": ["email"], "delay_minutes": None},
}


def test_every_contract_type_is_registered() -> None:
    assert set(EVENT_TYPES) >= {
        "position-changed",
        "evaluation-submitted",
        "candidate-rejected",
        "feedback-received",
        "talent-invited",
        "candidate-erased",
    }


def test_payload_accepts_additive_fields_and_nulls_the_contract_allows() -> None:
    payload = parse_payload("candidate-rejected", REJECTED)
    assert isinstance(payload, CandidateRejected)
    assert payload.scorecard is None and payload.candidate.phone is None
    assert payload.notify.delay_minutes is None


def test_payload_rejects_what_the_contract_forbids() -> None:
    with pytest.raises(ValidationError):
        parse_payload("candidate-rejected", {**REJECTED, "stage": "lunch"})
    with pytest.raises(UnknownEventType):
        parse_payload("position-deleted", {})


def test_envelope_is_a_cloudevent_the_sdk_reads() -> None:
    payload = parse_payload("candidate-rejected", REJECTED)
    event = new_event(
        type="candidate-rejected",
        source="/recruiting-service",
        data=payload,
        subject="applications/a1",
        traceparent=new_traceparent(),
    )
    parsed = from_json(event.to_json())
    assert parsed["specversion"] == "1.0"
    assert parsed["id"] == event.id
    assert parsed["dataschema"] == "urn:talentloop:events:candidate-rejected:v1"
    assert parsed["time"].endswith("Z")
    assert parsed.data["candidate"]["locale"] == "zh-CN"


def test_versioned_type_gets_its_own_schema() -> None:
    event = new_event(type="position-changed.v2", source="/org-service", data={})
    assert event.dataschema == "urn:talentloop:events:position-changed:v2"


def test_traceparent_child_keeps_the_trace_id() -> None:
    parent = new_traceparent()
    child = new_traceparent(parent)
    assert child.split("-")[1] == parent.split("-")[1]
    assert child.split("-")[2] != parent.split("-")[2]


def test_cursor_round_trip_and_garbage_is_422() -> None:
    cursor = encode_cursor("2026-11-25T09:30:00+00:00", "id-1")
    assert decode_cursor(cursor, arity=2) == ["2026-11-25T09:30:00+00:00", "id-1"]
    with pytest.raises(ProblemError) as err:
        decode_cursor("!!not-a-cursor", arity=2)
    assert err.value.status == 422


def test_topology_names_follow_the_architecture() -> None:
    topo = Topology(service="recruiting-service", retry_delays_ms=(5_000, 60_000, 600_000))
    assert topo.exchange == "talentloop.events"
    assert topo.queue == "recruiting-service.events"
    assert topo.dlq == "recruiting-service.events.dlq"
    assert [topo.retry_queue(d) for d in topo.retry_delays_ms] == [
        "recruiting-service.events.retry.5s",
        "recruiting-service.events.retry.1m",
        "recruiting-service.events.retry.10m",
    ]
    assert Topology(service="s", namespace="t1.").exchange == "t1.talentloop.events"


def test_default_secret_refused_outside_dev() -> None:
    from talentloop_shared.config import ServiceSettings

    with pytest.raises(ValidationError, match="JWT"):
        ServiceSettings(environment="prod")
    amqp = "amqp://org:" + "p" * 32 + "@broker:5672/"  # not guest:guest (published)
    settings = ServiceSettings(environment="prod", jwt_secret="x" * 40, amqp_url=amqp)
    assert settings.environment == "prod"
