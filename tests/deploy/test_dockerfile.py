"""The Dockerfile: its shape (non-root, health check, default command), and its install replayed.

No container engine runs where we build, so the install steps are replayed in a clean virtual
environment (tests/deploy/dockerfile.py), from the same package index as `make` uses, and the
result is started the way the image starts it: a broken install step fails here.
"""

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.deploy.dockerfile import Replay, Stage, env_pairs, image_roots, parse
from tests.servers import STARTUP_TIMEOUT_SECONDS, clean_env, free_port, stateless_tool_call
from tests.support import ROOT, VALID_DRAFT

DOCKERFILE = ROOT / "Dockerfile"
TOKEN = "docker-test-token-0123456789"


@pytest.fixture(scope="module")
def stages() -> list[Stage]:
    return parse(DOCKERFILE.read_text(encoding="utf-8"))


def final(stages: list[Stage]) -> Stage:
    return stages[-1]


def test_two_stages_on_the_python_we_test_with(stages):
    assert len(stages) == 2 and stages[0].name == "builder"
    version = f"python:{sys.version_info.major}.{sys.version_info.minor}-slim"
    assert all(stage.image.startswith(version) for stage in stages), [s.image for s in stages]


def test_the_builder_installs_from_the_pins(stages):
    installs = [i.arguments for i in stages[0].all("RUN") if "pip install" in i.arguments]
    assert len(installs) == 1 and "-c constraints.txt" in installs[0]


def test_the_runtime_copies_only_the_virtual_environment(stages):
    copies = [i.arguments for i in final(stages).all("COPY")]
    assert copies == ["--from=builder /opt/venv /opt/venv"]


def test_the_runtime_runs_as_a_non_root_user(stages):
    (user,) = final(stages).all("USER")
    name = user.arguments.split(":")[0]
    assert name not in ("root", "0") and (not name.isdigit() or int(name) >= 1000)


def test_it_serves_on_8000_with_a_health_check(stages):
    runtime = final(stages)
    assert [i.arguments for i in runtime.all("EXPOSE")] == ["8000"]
    assert runtime.all("CMD")[0].exec_form() == [
        "lucca-training",
        "serve",
        "--host",
        "0.0.0.0",
        "--port",
        "8000",
    ]
    (check,) = runtime.all("HEALTHCHECK")
    assert "http://127.0.0.1:8000/healthz" in check.arguments
    assert "curl" not in check.arguments and "wget" not in check.arguments  # not in slim


def test_the_build_context_leaves_out_secrets_caches_and_the_local_venv():
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    assert "*" in ignored  # everything out, then only what is needed back in
    admitted = {line[1:].rstrip("/") for line in ignored if line.startswith("!")}
    copied = set()
    for stage in parse(DOCKERFILE.read_text(encoding="utf-8")):
        for instruction in stage.all("COPY"):
            if not instruction.arguments.startswith("--from"):
                copied |= set(instruction.arguments.split()[:-1])
    assert copied <= admitted and not admitted & {".env", ".venv", ".git", "tests"}
    assert "**/.env" in ignored


# --- the replay -------------------------------------------------------------------------------


def healthcheck_command(runtime: Stage, port: int) -> list[str]:
    (check,) = runtime.all("HEALTHCHECK")
    exec_form = check.arguments[check.arguments.index("CMD") + 3 :].strip()
    return [part.replace(":8000/", f":{port}/") for part in json.loads(exec_form)]


@pytest.fixture(scope="module")
def image(stages, tmp_path_factory):
    """The replayed image: (its root on this machine, the runtime's environment and workdir)."""
    root = tmp_path_factory.mktemp("image")
    replay = Replay(ROOT, root)
    roots = image_roots(stages)
    log: list[str] = []
    for stage in stages:
        workdir = replay.run_stage(stage, roots, log)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    for instruction in final(stages).all("ENV"):
        for key, value in env_pairs(instruction.arguments).items():
            mapped = replay.map_paths(value.replace("$PATH", "/usr/bin:/bin"), roots)
            env[key] = mapped
    return root, clean_env(env), workdir, log


def run_in_image(image, *command: str, **kwargs) -> subprocess.CompletedProcess:
    _, env, workdir, _ = image
    return subprocess.run(
        list(command), env=env, cwd=workdir, capture_output=True, text=True, timeout=60, **kwargs
    )


def test_the_install_steps_ran_in_the_image_s_venv(image):
    root, _, _, log = image
    assert any(step.startswith(f"python -m venv {root}/opt/venv") for step in log), log
    assert any(f"{root}/opt/venv/bin/pip install -c constraints.txt ." in step for step in log)


def test_the_installed_command_is_the_image_s_not_this_checkout_s(image):
    root, _, _, _ = image
    help_text = run_in_image(image, "lucca-training", "--help")
    assert help_text.returncode == 0 and "serve" in help_text.stdout, help_text.stderr
    where = run_in_image(image, "python", "-c", "import tools, prompts; print(tools.__file__)")
    assert where.stdout.startswith(str(root / "opt" / "venv")), where


def test_the_default_command_serves_creates_and_passes_the_health_check(image, stages):
    runtime = final(stages)
    port = free_port()
    command = runtime.all("CMD")[0].exec_form()
    command = [*command[: command.index("--port") + 1], str(port), "--sandbox"]
    _, env, workdir, _ = image
    env = {
        **env,
        "MCP_AUTH_TOKENS": f"docker-test:{TOKEN}",  # what an operator must set on 0.0.0.0
        "MCP_ALLOWED_HOSTS": "127.0.0.1:*",
        "MCP_CONFIRM": "never",
        "MCP_STATELESS": "true",
    }
    server = subprocess.Popen(command, env=env, cwd=workdir, stderr=subprocess.PIPE, text=True)
    try:
        base_url = f"http://127.0.0.1:{port}"
        assert _wait_for_port(server, port), "the image's server did not start"
        check = run_in_image(image, *healthcheck_command(runtime, port))
        assert check.returncode == 0, check.stderr
        call = stateless_tool_call(VALID_DRAFT)
        call["headers"]["Authorization"] = f"Bearer {TOKEN}"
        answer = httpx.post(f"{base_url}/mcp", trust_env=False, timeout=20, **call)
        assert answer.status_code == 200, answer.text
        assert answer.json()["result"]["structuredContent"]["training"]["id"] == 45
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    assert TOKEN not in stderr
    down = run_in_image(image, *healthcheck_command(runtime, port))
    assert down.returncode != 0  # the health check fails when nothing answers


def _wait_for_port(
    process: subprocess.Popen, port: int, timeout: float = STARTUP_TIMEOUT_SECONDS
) -> bool:
    """Polls /healthz until it answers; the deadline is only a safety net (see tests/servers.py)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5, trust_env=False)
            return True
        except httpx.TransportError:
            time.sleep(0.1)
    return False


def test_a_broken_install_step_fails_the_replay(stages, tmp_path):
    """The replay is not a formality: a step that cannot install stops it (checked cheaply)."""
    broken = DOCKERFILE.read_text(encoding="utf-8").replace(
        "pip install -c constraints.txt .", "pip install -c constraints.lock ."
    )
    assert broken != DOCKERFILE.read_text(encoding="utf-8")
    stages = parse(broken)
    replay = Replay(ROOT, tmp_path)
    with pytest.raises(AssertionError, match=r"constraints\.lock"):
        for stage in stages:
            replay.run_stage(stage, image_roots(stages), [])


def test_an_unknown_run_step_is_refused_rather_than_skipped(tmp_path):
    stages = parse("FROM python:3.11-slim AS x\nRUN apt-get install -y curl\n")
    with pytest.raises(AssertionError, match="neither an install step"):
        Replay(ROOT, tmp_path).run_stage(stages[0], set(), [])


def test_paths_of_the_image_are_mapped_and_others_left_alone(tmp_path):
    replay = Replay(ROOT, tmp_path)
    mapped = replay.map_paths("/opt/venv/bin/pip install /optional /usr/bin/x", {"opt"})
    assert mapped == f"{tmp_path}/opt/venv/bin/pip install /optional /usr/bin/x"
    assert re.search(r"/usr/bin/x$", mapped)
    assert Path(tmp_path / "_shims" / "python").exists()
