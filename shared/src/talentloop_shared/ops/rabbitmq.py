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

from talentloop_shared.messaging.topology import _SAFE_DEAD_LETTERING, Topology

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
    """(published, consumed) event types of a service package, from its definition (as
    docs/generate.py reads them): services build their map with `subscriptions(settings)`."""
    definition = importlib.import_module(f"{module}.main").definition()
    return list(definition.publishes or ()), sorted(definition.subscriptions)


def _alternatives(names: Sequence[str]) -> str:
    return "|".join(re.escape(n) for n in names)


def definitions(
    services: Sequence[tuple[str, Sequence[str], Sequence[str]]] | None = None,
    *,
    vhost: str = VHOST,
    namespace: str = "",
) -> dict[str, Any]:
    """The definitions template; `services` is (name, published types, consumed types),
    by default the four services' own."""
    if services is None:
        from talentloop_shared.devtools.suite import SERVICES

        services = [(s.name, *service_events(s.module)) for s in SERVICES]
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
    for name, publishes, _ in services:
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
        **_topology(services, vhost=vhost, namespace=namespace),
    }


def _topology(
    services: Sequence[tuple[str, Sequence[str], Sequence[str]]], *, vhost: str, namespace: str
) -> dict[str, list[dict[str, Any]]]:
    """The exchanges, queues and bindings the services declare (messaging/topology.py),
    declared here first. RabbitMQ checks the right to publish to a queue's dead-letter
    exchange only when the queue is created, so a service user that merely re-declares
    them needs none on the default exchange (where the retry tiers dead-letter back to the
    main queue) nor on talentloop.dlx. Changing <PREFIX>_RETRY_DELAYS_MS or
    <PREFIX>_DELIVERY_LIMIT means regenerating these definitions."""
    shared = Topology(service="-", namespace=namespace)

    def exchange(name: str, kind: str, arguments: dict[str, Any] | None = None) -> dict[str, Any]:
        return {
            "name": name,
            "vhost": vhost,
            "type": kind,
            "durable": True,
            "auto_delete": False,
            "internal": False,
            "arguments": arguments or {},
        }

    def queue(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
        return {
            "name": name,
            "vhost": vhost,
            "durable": True,
            "auto_delete": False,
            "arguments": arguments,
        }

    def binding(source: str, destination: str, key: str) -> dict[str, Any]:
        return {
            "source": source,
            "vhost": vhost,
            "destination": destination,
            "destination_type": "queue",
            "routing_key": key,
            "arguments": {},
        }

    exchanges = [
        exchange(shared.unrouted_exchange, "fanout"),
        exchange(shared.dead_letter_exchange, "direct"),
        exchange(shared.exchange, "topic", {"alternate-exchange": shared.unrouted_exchange}),
    ]
    queues = [queue(shared.unrouted_queue, {"x-queue-type": "quorum"})]
    bindings = [binding(shared.unrouted_exchange, shared.unrouted_queue, "")]
    for name, _, consumes in services:
        if not consumes:
            continue
        topo = Topology(service=name, namespace=namespace)
        exchanges.append(exchange(topo.local_exchange, "direct"))
        queues.append(queue(topo.dlq, {"x-queue-type": "quorum"}))
        bindings += [
            binding(topo.dead_letter_exchange, topo.dlq, topo.dlq),
            binding(topo.local_exchange, topo.dlq, topo.dlq),
        ]
        for delay in topo.retry_delays_ms:
            tier = topo.retry_queue(delay)
            queues.append(
                queue(
                    tier,
                    {
                        **_SAFE_DEAD_LETTERING,
                        "x-message-ttl": delay,
                        "x-dead-letter-exchange": "",
                        "x-dead-letter-routing-key": topo.queue,
                    },
                )
            )
            bindings.append(binding(topo.local_exchange, tier, tier))
        queues.append(
            queue(
                topo.queue,
                {
                    **_SAFE_DEAD_LETTERING,
                    "x-delivery-limit": topo.delivery_limit,
                    "x-dead-letter-exchange": topo.dead_letter_exchange,
                    "x-dead-letter-routing-key": topo.dlq,
                },
            )
        )
        bindings += [binding(shared.exchange, topo.queue, t) for t in sorted(set(consumes))]
    return {"queues": queues, "exchanges": exchanges, "bindings": bindings}


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
