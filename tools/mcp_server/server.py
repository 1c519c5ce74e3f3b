"""Building the MCP server: the tools, prompts, resources, and the Lucca client's lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from mcp.server import MCPServer
from mcp.server.apps import Apps
from mcp.server.request_state import RequestStateSecurity

from tools.mcp_server import guide
from tools.mcp_server.access import AccessPolicy
from tools.mcp_server.commit_tool import register_commit_tool
from tools.mcp_server.confirmation_token import ConfirmationTokens
from tools.mcp_server.create_tool import create_training_tool
from tools.mcp_server.preview_view import register_preview_view
from tools.mcp_server.prompt_registry import register_prompts
from tools.mcp_server.read_tools import read_tools, register_training_resource
from tools.mcp_server.settings import McpSettings
from tools.mcp_server.state import ServerState, TrainingsOpener

if TYPE_CHECKING:  # PyJWT and the OAuth code load only where HTTP auth is built
    from tools.mcp_server.oauth import McpAuth

SERVER_NAME = "lucca-training"
INSTRUCTIONS = (
    "Creates trainings in the company's Lucca Training catalog. Look for similar trainings first "
    "(search_trainings), resolve provider and category names to ids (list_providers, "
    "list_categories), draft the texts with the user (prompt draft_training), check them with "
    "create_training and dryRun: true, then create. Read training://guide for the fields, limits "
    "and levels."
)


def build_mcp_server(
    settings: McpSettings, open_trainings: TrainingsOpener, *, auth: McpAuth | None = None
) -> MCPServer[ServerState]:
    """The server; `open_trainings` yields the process's `Trainings` for the server's lifetime.

    `auth` is given for HTTP (`tools.mcp_server.oauth.build_auth`): `/mcp` then requires a token.
    """
    access = AccessPolicy.of(auth.oauth if auth else None)

    @asynccontextmanager
    async def lifespan(_: MCPServer[ServerState]) -> AsyncIterator[ServerState]:
        state = ServerState(open_trainings, access)
        try:
            yield state
        finally:
            await state.aclose()

    keys = settings.request_state_keys()
    tokens = ConfirmationTokens(keys)  # the same keys: any replica opens another's token
    apps = Apps()
    register_preview_view(apps)
    register_commit_tool(apps, tokens)
    server: MCPServer[ServerState] = MCPServer(
        SERVER_NAME,
        title="Lucca Training",
        instructions=INSTRUCTIONS,
        version=_version(),
        tools=[create_training_tool(settings.mcp_confirm, tokens), *read_tools()],
        extensions=[apps],
        lifespan=lifespan,
        token_verifier=auth.verifier if auth else None,
        auth=auth.settings if auth else None,
        request_state_security=RequestStateSecurity(keys=keys) if keys else None,
        log_level="WARNING",  # our own logger says what matters; stdio keeps stdout clean anyway
    )
    server.resource(guide.SCHEMA_URI, name="schema", mime_type="application/json")(
        guide.schema_json
    )
    server.resource(guide.GUIDE_URI, name="guide", mime_type="text/markdown")(guide.guide_markdown)
    register_training_resource(server)
    register_prompts(server)
    return server


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lucca-training")
    except PackageNotFoundError:
        return "0"
