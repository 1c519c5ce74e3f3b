"""The fault matrix through the MCP tool: an in-memory client calls `create_training` once."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import mcp_types as types
import pytest
from mcp import Client

from tests.faults.matrix import CASES, DRAFT, FIRST_NEW_ID, RAW_HTML, Case, Witness, case_ids
from tests.mcp.helpers import text_of
from tools.core.client import LuccaClient
from tools.core.lucca_api import SERVER_TIMEOUT_SECONDS
from tools.core.trainings import Trainings
from tools.mcp_server.server import build_mcp_server
from tools.mcp_server.settings import load_mcp_settings


async def call_tool(lucca: LuccaClient) -> types.CallToolResult:
    @asynccontextmanager
    async def open_lucca() -> AsyncIterator[Trainings]:
        yield Trainings(lucca)

    server = build_mcp_server(load_mcp_settings(mcp_confirm="never"), open_lucca)
    async with Client(server, mode="2026-07-28") as session:
        return await session.call_tool("create_training", DRAFT)


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
async def test_mcp_tool_under_each_fault(
    case: Case, lucca: LuccaClient, witness: Witness, sleeps: list[float]
):
    witness.prepare(case)

    result = await call_tool(lucca)

    text = text_of(result)
    assert "Traceback" not in text and not RAW_HTML.search(text), text
    if case.succeeds:
        assert not result.is_error, text
        structured = result.structured_content or {}
        assert structured["outcome"] == case.outcome, text
        assert structured["training"]["id"] == FIRST_NEW_ID
        assert f"#{FIRST_NEW_ID}" in text
        if case.outcome == "recovered":
            assert "lost" in text, text
    else:
        assert result.is_error, text
        assert f"({case.outcome})" in text, text
        safe = "Safe to call again: yes" in text
        assert safe is case.safe_to_retry, text
        for pattern in case.says:
            assert pattern.search(text), f"{pattern.pattern!r} not in {text!r}"
        for name in case.fields:
            assert f"- {name}:" in text, text
    if case.settles:  # the lookup waited for Lucca's own abort, through the injected sleep
        assert sleeps and 0 < max(sleeps) <= SERVER_TIMEOUT_SECONDS
    witness.check(case)
