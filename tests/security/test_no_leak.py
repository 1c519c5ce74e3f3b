"""No leak: with canary secrets everywhere, no result, exception, message or request carries one
where it does not belong. (The autouse guard in tests/conftest.py watches every log record and
printed output of the whole suite; these tests look at what the guard cannot see.)

Already covered elsewhere, and watched by the guard: Slack views, messages and logs through a
401, a 500 and a lost answer (tests/bot/test_secrets.py); an MCP token never in a refusal
(tests/mcp/test_http_transport.py); a wrong LLM key (tests/drafting)."""

import json
import subprocess
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import mcp_types as types
import pytest
from mcp import Client

from bot import ids
from bot.settings import SlackSettings
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import VALID_FORM, SlackDriver, texts_of
from tests.faults.matrix import HTML_PAGE
from tests.mcp.helpers import text_of
from tests.servers import clean_env
from tests.support import (
    CONSOLE_SCRIPT,
    LLM_API_KEY,
    MCP_TOKEN,
    SANDBOX_KEY,
    SLACK_BOT_TOKEN,
    VALID_DRAFT,
    canary_leaks,
)
from tools.core.client import LuccaClient
from tools.core.errors import ConfigurationError
from tools.core.settings import Settings, load_settings
from tools.core.trainings import Trainings
from tools.drafting.settings import load_llm_settings
from tools.mcp_server.server import build_mcp_server
from tools.mcp_server.settings import load_mcp_settings
from tools.sandbox.runner import SandboxServer

AUTHORIZATION = f"lucca application={SANDBOX_KEY}"
# Lucca (or a proxy) echoing the key back, in every place an answer can carry text.
ECHOES = {
    "401": {"status": 401, "body": f'{{"Message": "Unknown key {SANDBOX_KEY}"}}'},
    "400 field errors": {
        "status": 400,
        "headers": {"Content-Type": "application/problem+json"},
        "body": json.dumps(
            {
                "title": f"Refused for {SANDBOX_KEY}",
                "status": 400,
                "errors": {"Title": [f"key {SANDBOX_KEY} may not"], "Other": [SANDBOX_KEY]},
            }
        ),
    },
    "403 detail": {
        "status": 403,
        "headers": {"Content-Type": "application/problem+json"},
        "body": json.dumps({"title": "Forbidden", "detail": f"application={SANDBOX_KEY}"}),
    },
    "503 HTML": {
        "status": 503,
        "headers": {"Content-Type": "text/html"},
        "body": HTML_PAGE.format(status=f"503 {SANDBOX_KEY}"),
    },
    # Not scrubbed yet: the key as the name of a field Lucca complains about.
    "400 with the key as a field name": {
        "status": 400,
        "headers": {"Content-Type": "application/problem+json"},
        "body": json.dumps({"title": "Invalid", "status": 400, "errors": {SANDBOX_KEY: ["?"]}}),
    },
    "lost answer": {"drop": "after"},
    "success": {"delay": 0},
}


def assert_key_only_in_authorization(sent: list[httpx.Request]) -> None:
    assert sent, "nothing was sent"
    for request in sent:
        assert request.headers["authorization"] == AUTHORIZATION
        others = {k: v for k, v in request.headers.items() if k != "authorization"}
        assert canary_leaks(f"{request.url} {others} {request.content!r}") == []


async def call_tool(lucca: LuccaClient, arguments: dict) -> types.CallToolResult:
    @asynccontextmanager
    async def open_lucca() -> AsyncIterator[Trainings]:
        yield Trainings(lucca)

    server = build_mcp_server(load_mcp_settings(mcp_confirm="never"), open_lucca)
    async with Client(server, mode="2026-07-28") as session:
        return await session.call_tool("create_training", arguments)


ANSWERS = [name for name in sorted(ECHOES)]


@pytest.mark.parametrize("answer", ANSWERS)
async def test_mcp_results_never_carry_the_key_even_when_lucca_echoes_it(
    answer: str, lucca: LuccaClient, sandbox: SandboxServer, sent: list[httpx.Request]
):
    sandbox.add_faults({**ECHOES[answer], "method": "POST"})

    result = await call_tool(lucca, VALID_DRAFT)

    assert canary_leaks(result.model_dump_json()) == [], text_of(result)
    assert_key_only_in_authorization(sent)


async def test_a_draft_carrying_a_secret_is_sent_as_data_and_only_there(
    lucca: LuccaClient, sent: list[httpx.Request]
):
    """What the user typed is theirs to send: a canary there goes in the body, never a header."""
    result = await call_tool(lucca, {**VALID_DRAFT, "subtitle": f"note {MCP_TOKEN}"})

    assert not result.is_error
    post = next(request for request in sent if request.method == "POST")
    assert MCP_TOKEN in post.content.decode()
    assert post.headers["authorization"] == AUTHORIZATION


def test_the_cli_with_a_revoked_key_says_401_and_never_shows_the_key(
    sandbox: SandboxServer, tmp_path
):
    env = {"LUCCA_BASE_URL": sandbox.base_url, "LUCCA_API_KEY": SANDBOX_KEY + "-revoked"}
    done = subprocess.run(
        [str(CONSOLE_SCRIPT), "-v", "create", "--json", "-", "--output", "json"],
        input=json.dumps(VALID_DRAFT),
        capture_output=True,
        text=True,
        env=clean_env(env),
        cwd=tmp_path,
        timeout=60,
    )

    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["error"]["kind"] == "auth"
    assert canary_leaks(done.stdout + done.stderr) == []


@pytest.mark.parametrize(
    "answer",
    ["400 field errors", "400 with the key as a field name"],
)
async def test_slack_never_shows_the_key_lucca_echoes_in_its_field_errors(
    answer: str, http_driver: SlackDriver, fake_slack: FakeSlack, sandbox: SandboxServer
):
    sandbox.add_faults({**ECHOES[answer], "method": "POST"})
    view_id = await http_driver.open_form()

    await http_driver.submit(view_id, VALID_FORM)

    opened = fake_slack.views[view_id]
    back = await fake_slack.wait_for(
        lambda: opened.view["callback_id"] == ids.FORM_CALLBACK and opened.view
    )
    assert "Lucca refused" in texts_of(back)
    sent_to_slack = json.dumps([[c.method, c.args] for c in fake_slack.calls] + opened.history)
    assert canary_leaks(sent_to_slack) == []


def _slack(**values: object) -> SlackSettings:
    return SlackSettings(_env_file=None, **values)  # type: ignore[arg-type]


SETTINGS_ERRORS = {
    "LUCCA_BASE_URL with a password": lambda: load_settings(
        _env_file=None, lucca_base_url=f"https://admin:{SANDBOX_KEY}@acme.ilucca.net"
    ),
    "LUCCA_BASE_URL over http": lambda: load_settings(
        _env_file=None, lucca_base_url=f"http://{SANDBOX_KEY.lower()}.example"
    ),
    "LUCCA_API_KEY with a space": lambda: Settings(
        _env_file=None, lucca_base_url="https://acme.ilucca.net", lucca_api_key=f"{SANDBOX_KEY} x"
    ).lucca_connection(),
    "SLACK_BOT_TOKEN of the wrong kind": lambda: _slack(
        slack_bot_token=SLACK_BOT_TOKEN.replace("xoxb-", "xapp-")
    ).bot_token(),
    "SLACK_APP_TOKEN of the wrong kind": lambda: _slack(
        slack_bot_token=SLACK_BOT_TOKEN, slack_app_token=SLACK_BOT_TOKEN
    ).require_socket_mode(),
    "MCP_AUTH_TOKENS too short": lambda: load_mcp_settings(
        _env_file=None, mcp_auth_tokens=f"ci:{MCP_TOKEN[:12]}"
    ),
    "LLM_API_KEY with a space": lambda: load_llm_settings(
        _env_file=None,
        llm_base_url="https://llm.example/v1",
        llm_model="m",
        llm_api_key=f"{LLM_API_KEY} x",
    ).connection(),
    "LLM_API_KEY without the rest": lambda: load_llm_settings(
        _env_file=None, llm_api_key=LLM_API_KEY
    ).connection(),
}


@pytest.mark.parametrize("setting", sorted(SETTINGS_ERRORS))
def test_a_settings_error_names_the_variable_and_never_shows_its_value(setting: str):
    with pytest.raises(ConfigurationError) as raised:
        SETTINGS_ERRORS[setting]()

    error = raised.value
    assert setting.split()[0] in str(error)
    shown = f"{error} {error!r} {error.message} {error.next_step} {error.__cause__!r}"
    assert canary_leaks(shown) == [], shown


def test_a_token_with_a_colon_is_not_shown_half():
    with pytest.raises(ConfigurationError) as raised:
        load_mcp_settings(_env_file=None, mcp_auth_tokens="s3cr3t-CANARY-half:x")

    assert canary_leaks(str(raised.value)) == []


def test_settings_holding_every_canary_show_none_in_their_repr():
    shown = repr(
        [
            Settings(_env_file=None, lucca_api_key=SANDBOX_KEY),
            _slack(slack_bot_token=SLACK_BOT_TOKEN, slack_signing_secret=SANDBOX_KEY),
            load_mcp_settings(_env_file=None, mcp_auth_tokens=f"ci:{MCP_TOKEN}"),
            load_llm_settings(
                _env_file=None,
                llm_base_url="https://llm.example/v1",
                llm_model="m",
                llm_api_key=LLM_API_KEY,
            ).connection(),
        ]
    )
    assert canary_leaks(shown) == [], shown
