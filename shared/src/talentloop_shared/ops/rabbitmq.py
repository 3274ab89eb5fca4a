"""RabbitMQ definitions for a deployment: one user per service, allowed to publish only the
event types it owns (topic permissions), an administrator, the parking-queue TTL and the
quorum defaults as policies.

`talentloop rabbitmq definitions` prints the template that `deploy/rabbitmq/definitions.json`
holds (a test keeps them equal). Passwords are `${VAR}` placeholders: `deploy/rabbitmq/
render.sh` fills them in from the environment where RabbitMQ starts (compose's rabbitmq
container, the Kubernetes RabbitmqCluster's init container), so no secret is committed.

What a service user may do, by RabbitMQ permission (regular expressions over names):
- configure: declare the shared exchanges and the unrouted queue, and its own
  `<service>.events*` queues and exchange;
- write: publish on `talentloop.events` (restricted by the topic permission to its own
  routing keys) and on its own `<service>.events.local` (retries, parking); bind its queues.
  Not the default exchange, which would reach every queue;
- read: consume its own queues; bind to the shared exchanges.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Sequence
from typing import Any

from talentloop_shared.messaging.topology import Topology

VHOST = "talentloop"
ADMIN_USER = "talentloop-admin"
ADMIN_PASSWORD_VAR = "TALENTLOOP_RABBITMQ_ADMIN_PASSWORD"
PARKING_TTL_VAR = "TALENTLOOP_PARKING_TTL_MS"
PARKING_TTL_DAYS = 14
DELIVERY_LIMIT = 20


def password_var(service: str) -> str:
    """`org-service` → `TALENTLOOP_AMQP_ORG_PASSWORD`."""
    return f"TALENTLOOP_AMQP_{service.removesuffix('-service').upper()}_PASSWORD"


def service_events(module: str) -> tuple[list[str], list[str]]:
    """(published, consumed) event types of a service package, from its code."""
    importlib.import_module(f"{module}.main")  # the app first: it imports in a safe order
    events = importlib.import_module(f"{module}.events")
    return list(events.PUBLISHES), sorted(events.SUBSCRIPTIONS)


def _alternatives(names: Sequence[str]) -> str:
    return "|".join(re.escape(n) for n in names)


def definitions(
    services: Sequence[tuple[str, Sequence[str]]] | None = None,
    *,
    vhost: str = VHOST,
    namespace: str = "",
) -> dict[str, Any]:
    """The definitions template; `services` is (name, published types), default: the four."""
    if services is None:
        from talentloop_shared.devtools.suite import SERVICES

        services = [(s.name, service_events(s.module)[0]) for s in SERVICES]
    shared = Topology(service="-", namespace=namespace)
    shared_names = [shared.exchange, shared.unrouted_exchange, shared.dead_letter_exchange]
    users: list[dict[str, Any]] = [
        {
            "name": ADMIN_USER,
            "password": f"${{{ADMIN_PASSWORD_VAR}}}",
            "tags": ["administrator"],
        }
    ]
    permissions: list[dict[str, Any]] = [
        {"user": ADMIN_USER, "vhost": vhost, "configure": ".*", "write": ".*", "read": ".*"}
    ]
    topic_permissions: list[dict[str, Any]] = []
    for name, publishes in services:
        own = re.escape(Topology(service=name, namespace=namespace).queue) + r"(\..+)?"
        users.append({"name": name, "password": f"${{{password_var(name)}}}", "tags": []})
        permissions.append(
            {
                "user": name,
                "vhost": vhost,
                "configure": f"^({_alternatives(shared_names)}|{own})$",
                # talentloop.unrouted: binding the unrouted queue (declared by everyone)
                # needs write on that queue; the fanout exchange of that name only parks.
                "write": f"^({_alternatives([shared.exchange, shared.unrouted_queue])}|{own})$",
                "read": f"^({_alternatives(shared_names)}|{own})$",
            }
        )
        topic_permissions.append(
            {
                "user": name,
                "vhost": vhost,
                "exchange": shared.exchange,
                "write": f"^({_alternatives(sorted(publishes))})$" if publishes else "^$",
                "read": ".*",
            }
        )
    parking = f"^({re.escape(shared.unrouted_queue)}|{re.escape(namespace)}.+\\.events\\.dlq)$"
    consumer_queues = f"^{re.escape(namespace)}.+\\.events$"
    return {
        "rabbit_version": "3.10.0",
        "users": users,
        "vhosts": [{"name": vhost, "metadata": {"default_queue_type": "quorum"}}],
        "permissions": permissions,
        "topic_permissions": topic_permissions,
        "policies": [
            {
                # Erasure reaches the broker: parked messages (which may name a person)
                # are dropped after the TTL (TALENTLOOP_PARKING_TTL_DAYS, 14 by default).
                "vhost": vhost,
                "name": "talentloop-parking-ttl",
                "pattern": parking,
                "apply-to": "queues",
                "priority": 10,
                "definition": {"message-ttl": f"${{{PARKING_TTL_VAR}}}"},
            },
            {
                # The services declare these arguments themselves; the policy holds them
                # for any consumer queue declared without (RabbitMQ 3.10 has no default
                # delivery limit).
                "vhost": vhost,
                "name": "talentloop-quorum-defaults",
                "pattern": consumer_queues,
                "apply-to": "queues",
                "priority": 10,
                "definition": {
                    "delivery-limit": DELIVERY_LIMIT,
                    "dead-letter-strategy": "at-least-once",
                    "overflow": "reject-publish",
                },
            },
        ],
        "parameters": [],
        "global_parameters": [],
        "queues": [],
        "exchanges": [],
        "bindings": [],
    }


def render_template(template: str, env: dict[str, str]) -> dict[str, Any]:
    """What `render.sh` does, in Python (for tests): placeholders → values."""
    days = float(env.get("TALENTLOOP_PARKING_TTL_DAYS", PARKING_TTL_DAYS))
    text = template.replace(f'"${{{PARKING_TTL_VAR}}}"', str(int(days * 86_400_000)))
    for var in re.findall(r"\$\{([A-Z0-9_]+)\}", text):
        text = text.replace(f"${{{var}}}", env[var])
    rendered: dict[str, Any] = json.loads(text)
    return rendered


def template_text() -> str:
    """The file `deploy/rabbitmq/definitions.json` holds."""
    return json.dumps(definitions(), indent=2, ensure_ascii=False) + "\n"
