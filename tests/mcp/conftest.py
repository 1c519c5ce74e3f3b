"""An MCP server on a real sandbox, and clients of both protocol eras talking to it."""

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import pytest
from mcp.server import MCPServer

from tests.mcp.helpers import ERAS
from tests.support import LUCCA_WAIT_SECONDS, SANDBOX_KEY
from tools.core.client import LuccaClient, new_http_client
from tools.core.trainings import Trainings
from tools.mcp_server.server import build_mcp_server
from tools.mcp_server.settings import load_mcp_settings
from tools.sandbox.runner import SandboxServer


@pytest.fixture(params=ERAS)
def era(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def make_server(sandbox: SandboxServer) -> Callable[..., MCPServer]:
    def make(confirm: str = "auto", **settings: object) -> MCPServer:
        @asynccontextmanager
        async def open_trainings() -> AsyncIterator[Trainings]:
            async with new_http_client(timeout_seconds=LUCCA_WAIT_SECONDS) as http:
                yield Trainings(LuccaClient(http, sandbox.base_url, SANDBOX_KEY))

        return build_mcp_server(load_mcp_settings(mcp_confirm=confirm, **settings), open_trainings)

    return make
