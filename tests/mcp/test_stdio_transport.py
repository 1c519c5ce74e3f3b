"""`lucca-training mcp`: the console script as Claude Desktop or VS Code would start it."""

import subprocess

import pytest
from mcp import Client, StdioServerParameters
from mcp.client.stdio import stdio_client

from tests.mcp.helpers import ERAS, UserAtKeyboard
from tests.servers import clean_env
from tests.support import CONSOLE_SCRIPT, SANDBOX_KEY, VALID_DRAFT, model_visible, posts

FACE_MODULES = ("slack", "slack_sdk", "slack_bolt", "aiohttp", "bot")


def stdio_server(env: dict[str, str], cwd, *args: str) -> StdioServerParameters:
    return StdioServerParameters(
        command=str(CONSOLE_SCRIPT), args=["mcp", *args], env=clean_env(env), cwd=str(cwd)
    )


@pytest.mark.parametrize("era", ERAS)
async def test_an_assistant_creates_a_training_after_confirming(sandbox, tmp_path, era):
    env = {"LUCCA_BASE_URL": sandbox.base_url, "LUCCA_API_KEY": SANDBOX_KEY}
    user = UserAtKeyboard("accept")
    async with Client(stdio_server(env, tmp_path), mode=era, elicitation_callback=user) as session:
        (tool,) = model_visible((await session.list_tools()).tools)
        result = await session.call_tool("create_training", VALID_DRAFT)
    assert tool.name == "create_training"
    assert result.structured_content["training"]["id"] == 45
    assert len(user.questions) == 1
    assert len(posts(sandbox)) == 1


async def test_sandbox_flag_needs_no_account(tmp_path):
    async with Client(stdio_server({}, tmp_path, "--sandbox")) as session:
        result = await session.call_tool("create_training", VALID_DRAFT)
    assert result.structured_content["created"] is True


def test_without_settings_it_exits_2_and_says_what_to_set(tmp_path):
    result = subprocess.run(
        [str(CONSOLE_SCRIPT), "mcp"],
        env=clean_env({}),
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "LUCCA_BASE_URL is not set" in result.stderr
    assert result.stdout == ""  # stdout belongs to the protocol


async def test_nothing_slack_related_is_imported_on_the_mcp_path(tmp_path):
    """The server's own import log (`PYTHONPROFILEIMPORTTIME`) lists every module it loaded."""
    env = {"PYTHONPROFILEIMPORTTIME": "1"}
    log = tmp_path / "stderr.log"
    with log.open("w") as errlog:
        transport = stdio_client(stdio_server(env, tmp_path, "--sandbox"), errlog=errlog)
        async with Client(transport) as session:
            await session.list_tools()
    imported = {
        line.rsplit("|", 1)[-1].strip()
        for line in log.read_text().splitlines()
        if line.startswith("import time:")
    }
    assert "tools.mcp_server.server" in imported  # the log is the server's
    leaked = sorted(name for name in imported if name.split(".")[0] in FACE_MODULES)
    assert leaked == []
