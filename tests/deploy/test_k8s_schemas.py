"""Every Kubernetes manifest validates against the schema of its kind: the built-in kinds
through kubernetes-validate (which ships the schemas), the operators' kinds
(RabbitmqCluster, CloudNativePG's Cluster, Database, ScheduledBackup) through their CRD
schemas kept in tests/deploy/schemas (from the CRDs catalog; see README there). Nothing
is downloaded."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import jsonschema
import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy/k8s"
SCHEMAS = Path(__file__).parent / "schemas"
KUBERNETES_VERSION = "1.31.0"

CRDS = {
    ("rabbitmq.com/v1beta1", "RabbitmqCluster"): "rabbitmq.com_rabbitmqcluster_v1beta1",
    ("postgresql.cnpg.io/v1", "Cluster"): "postgresql.cnpg.io_cluster_v1",
    ("postgresql.cnpg.io/v1", "Database"): "postgresql.cnpg.io_database_v1",
    ("postgresql.cnpg.io/v1", "ScheduledBackup"): "postgresql.cnpg.io_scheduledbackup_v1",
}


def _manifests() -> list[tuple[str, dict]]:
    found = []
    for path in sorted(K8S.rglob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        for i, doc in enumerate(yaml.safe_load_all(path.read_text())):
            if doc:
                found.append((f"{path.relative_to(K8S)}#{i}:{doc['kind']}", doc))
    return found


MANIFESTS = _manifests()


@pytest.mark.parametrize(("where", "doc"), MANIFESTS, ids=[w for w, _ in MANIFESTS])
def test_manifest_matches_its_schema(where: str, doc: dict) -> None:
    key = (doc["apiVersion"], doc["kind"])
    if key in CRDS:
        schema = json.loads(gzip.decompress((SCHEMAS / f"{CRDS[key]}.json.gz").read_bytes()))
        jsonschema.validate(doc, schema)
    else:
        kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def test_a_wrong_field_is_caught() -> None:
    """The check can fail: a misspelt probe field and a misspelt CRD field are refused."""
    _, deployment = next((w, d) for w, d in MANIFESTS if d["kind"] == "Deployment")
    broken = json.loads(json.dumps(deployment))
    broken["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGett"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)
    _, cluster = next((w, d) for w, d in MANIFESTS if d["kind"] == "Cluster")
    broken = {**cluster, "spec": {**cluster["spec"], "instancez": 3}}
    schema = json.loads(
        gzip.decompress(
            (SCHEMAS / f"{CRDS[('postgresql.cnpg.io/v1', 'Cluster')]}.json.gz").read_bytes()
        )
    )
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_kustomizations_name_files_that_exist() -> None:
    for kustomization in K8S.rglob("kustomization.yaml"):
        spec = yaml.safe_load(kustomization.read_text())
        for resource in spec.get("resources", []):
            assert (kustomization.parent / resource).exists(), (kustomization, resource)
        for generator in spec.get("configMapGenerator", []):
            for file in generator.get("files", []):
                assert (kustomization.parent / file).exists(), (kustomization, file)
    rabbit = ROOT / "deploy/rabbitmq/kustomization.yaml"
    for file in yaml.safe_load(rabbit.read_text())["configMapGenerator"][0]["files"]:
        assert (rabbit.parent / file).exists()
    listed = yaml.safe_load((K8S / "kustomization.yaml").read_text())["resources"]
    assert sorted(listed) == sorted(
        p.name for p in K8S.glob("*.yaml") if p.name != "kustomization.yaml"
    )
