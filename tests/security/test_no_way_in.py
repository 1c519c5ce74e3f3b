"""No way in: requests go only to LUCCA_BASE_URL, over https unless it is this machine, and no
input (a title, an id, an extra argument) can change their host, path or query.

Refusals covered elsewhere and not repeated here: a forged, changed, unsigned or stale Slack
signature (tests/bot/test_http_mode.py); MCP over HTTP without or with a wrong token, with a bad
Host or a foreign Origin (tests/mcp/test_http_transport.py)."""

import json
import subprocess

import httpx
import pytest

from tests.security.test_no_leak import call_tool
from tests.servers import clean_env
from tests.support import CONSOLE_SCRIPT, SANDBOX_KEY, VALID_DRAFT
from tools.core.client import LuccaClient
from tools.core.errors import ConfigurationError
from tools.core.settings import load_settings
from tools.sandbox.runner import SandboxServer

TRAININGS_PATH = "/talent-training/api/v1/trainings"
LIST_PARAMS = {"page", "limit", "fields.root", "search"}

REFUSED_BASE_URLS = [
    "http://acme.ilucca.net",
    "http://localhost.attacker.example",
    "http://127.0.0.1.nip.io",
    "http://10.0.0.1",
    "http://0x7f000001",
    "http://2130706433",
    "ftp://acme.ilucca.net",
    "https://acme.ilucca.net/talent-training/../../admin",
    "https://acme.ilucca.net?x=1",
    "https://attacker.example#@acme.ilucca.net",
    "https://acme.ilucca.net\\@attacker.example",
    "https://acme.ilucca.net\r\nHost: attacker.example",
]
ACCEPTED_BASE_URLS = [
    ("https://acme.ilucca.net/", "https://acme.ilucca.net"),
    ("http://127.0.0.1:8765", "http://127.0.0.1:8765"),
    ("http://localhost:8765", "http://localhost:8765"),
    ("http://[::1]:8765", "http://[::1]:8765"),
]


@pytest.mark.parametrize("url", REFUSED_BASE_URLS)
def test_a_base_url_that_is_not_https_or_not_a_root_address_is_refused(url: str):
    with pytest.raises(ConfigurationError, match="LUCCA_BASE_URL"):
        load_settings(_env_file=None, lucca_base_url=url)


@pytest.mark.parametrize(("url", "kept"), ACCEPTED_BASE_URLS)
def test_https_and_this_machine_over_http_are_accepted(url: str, kept: str):
    assert load_settings(_env_file=None, lucca_base_url=url).lucca_base_url == kept


def test_the_cli_refuses_plain_http_to_another_host_before_sending_anything(tmp_path):
    env = {"LUCCA_BASE_URL": "http://acme.ilucca.net", "LUCCA_API_KEY": SANDBOX_KEY}
    done = subprocess.run(
        [str(CONSOLE_SCRIPT), "create", "--json", "-", "--output", "json"],
        input=json.dumps(VALID_DRAFT),
        capture_output=True,
        text=True,
        env=clean_env(env),
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    error = json.loads(done.stdout)["error"]
    assert error["kind"] == "configuration" and "https" in error["message"]


HOSTILE_VALID_DRAFTS = {
    "a URL as the title": {"title": "https://attacker.example/x?y=1#z"},
    "a path as the title": {"title": "../../../admin/%2e%2e/%2F"},
    "query syntax in the title": {"title": "x&page=99&id[]=41&search=&limit=1#"},
    "CRLF in the texts": {"title": "x\r\nHost: attacker.example", "subtitle": "a\r\n\r\nb"},
    "an @ and a backslash": {"title": "user@attacker.example\\evil"},
}


@pytest.mark.parametrize("hostile", sorted(HOSTILE_VALID_DRAFTS))
async def test_no_text_of_a_draft_changes_where_a_request_goes(
    hostile: str, lucca: LuccaClient, sandbox: SandboxServer, sent: list[httpx.Request]
):
    draft = {**VALID_DRAFT, **HOSTILE_VALID_DRAFTS[hostile]}

    result = await call_tool(lucca, draft)

    assert not result.is_error, result
    base = httpx.URL(sandbox.base_url)
    for request in sent:
        assert (request.url.scheme, request.url.host, request.url.port) == (
            base.scheme,
            base.host,
            base.port,
        )
        assert request.url.path == TRAININGS_PATH and not request.url.fragment
        assert set(request.url.params) <= LIST_PARAMS, request.url
        if "search" in request.url.params:  # the lookup searches for the title, as a value
            assert request.url.params.get_list("search") == [draft["title"].strip()]
    assert [entry["path"] for entry in sandbox.requests_log()] == [TRAININGS_PATH] * len(sent)
    (post,) = [request for request in sent if request.method == "POST"]
    assert json.loads(post.content)["title"] == draft["title"].strip()


ROUTING_ARGUMENTS = {
    "providerId as a path": {"providerId": "../"},
    "categoryId as a URL": {"categoryId": "https://attacker.example/"},
    "an extra url": {"url": "https://attacker.example"},
    "an extra baseUrl": {"baseUrl": "https://attacker.example"},
    "extra headers": {"headers": {"Host": "attacker.example"}},
    "an extra path": {"path": "/admin"},
    "an id to overwrite": {"id": 41},
}


@pytest.mark.parametrize("argument", sorted(ROUTING_ARGUMENTS))
async def test_arguments_that_try_to_route_a_request_are_refused_and_nothing_is_sent(
    argument: str, lucca: LuccaClient, sent: list[httpx.Request]
):
    extra = ROUTING_ARGUMENTS[argument]

    result = await call_tool(lucca, {**VALID_DRAFT, **extra})

    assert result.is_error
    (name,) = extra
    assert f"- {name}:" in result.content[0].text
    assert sent == []
