"""The Kubernetes manifests in deploy/kubernetes agree with the app: ports, probe paths, env names, commands."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from service.cli import _parser
from service.settings import Settings

MANIFESTS = Path(__file__).resolve().parent.parent / "deploy" / "kubernetes"


def load(name: str) -> dict:
    (document,) = list(yaml.safe_load_all((MANIFESTS / name).read_text(encoding="utf-8")))
    return document


@pytest.fixture(scope="module")
def resources() -> dict[str, dict]:
    """Every manifest listed by the kustomization, by kind."""
    listed = load("kustomization.yaml")["resources"]
    by_kind = {}
    for name in listed:
        document = load(name)
        assert document["kind"] not in by_kind, f"two {document['kind']} manifests"
        by_kind[document["kind"]] = document
    return by_kind


@pytest.fixture(scope="module")
def container(resources) -> dict:
    (only,) = resources["Deployment"]["spec"]["template"]["spec"]["containers"]
    return only


@pytest.fixture
def answers_200(sqlite_client):
    """Whether GET on a path answers 200 from the app (pipeline loaded, database reachable)."""
    return lambda path: sqlite_client.get(path).status_code == 200


def settings_variables() -> set[str]:
    """The environment variables the service reads, as Settings defines them."""
    prefix = Settings.model_config["env_prefix"]
    names = set()
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        names.update(alias.choices if alias is not None else [f"{prefix}{name}".upper()])  # type: ignore[union-attr]
    return names


def test_the_kustomization_lists_every_manifest():
    listed = set(load("kustomization.yaml")["resources"])
    assert listed == {p.name for p in MANIFESTS.glob("*.yaml")} - {"kustomization.yaml"}


def test_every_kind_the_deployment_needs_is_there(resources):
    assert {"Deployment", "Service", "HorizontalPodAutoscaler", "ConfigMap", "Secret", "Job"} <= set(resources)


def test_the_container_serves_on_its_declared_port_with_one_worker(container):
    command = container["command"]
    assert command[:2] == ["eventex", "serve"]
    args = _parser().parse_args(command[1:])
    (port,) = container["ports"]
    assert args.port == port["containerPort"]
    assert args.host == "0.0.0.0"
    assert args.workers == 1  # scaling is by replicas


def test_the_service_reaches_the_pods(resources, container):
    deployment, service = resources["Deployment"], resources["Service"]
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()
    assert service["spec"]["selector"].items() <= pod_labels.items()
    port_names = {p["name"]: p["containerPort"] for p in container["ports"]}
    for port in service["spec"]["ports"]:
        target = port["targetPort"]
        assert target in port_names or target in port_names.values()


def test_probes_use_the_app_health_routes_on_the_container_port(container, answers_200):
    port_names = {p["name"] for p in container["ports"]} | {p["containerPort"] for p in container["ports"]}
    probes = {kind: container[kind]["httpGet"] for kind in ("livenessProbe", "readinessProbe", "startupProbe")}
    assert probes["livenessProbe"]["path"] == "/livez"
    assert probes["readinessProbe"]["path"] == "/readyz"
    for probe in probes.values():
        assert answers_200(probe["path"]), probe["path"]
        assert probe["port"] in port_names


def test_prometheus_scrapes_the_metrics_route(resources, container, answers_200):
    annotations = resources["Deployment"]["spec"]["template"]["metadata"]["annotations"]
    assert answers_200(annotations["prometheus.io/path"])
    assert int(annotations["prometheus.io/port"]) in {p["containerPort"] for p in container["ports"]}


def test_every_environment_variable_is_one_the_service_reads(resources, container):
    known = settings_variables()
    job_container = resources["Job"]["spec"]["template"]["spec"]["containers"][0]
    for env in container.get("env", []) + job_container.get("env", []):
        assert env["name"] in known, env["name"]
    for key in resources["ConfigMap"]["data"]:
        assert key in known, key
    for value in resources["ConfigMap"]["data"].values():
        assert isinstance(value, str), "ConfigMap values must be strings"


def test_config_map_values_are_valid_settings(resources, monkeypatch):
    for key, value in resources["ConfigMap"]["data"].items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("DATABASE_URL", resources["Secret"]["stringData"]["DATABASE_URL"])
    settings = Settings()
    assert settings.max_queued_extractions == int(resources["ConfigMap"]["data"]["EVENTEX_MAX_QUEUED_EXTRACTIONS"])
    assert settings.database_url.startswith("postgresql+psycopg://")


def test_referenced_config_and_secrets_exist(resources, container):
    config_name = resources["ConfigMap"]["metadata"]["name"]
    secret = resources["Secret"]
    assert [source["configMapRef"]["name"] for source in container["envFrom"]] == [config_name]
    job_container = resources["Job"]["spec"]["template"]["spec"]["containers"][0]
    references = [
        env["valueFrom"]["secretKeyRef"] for env in container["env"] + job_container["env"] if "valueFrom" in env
    ]
    assert references, "DATABASE_URL comes from the Secret"
    for reference in references:
        assert reference["name"] == secret["metadata"]["name"]
        assert reference["key"] in secret["stringData"]


def test_the_migration_job_runs_eventex_migrate_from_the_same_image(resources, container):
    job_container = resources["Job"]["spec"]["template"]["spec"]["containers"][0]
    assert job_container["command"] == ["eventex", "migrate"]
    assert _parser().parse_args(job_container["command"][1:]).command == "migrate"
    assert job_container["image"] == container["image"]


def test_the_autoscaler_targets_the_deployment_whose_cpu_is_requested(resources, container):
    hpa, deployment = resources["HorizontalPodAutoscaler"], resources["Deployment"]
    target = hpa["spec"]["scaleTargetRef"]
    assert (target["kind"], target["name"]) == ("Deployment", deployment["metadata"]["name"])
    assert 1 <= hpa["spec"]["minReplicas"] <= hpa["spec"]["maxReplicas"]
    # CPU utilization is measured against the request: without one the autoscaler cannot work.
    assert container["resources"]["requests"]["cpu"]
    assert container["resources"]["requests"]["memory"]
