"""The official MCP Inspector CLI, a client nobody here wrote, against our server (stdio and HTTP).

`npx -y @modelcontextprotocol/inspector@2.12.0 --cli` is downloaded on first use (the module's first
fixture, with a generous timeout); the tests are skipped only when `npx` itself is missing.

How the Inspector passes `--tool-arg k=v`: the value is read as JSON when it parses (`false` is a
boolean, `12` a number, `Negotiation basics` stays a string), then any value still a string is
coerced to the type the tool's inputSchema declares. Our server refuses a string for a boolean or
an id (the core is strict), so a creation through the Inspector shows that real JSON types arrived.
It also means the Inspector cannot send a wrongly typed value: those cases live in the SDK tests.
"""

import json
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.mcp.helpers import TOOL_NAMES
from tests.servers import clean_env, free_port, serving
from tests.support import CONSOLE_SCRIPT, MCP_TOKEN, SANDBOX_KEY, WRITABLE_FIELDS, posts
from tools.core.lucca_api import AUTH_HEADER, AUTH_SCHEME, TRAININGS_PATH
from tools.sandbox.config import SandboxConfig
from tools.sandbox.runner import SandboxServer

NPX = shutil.which("npx")
pytestmark = pytest.mark.skipif(
    NPX is None, reason="npx is not on PATH: the MCP Inspector CLI needs Node.js and npm"
)

INSPECTOR_PACKAGE = "@modelcontextprotocol/inspector@2.12.0"
FIRST_DOWNLOAD_TIMEOUT = 600  # a cold npm cache on a slow CI runner
CALL_TIMEOUT = 120
TOKEN = MCP_TOKEN
EXIT_TOOL_ERROR = 5  # the Inspector's exit code for a result with isError: true
TRAINING_ARGS = [
    "title=Negotiation basics",
    "subtitle=Prepare, open, close",
    "description=Three half-days of practice.",
    "level=Beginner",
    "isCertifying=false",
    "isMandatory=true",
    "providerId=12",
]
REQUIRED_FIELDS = ["title", "subtitle", "description", "level", "isCertifying", "isMandatory"]


@dataclass
class Outcome:
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> dict[str, Any]:
        """`--format json` prints one JSON object on stdout."""
        return json.loads(self.stdout)

    def result(self) -> dict[str, Any]:
        document = self.json()
        assert "result" in document, f"no result in: {self.stdout}\nstderr: {self.stderr}"
        return document["result"]


class Inspector:
    def __init__(self, state_dir: Path) -> None:
        # Its catalog and client config go to a scratch directory, not the developer's home.
        self.env = clean_env(
            {
                "MCP_CATALOG_PATH": str(state_dir / "mcp.json"),
                "MCP_CLIENT_CONFIG_PATH": str(state_dir / "client.json"),
            }
        )

    def run(self, *args: str, timeout: float = CALL_TIMEOUT) -> Outcome:
        command = [str(NPX), "-y", INSPECTOR_PACKAGE, "--cli", "--format", "json", *args]
        done = subprocess.run(
            command, env=self.env, capture_output=True, text=True, timeout=timeout, check=False
        )
        return Outcome(done.returncode, done.stdout, done.stderr)


@pytest.fixture(scope="module")
def inspector(tmp_path_factory: pytest.TempPathFactory) -> Inspector:
    """The Inspector CLI, downloaded once here so no test's timeout has to cover the download."""
    inspector = Inspector(tmp_path_factory.mktemp("inspector-state"))
    version = inspector.run("--version", timeout=FIRST_DOWNLOAD_TIMEOUT)
    assert version.returncode == 0, version.stderr
    assert "2.12.0" in version.stdout
    return inspector


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The servers' working directory: no developer's .env applies there."""
    return tmp_path_factory.mktemp("server-cwd")


@pytest.fixture(scope="module")
def shared_sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(SandboxConfig(api_key=SANDBOX_KEY, rate_limit=0)) as server:
        yield server


@pytest.fixture
def lucca(shared_sandbox: SandboxServer) -> SandboxServer:
    """The sandbox both servers write to, emptied (trainings and request log) for each test."""
    shared_sandbox.reset()
    return shared_sandbox


def lucca_env(sandbox: SandboxServer) -> dict[str, str]:
    return {
        "LUCCA_BASE_URL": sandbox.base_url,
        "LUCCA_API_KEY": SANDBOX_KEY,
        "MCP_CONFIRM": "never",  # the Inspector CLI cannot answer a confirmation
    }


@pytest.fixture(scope="module")
def http_url(shared_sandbox: SandboxServer, workdir: Path) -> Iterator[str]:
    """`lucca-training serve` on a free port, writing to the shared sandbox, behind a token."""
    env = {**lucca_env(shared_sandbox), "MCP_AUTH_TOKENS": f"inspector:{TOKEN}"}
    args = ["serve", "--host", "127.0.0.1"]
    with serving(args, env, str(workdir), free_port()) as base_url:
        yield f"{base_url}/mcp"


def stdio_target(sandbox: SandboxServer, workdir: Path) -> list[str]:
    """`lucca-training mcp` as the Inspector starts it, pointed at the test's sandbox."""
    env = [arg for name, value in lucca_env(sandbox).items() for arg in ("-e", f"{name}={value}")]
    return [*env, "--cwd", str(workdir), str(CONSOLE_SCRIPT), "mcp"]


def http_target(url: str) -> list[str]:
    bearer = f"Authorization: Bearer {TOKEN}"
    return ["--transport", "http", "--server-url", url, "--header", bearer]


@pytest.fixture(params=["stdio", "http"])
def target(request: pytest.FixtureRequest, lucca: SandboxServer, workdir: Path) -> list[str]:
    if request.param == "stdio":
        return stdio_target(lucca, workdir)
    return http_target(request.getfixturevalue("http_url"))


def training_in_sandbox(sandbox: SandboxServer, training_id: int) -> dict[str, Any]:
    response = httpx.get(
        f"{sandbox.base_url}{TRAININGS_PATH}/{training_id}",
        headers={AUTH_HEADER: AUTH_SCHEME + SANDBOX_KEY},
        trust_env=False,
    )
    assert response.status_code == 200, response.text
    return response.json()


def assert_lists_create_training(outcome: Outcome) -> None:
    assert outcome.returncode == 0, outcome.stderr
    listed = outcome.result()["tools"]
    # A host hides the app-only tool from its model; a generic client lists it.
    app_only = [t["name"] for t in listed if t.get("_meta", {}).get("ui", {}).get("visibility")]
    assert app_only == ["confirm_training_creation"]
    tools = [tool for tool in listed if tool["name"] not in app_only]
    assert [tool["name"] for tool in tools] == TOOL_NAMES
    tool = tools[0]
    schema = tool["inputSchema"]
    assert list(schema["properties"]) == [*WRITABLE_FIELDS, "dryRun", "allowDuplicate"]
    assert schema["required"] == REQUIRED_FIELDS
    assert schema["additionalProperties"] is False
    assert schema["properties"]["title"]["maxLength"] == 250
    assert schema["properties"]["level"]["enum"] == ["Beginner", "Middle", "Expert"]
    assert schema["properties"]["isCertifying"]["type"] == "boolean"
    assert schema["properties"]["providerId"]["type"] == "integer"
    assert "training" in tool["outputSchema"]["properties"]
    hints = tool["annotations"]
    assert (hints["readOnlyHint"], hints["destructiveHint"]) == (False, False)
    assert (hints["idempotentHint"], hints["openWorldHint"]) == (False, True)


@pytest.mark.parametrize("era", ["legacy", "modern"])
def test_lists_the_tool_with_its_schema_over_stdio_with_the_embedded_sandbox(
    inspector: Inspector, workdir: Path, era: str
):
    outcome = inspector.run(
        "--protocol-era",
        era,
        "--cwd",
        str(workdir),
        str(CONSOLE_SCRIPT),
        "mcp",
        "--sandbox",
        "--method",
        "tools/list",
    )
    assert_lists_create_training(outcome)


def test_lists_the_tool_with_its_schema_over_http(inspector: Inspector, http_url: str):
    assert_lists_create_training(inspector.run(*http_target(http_url), "--method", "tools/list"))


@pytest.mark.parametrize("era", ["legacy", "modern"])
def test_creates_one_training_with_json_typed_arguments(
    inspector: Inspector, target: list[str], lucca: SandboxServer, era: str
):
    title = f"Negotiation basics ({era}, {target[0]})"
    outcome = inspector.run(
        "--protocol-era",
        era,
        *target,
        "--method",
        "tools/call",
        "--tool-name",
        "create_training",
        "--tool-arg",
        *TRAINING_ARGS,
        f"title={title}",  # the servers outlive the sandbox's reset: a title of its own
    )

    assert outcome.returncode == 0, f"{outcome.stdout}\n{outcome.stderr}"
    result = outcome.result()
    assert result.get("isError") is not True
    training = result["structuredContent"]["training"]
    assert isinstance(training["id"], int)
    assert training["state"] == "Ready"
    text = "\n".join(block["text"] for block in result["content"] if block["type"] == "text")
    assert f"#{training['id']}" in text and "Ready" in text
    assert len(posts(lucca)) == 1
    stored = training_in_sandbox(lucca, training["id"])
    assert stored["title"] == title
    assert (stored["isCertifying"], stored["isMandatory"]) == (False, True)
    assert stored["provider"]["id"] == 12


def test_an_invalid_level_is_an_error_naming_the_field_and_nothing_is_posted(
    inspector: Inspector, target: list[str], lucca: SandboxServer
):
    arguments = [arg if not arg.startswith("level=") else "level=Guru" for arg in TRAINING_ARGS]
    call = ["--method", "tools/call", "--tool-name", "create_training", "--tool-arg", *arguments]
    outcome = inspector.run(*target, *call)

    assert outcome.returncode == EXIT_TOOL_ERROR, f"{outcome.stdout}\n{outcome.stderr}"
    result = outcome.result()
    assert result["isError"] is True
    text = "\n".join(block["text"] for block in result["content"] if block["type"] == "text")
    assert "level" in text and "Guru" in text
    assert "Beginner" in text  # the allowed values, so the model can correct itself
    assert posts(lucca) == []


def test_http_without_the_token_is_refused_and_nothing_is_posted(
    inspector: Inspector, http_url: str, lucca: SandboxServer
):
    outcome = inspector.run(
        "--transport",
        "http",
        "--server-url",
        http_url,
        "--stored-auth-only",  # never start an interactive OAuth login
        "--method",
        "tools/call",
        "--tool-name",
        "create_training",
        "--tool-arg",
        *TRAINING_ARGS,
    )

    assert outcome.returncode != 0, outcome.stdout
    assert "result" not in outcome.stdout
    assert posts(lucca) == []
