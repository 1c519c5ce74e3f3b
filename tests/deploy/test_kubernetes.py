"""The Kubernetes example agrees with the code: ports, probe paths, setting names, stop timing."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.settings import SlackSettings
from tests.deploy.dockerfile import parse
from tests.packaging.builds import tool
from tests.support import ROOT
from tools.cli.serve_command import DEFAULT_PORT
from tools.core.settings import SECRETS_DIR_VARIABLE, Settings
from tools.mcp_server.settings import McpSettings
from tools.ops.readiness import CHECK_TIMEOUT_SECONDS
from tools.ops.settings import OpsSettings
from tools.state.settings import StateSettings
from tools.wiring.serve_app import HEALTH_PATHS

KUBERNETES = ROOT / "deploy" / "kubernetes"
SECRET_WORDS = ("KEY", "KEYS", "TOKEN", "TOKENS", "SECRET")


def documents() -> dict[str, dict]:
    found = {}
    for path in sorted(KUBERNETES.glob("*.yaml")):
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            found[document["kind"]] = document
    return found


@pytest.fixture(scope="module")
def manifests() -> dict[str, dict]:
    return documents()


@pytest.fixture(scope="module")
def container(manifests) -> dict:
    (only,) = manifests["Deployment"]["spec"]["template"]["spec"]["containers"]
    return only


def known_settings() -> set[str]:
    models = (Settings, McpSettings, SlackSettings, OpsSettings, StateSettings)
    return {name.upper() for model in models for name in model.model_fields}


def run_tool(*command: str | Path) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, timeout=300, cwd=ROOT
    )
    assert result.returncode == 0, f"{command[0]}:\n{result.stdout}\n{result.stderr}"
    return result


def test_every_manifest_validates_strictly_against_the_kubernetes_schemas():
    validate = Path(sys.executable).with_name("kubernetes-validate")
    files = sorted(p for p in KUBERNETES.glob("*.yaml") if p.name != "kustomization.yaml")
    result = run_tool(validate, "--strict", *files)
    assert result.stdout.count(" passed for resource ") == len(files), result.stdout


def test_the_policy_scanner_finds_nothing_to_flag():
    checkov = tool(ROOT / ".venv-checkov" / "bin" / "checkov", "run `make ci-tools`")
    result = run_tool(
        checkov, "--directory", KUBERNETES, "--framework", "kubernetes", "--skip-download",
        "--compact", "--quiet", "--output", "json",
    )  # fmt: skip
    summary = json.loads(result.stdout)["summary"]
    assert summary["failed"] == 0 and summary["passed"] > 50, summary


def test_everything_lives_in_its_own_namespace(manifests):
    namespace = manifests["Namespace"]["metadata"]["name"]
    assert manifests["Kustomization"]["namespace"] == namespace != "default"
    namespaced = [d for kind, d in manifests.items() if kind not in ("Namespace", "Kustomization")]
    assert {d["metadata"]["namespace"] for d in namespaced} == {namespace}


def test_the_secret_reaches_the_app_as_files_in_the_folder_it_reads(manifests, container):
    pod = manifests["Deployment"]["spec"]["template"]["spec"]
    assert not [s for s in container.get("envFrom", []) if "secretRef" in s]
    env = {e["name"]: e.get("value") for e in container["env"]}
    (mount,) = [m for m in container["volumeMounts"] if m["name"] == "secrets"]
    assert env[SECRETS_DIR_VARIABLE] == mount["mountPath"] and mount["readOnly"]
    (volume,) = [v for v in pod["volumes"] if v["name"] == "secrets"]
    assert volume["secret"]["secretName"] == manifests["Secret"]["metadata"]["name"]
    assert pod["securityContext"]["fsGroup"] == pod["securityContext"]["runAsGroup"]


def test_a_cpu_limit_and_an_image_pinned_by_digest(container):
    assert container["resources"]["limits"]["cpu"]
    assert re.fullmatch(r"[^@\s]+@sha256:[0-9a-f]{64}", container["image"])


def test_ingress_only_from_the_ingress_controller_and_egress_to_dns_https_and_the_store(
    manifests,
):
    policy = manifests["NetworkPolicy"]["spec"]
    assert set(policy["policyTypes"]) == {"Ingress", "Egress"}
    pods = manifests["Deployment"]["spec"]["template"]["metadata"]["labels"]
    assert policy["podSelector"]["matchLabels"].items() <= pods.items()
    (ingress,) = policy["ingress"]
    assert [p["port"] for p in ingress["ports"]] == [DEFAULT_PORT]
    assert all("namespaceSelector" in source for source in ingress["from"])
    ports = {p["port"] for rule in policy["egress"] for p in rule["ports"]}
    assert ports == {53, 443, 5432}  # 5432: PostgreSQL (STATE_URL), in the cluster only
    (store,) = [rule for rule in policy["egress"] if rule["ports"][0]["port"] == 5432]
    assert all("podSelector" in target for target in store["to"])


def test_every_file_is_listed_in_the_kustomization(manifests):
    listed = set(manifests["Kustomization"]["resources"])
    assert listed == {p.name for p in KUBERNETES.glob("*.yaml")} - {"kustomization.yaml"}


def test_several_replicas_and_a_rollout_that_never_drops_below_them(manifests):
    spec = manifests["Deployment"]["spec"]
    assert spec["replicas"] >= 3
    assert spec["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    assert manifests["PodDisruptionBudget"]["spec"]["minAvailable"] < spec["replicas"]


def test_the_container_serves_on_the_image_s_port_and_command(container):
    dockerfile = parse((ROOT / "Dockerfile").read_text(encoding="utf-8"))
    (cmd,) = dockerfile[-1].all("CMD")
    assert container["args"] == cmd.exec_form()
    (port,) = container["ports"]
    assert port["containerPort"] == DEFAULT_PORT == 8000 and port["name"] == "http"


def test_probes_use_the_server_s_paths_and_port(container):
    ready, alive = container["readinessProbe"], container["livenessProbe"]
    assert ready["httpGet"] == {"path": "/readyz", "port": "http"}
    assert alive["httpGet"] == {"path": "/healthz", "port": "http"}
    assert {"/readyz", "/healthz"} <= set(HEALTH_PATHS)
    assert ready["timeoutSeconds"] > CHECK_TIMEOUT_SECONDS  # the check answers before the probe
    assert alive["timeoutSeconds"] >= 1


def test_the_service_routes_to_the_named_port_of_the_deployment_s_pods(manifests):
    service, deployment = manifests["Service"], manifests["Deployment"]
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= labels.items()
    assert service["spec"]["ports"][0]["targetPort"] == "http"


def test_every_setting_is_one_the_code_reads_and_secrets_stay_in_the_secret(manifests):
    config = manifests["ConfigMap"]["data"]
    secret = manifests["Secret"]["stringData"]
    assert set(config) | set(secret) <= known_settings(), set(config) | set(secret)
    assert set(secret) <= known_settings()  # each key becomes a file of that name
    assert not [name for name in config if name.rsplit("_", 1)[-1] in SECRET_WORDS]
    assert {"LUCCA_API_KEY", "MCP_AUTH_TOKENS", "MCP_REQUEST_STATE_KEYS"} <= set(secret)


def test_replicas_are_configured_stateless(manifests, container):
    config = manifests["ConfigMap"]["data"]
    assert config["MCP_STATELESS"] == "true" and config["MCP_ALLOWED_HOSTS"]
    assert config["LOG_FORMAT"] == "json"
    sources = {next(iter(source.values()))["name"] for source in container["envFrom"]}
    assert sources == {manifests["ConfigMap"]["metadata"]["name"]}


def test_the_rate_limit_is_the_tenant_s_budget_shared_through_the_store(manifests):
    budget = int(manifests["ConfigMap"]["data"]["LUCCA_RATE_LIMIT"])
    assert budget < 50  # the tenant's 50 a minute, shared by all integrations
    assert manifests["Secret"]["stringData"]["STATE_URL"].startswith("postgresql://")


def test_the_pod_is_given_time_to_drain_before_it_is_killed(manifests, container):
    pod = manifests["Deployment"]["spec"]["template"]["spec"]
    grace = float(manifests["ConfigMap"]["data"]["SHUTDOWN_GRACE_SECONDS"])
    pause = int(container["lifecycle"]["preStop"]["exec"]["command"][-1])
    assert pause + grace < pod["terminationGracePeriodSeconds"]


def test_it_runs_as_the_image_s_non_root_user_without_privileges(manifests, container):
    pod = manifests["Deployment"]["spec"]["template"]["spec"]["securityContext"]
    (user,) = parse((ROOT / "Dockerfile").read_text(encoding="utf-8"))[-1].all("USER")
    assert pod["runAsNonRoot"] is True and str(pod["runAsUser"]) == user.arguments.split(":")[0]
    own = container["securityContext"]
    assert own["allowPrivilegeEscalation"] is False and own["capabilities"]["drop"] == ["ALL"]


def test_the_guide_names_what_scaling_out_depends_on():
    guide = (ROOT / "deploy" / "README.md").read_text(encoding="utf-8")
    for words in (
        "MCP_STATELESS",
        "MCP_REQUEST_STATE_KEYS",
        "LUCCA_RATE_LIMIT",
        "/slack/events",
        "STATE_URL",
    ):
        assert words in guide, words
    assert Path(KUBERNETES / "deployment.yaml").exists()
