"""The deployment files can't be built here (no container engine), so check them as data:
every service has its image, probes, configuration and migration step, and every variable
they set is one the service actually reads."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from talentloop_shared.devtools.suite import SERVICES

ROOT = Path(__file__).resolve().parents[2]


def _settings_fields(module: str) -> tuple[str, set[str]]:
    config = __import__(f"{module}.config", fromlist=["Settings"])
    settings = config.Settings
    prefix = settings.model_config["env_prefix"]
    return prefix, {prefix + name.upper() for name in settings.model_fields}


def _k8s_docs(spec) -> list[dict]:
    return list(yaml.safe_load_all((ROOT / f"deploy/k8s/{spec.name}.yaml").read_text()))


@pytest.mark.parametrize("spec", SERVICES, ids=lambda s: s.name)
def test_kubernetes_manifests_cover_each_service(spec) -> None:
    docs = {d["kind"]: d for d in _k8s_docs(spec)}
    assert set(docs) == {
        "ConfigMap",
        "Job",
        "Deployment",
        "Service",
        "PodDisruptionBudget",
        "HorizontalPodAutoscaler",
        "NetworkPolicy",
    }
    deployment = docs["Deployment"]["spec"]["template"]["spec"]
    (container,) = deployment["containers"]
    assert container["image"] == f"talentloop/{spec.name}:latest"
    assert container["args"] == ["serve"]
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["ports"][0]["containerPort"] == spec.port
    assert deployment["securityContext"]["runAsNonRoot"] is True
    job = docs["Job"]["spec"]["template"]["spec"]["containers"][0]
    assert job["image"] == container["image"] and job["args"] == ["migrate"]

    assert container["startupProbe"]["httpGet"]["path"] == "/healthz"
    assert {"cpu", "memory"} <= set(container["resources"]["limits"])
    assert {"cpu", "memory"} <= set(container["resources"]["requests"])
    # A migration needs only its database URL.
    assert [e["name"] for e in job["env"]] == [f"{spec.prefix}_DATABASE_URL"]
    assert "envFrom" not in job

    _, fields = _settings_fields(spec.module)
    for c in (container, job):
        names = {e["name"] for e in c["env"]}
        assert all(e["valueFrom"]["secretKeyRef"]["name"] == "talentloop-secrets" for e in c["env"])
        assert names <= fields, f"unknown settings: {names - fields}"
    assert {
        f"{spec.prefix}_DATABASE_URL",
        f"{spec.prefix}_AMQP_URL",
        f"{spec.prefix}_JWT_SECRET",
    } <= {e["name"] for e in container["env"]}
    labels = docs["Deployment"]["spec"]["template"]["metadata"]["labels"]
    for selector in (
        docs["PodDisruptionBudget"]["spec"]["selector"]["matchLabels"],
        docs["Deployment"]["spec"]["selector"]["matchLabels"],
        docs["Service"]["spec"]["selector"],
    ):
        assert selector.items() <= labels.items()
    assert docs["HorizontalPodAutoscaler"]["spec"]["scaleTargetRef"]["name"] == spec.name
    assert docs["HorizontalPodAutoscaler"]["spec"]["minReplicas"] >= 2
    assert "replicas" not in docs["Deployment"]["spec"]  # the autoscaler owns the count
    egress_ports = {
        p["port"] for rule in docs["NetworkPolicy"]["spec"]["egress"] for p in rule["ports"]
    }
    expected = {53, 5432, 5672} | ({25, 465, 587, 443} if spec.name == "notify-service" else set())
    assert egress_ports == expected
    assert set(docs["ConfigMap"]["data"]) <= fields
    kustomization = yaml.safe_load((ROOT / "deploy/k8s/kustomization.yaml").read_text())
    assert f"{spec.name}.yaml" in kustomization["resources"]


def test_compose_runs_every_service_after_its_migration() -> None:
    compose = yaml.safe_load((ROOT / "deploy/compose.yaml").read_text())
    services = compose["services"]
    assert {"postgres", "rabbitmq", "mailpit"} <= set(services)
    init_sql = (ROOT / "deploy/postgres/init.sql").read_text()
    for spec in SERVICES:
        svc, migrate = (
            services[spec.name],
            services[f"{spec.name.removesuffix('-service')}-migrate"],
        )
        assert migrate["command"] == ["migrate"]
        assert svc["depends_on"][migrate_name(spec)]["condition"] == (
            "service_completed_successfully"
        )
        assert f"CREATE DATABASE {spec.database};" in init_sql
        _, fields = _settings_fields(spec.module)
        assert set(svc["environment"]) <= fields
        assert set(migrate["environment"]) == {f"{spec.prefix}_DATABASE_URL"}
        assert svc["environment"][f"{spec.prefix}_DATABASE_URL"].endswith("/" + spec.database)
        assert "/readyz" in " ".join(svc["healthcheck"]["test"])


def migrate_name(spec) -> str:
    return spec.name.removesuffix("-service") + "-migrate"


@pytest.mark.parametrize("spec", SERVICES, ids=lambda s: s.name)
def test_dockerfile_holds_only_its_service_and_runs_unprivileged(spec) -> None:
    text = (ROOT / f"services/{spec.name}/Dockerfile").read_text()
    sources = re.findall(r"^COPY (services/[^/]+/|shared/) ", text, re.M)
    assert set(sources) == {f"services/{spec.name}/", "shared/"}
    assert f"--package {spec.name}" in text
    assert re.search(r"^USER 10001$", text, re.M)
    assert f"http://127.0.0.1:{spec.port}/healthz" in text
    assert f'ENTRYPOINT ["{spec.name}"]' in text


def test_rabbitmq_definitions_are_generated_from_the_code() -> None:
    """deploy/rabbitmq/definitions.json is what `talentloop rabbitmq definitions` prints
    (regenerate it when a service starts publishing or consuming another event), and each
    service user may publish exactly the event types the service publishes."""
    from talentloop_shared.ops.rabbitmq import service_events, template_text

    committed = (ROOT / "deploy/rabbitmq/definitions.json").read_text()
    assert committed == template_text(), "run: uv run talentloop rabbitmq definitions > …"
    definitions = json.loads(committed)
    topic = {p["user"]: p["write"] for p in definitions["topic_permissions"]}
    for spec in SERVICES:
        publishes, _ = service_events(spec.module)
        for event_type in ("position-changed", "candidate-rejected", "talent-invited"):
            allowed = re.fullmatch(topic[spec.name], event_type) is not None
            assert allowed == (event_type in publishes), (spec.name, event_type)
    users = {u["name"]: u for u in definitions["users"]}
    assert all(re.fullmatch(r"\$\{[A-Z_]+\}", u["password"]) for u in users.values())
    ttl = next(p for p in definitions["policies"] if p["name"] == "talentloop-parking-ttl")
    assert re.fullmatch(ttl["pattern"], "talentloop.unrouted")
    assert re.fullmatch(ttl["pattern"], "notify-service.events.dlq")
    assert not re.fullmatch(ttl["pattern"], "notify-service.events")


def test_notify_dispatcher_runs_apart_with_the_api_pods_settings() -> None:
    # The dispatcher's pods: notify's image and configuration, consuming nothing and
    # running only the dispatcher; the API pods run every other loop (each notice is sent
    # by exactly one of them: claims in the database, service/dispatch.py).
    _, fields = _settings_fields("notify_service")
    docs = {
        d["kind"]: d
        for d in yaml.safe_load_all((ROOT / "deploy/k8s/notify-dispatcher.yaml").read_text())
    }
    assert set(docs) == {"Deployment", "PodDisruptionBudget"}
    pod = docs["Deployment"]["spec"]["template"]
    (container,) = pod["spec"]["containers"]
    assert container["image"] == "talentloop/notify-service:latest"
    assert container["args"] == ["serve"]
    assert container["envFrom"] == [{"configMapRef": {"name": "notify-service"}}]
    values = {e["name"]: e["value"] for e in container["env"] if "value" in e}
    assert values == {
        "NOTIFY_CONSUME_EVENTS": "false",
        "NOTIFY_BACKGROUND_LOOPS": '["dispatcher"]',
    }
    assert {e["name"] for e in container["env"]} <= fields
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert pod["metadata"]["labels"]["app"] == "notify-service"  # its NetworkPolicy applies
    assert docs["PodDisruptionBudget"]["spec"]["selector"]["matchLabels"].items() <= (
        pod["metadata"]["labels"].items()
    )
    api = {d["kind"]: d for d in _k8s_docs(next(s for s in SERVICES if s.prefix == "NOTIFY"))}
    assert api["ConfigMap"]["data"]["NOTIFY_BACKGROUND_LOOPS"] == '["notice_metrics", "webhook"]'
    assert (
        "notify-dispatcher.yaml"
        in (yaml.safe_load((ROOT / "deploy/k8s/kustomization.yaml").read_text())["resources"])
    )

    compose = yaml.safe_load((ROOT / "deploy/compose.yaml").read_text())["services"]
    dispatcher, notify = compose["notify-dispatcher"], compose["notify-service"]
    assert dispatcher["image"] == notify["image"] and dispatcher["command"] == ["serve"]
    assert dispatcher["environment"] == {
        **notify["environment"],
        "NOTIFY_CONSUME_EVENTS": "false",
        "NOTIFY_BACKGROUND_LOOPS": '["dispatcher"]',
    }
    assert notify["environment"]["NOTIFY_BACKGROUND_LOOPS"] == '["notice_metrics", "webhook"]'
    # The names are loops the service has (an unknown one stops the process at start).
    from notify_service.main import SERVICE

    loops = {loop.__name__.removesuffix("_loop") for loop in SERVICE.background}
    assert {"dispatcher", "notice_metrics", "webhook"} == loops
