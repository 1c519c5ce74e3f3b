"""Hostile arguments through the MCP tool (an in-memory client, the server as it ships): never a
crash or a traceback, never a request for invalid data, and an error naming the field each time;
drafts the listed schema allows are accepted unless Lucca would refuse them (UTF-16 length)."""

import asyncio
import concurrent.futures
import json
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import mcp_types as types
import pytest
from hypothesis import given
from mcp import Client

from tests.hostile.strategies import (
    BOUNDED,
    fits_lucca,
    hostile_drafts,
    schema_drafts,
    with_classic_mistakes,
)
from tests.mcp.helpers import text_of
from tests.support import SANDBOX_KEY, VALID_DRAFT
from tools.core.client import LuccaClient, new_http_client
from tools.core.trainings import Trainings
from tools.mcp_server.http_app import mcp_http_app
from tools.mcp_server.server import build_mcp_server
from tools.mcp_server.settings import load_mcp_settings
from tools.sandbox.runner import SandboxServer


class ToolInThread:
    """One server and one client for all of a test's examples (building them per example costs
    more than the examples), on an event loop of their own: Hypothesis drives examples
    synchronously, and the client must be closed by the task that opened it."""

    def __init__(self, sandbox: SandboxServer) -> None:
        self.sandbox = sandbox
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.opened: concurrent.futures.Future[Client] = concurrent.futures.Future()

    def __enter__(self) -> "ToolInThread":
        self.thread.start()
        self.held = asyncio.run_coroutine_threadsafe(self._hold(), self.loop)
        self.client = self.opened.result(timeout=30)
        return self

    def __exit__(self, *exc: object) -> None:
        self.loop.call_soon_threadsafe(self.stop.set)
        self.held.result(timeout=30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=30)
        self.loop.close()

    def call(self, arguments: Any) -> types.CallToolResult:
        coroutine = self.client.call_tool("create_training", arguments)
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=120)

    async def _hold(self) -> None:
        self.stop = asyncio.Event()

        @asynccontextmanager
        async def open_lucca() -> AsyncIterator[Trainings]:
            async with new_http_client(timeout_seconds=5.0) as http:
                yield Trainings(LuccaClient(http, self.sandbox.base_url, SANDBOX_KEY))

        server = build_mcp_server(load_mcp_settings(mcp_confirm="never"), open_lucca)
        async with Client(server, mode="2026-07-28") as client:
            self.opened.set_result(client)
            await self.stop.wait()


@pytest.fixture
def tool(sandbox: SandboxServer) -> Iterator[ToolInThread]:
    with ToolInThread(sandbox) as running:
        yield running


def shown_name(name: str) -> str:
    return name if len(name) <= 60 else name[:57] + "..."


def lucca_requests(sandbox: SandboxServer) -> int:
    return len(sandbox.requests_log())


@BOUNDED
@given(case=hostile_drafts())
@with_classic_mistakes
def test_a_hostile_argument_is_refused_by_name_and_nothing_is_sent(sandbox, tool, case):
    arguments, broken = case
    before = lucca_requests(sandbox)

    result = tool.call(arguments)

    text = text_of(result)
    assert result.is_error, text
    assert f"- {shown_name(broken)}:" in text, text
    assert "Traceback" not in text
    assert lucca_requests(sandbox) == before


@BOUNDED
@given(draft=schema_drafts())
def test_a_draft_the_schema_allows_is_accepted_unless_lucca_counts_it_too_long(
    sandbox, tool, draft
):
    result = tool.call({**draft, "dryRun": True})

    text = text_of(result)
    refused = fits_lucca(draft)
    if refused:
        assert result.is_error and all(f"- {name}:" in text for name in refused), text
    else:
        assert not result.is_error, text
        assert result.structured_content["outcome"] == "dry_run"
    assert lucca_requests(sandbox) == 0


HUGE = 10 * 1024 * 1024


def test_ten_megabytes_in_each_text_field_is_refused_by_name(sandbox, tool):
    for name in ("title", "subtitle", "description"):
        arguments = {**VALID_DRAFT, name: "\U0001f600" * (HUGE // 4)}
        result = tool.call(arguments)
        text = text_of(result)
        assert result.is_error and f"- {name}:" in text, text[:500]
        assert len(text) < 5000  # the refusal does not echo the megabytes
    assert lucca_requests(sandbox) == 0


async def test_ten_thousand_levels_of_nesting_are_refused_by_name(sandbox):
    """Sent as raw JSON over the HTTP transport: the SDK's own client cannot even encode it."""
    settings = load_mcp_settings(_env_file=None, mcp_confirm="never", mcp_stateless=True)

    @asynccontextmanager
    async def open_lucca() -> AsyncIterator[Trainings]:
        async with new_http_client(timeout_seconds=5.0) as http:
            yield Trainings(LuccaClient(http, sandbox.base_url, SANDBOX_KEY))

    server = build_mcp_server(settings, open_lucca)
    app = mcp_http_app(server, settings, host="127.0.0.1")
    fields = json.dumps(VALID_DRAFT)[1:-1]
    arguments = f'{{{fields}, "subtitle": {deep_json_text(10_000)}}}'
    body = (
        '{"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": '
        f'"create_training", "arguments": {arguments}, "_meta": {json.dumps(STATELESS_META)}}}}}'
    )
    async with server.session_manager.run():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:1") as http:
            answer = await http.post("/mcp", content=body, headers=RAW_CALL_HEADERS)

    assert "Traceback" not in answer.text and len(answer.text) < 5000
    # Deeper than Python's JSON parser goes: the SDK refuses the request as unparsable, before
    # any tool runs (a field cannot be named in a request that cannot be read).
    assert answer.json()["error"]["code"] == PARSE_ERROR, answer.text
    assert lucca_requests(sandbox) == 0


PARSE_ERROR = -32700
STATELESS_META = {
    "io.modelcontextprotocol/protocolVersion": "2026-07-28",
    "io.modelcontextprotocol/clientCapabilities": {},
}
RAW_CALL_HEADERS = {
    "Accept": "application/json, text/event-stream",
    "Content-Type": "application/json",
    "MCP-Protocol-Version": "2026-07-28",
    "Mcp-Method": "tools/call",
    "Mcp-Name": "create_training",
}


def deep_json_text(levels: int) -> str:
    """`[{"a": [{"a": ... "x" ...}]}]` as text, built without recursion."""
    return '[{"a": ' * (levels // 2) + '"x"' + "}]" * (levels // 2)
