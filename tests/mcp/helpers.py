"""Clients of both protocol eras, and a stand-in for the person answering confirmations."""

import mcp_types as types
from mcp import Client
from mcp.client.extension import advertise
from mcp.client.streamable_http import streamable_http_client
from mcp.server import MCPServer
from mcp.server.apps import APP_MIME_TYPE, EXTENSION_ID
from mcp.shared._httpx_utils import create_mcp_http_client

from tests.support import model_visible

# "2026-07-28": stateless, elicitation as an input-required round; "legacy": the initialize
# handshake and a server-to-client elicitation request.
ERAS = ["2026-07-28", "legacy"]


class UserAtKeyboard:
    """An elicitation callback that answers like a person would, and remembers what it saw."""

    def __init__(self, action: str = "accept", confirm: bool = True) -> None:
        self.action = action
        self.confirm = confirm
        self.questions: list[types.ElicitRequestParams] = []

    async def __call__(
        self, context: object, params: types.ElicitRequestParams
    ) -> types.ElicitResult:
        self.questions.append(params)
        content = {"confirm": self.confirm} if self.action == "accept" else None
        return types.ElicitResult(action=self.action, content=content)


def client(server: MCPServer, era: str, user: UserAtKeyboard | None = None) -> Client:
    return Client(server, mode=era, elicitation_callback=user)


def apps_support():
    """What a host that shows MCP Apps views declares (Claude, ChatGPT, VS Code, Goose)."""
    return advertise(EXTENSION_ID, {"mimeTypes": [APP_MIME_TYPE]})


def apps_client(server: MCPServer, era: str, user: UserAtKeyboard | None = None) -> Client:
    return Client(server, mode=era, elicitation_callback=user, extensions=[apps_support()])


def bearer_client(
    url: str, era: str, token: str | None, user: UserAtKeyboard | None = None, *, apps=False
) -> Client:
    """A client of an HTTP server at `url`, sending `token` as its bearer token."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    transport = streamable_http_client(url, http_client=create_mcp_http_client(headers=headers))
    extensions = [apps_support()] if apps else None
    return Client(transport, mode=era, elicitation_callback=user, extensions=extensions)


# Every tool the server lists, in its order: the one that writes, then the ones that read.
TOOL_NAMES = ["create_training", "search_trainings", "list_providers", "list_categories"]


def create_tool(listed: types.ListToolsResult) -> types.Tool:
    """`create_training` among the tools a model sees, which must be exactly `TOOL_NAMES` (a host
    hides the MCP Apps view's app-only tool from its model)."""
    tools = model_visible(listed.tools)
    assert [tool.name for tool in tools] == TOOL_NAMES
    return tools[0]


def text_of(result: types.CallToolResult) -> str:
    return "\n".join(block.text for block in result.content if isinstance(block, types.TextContent))


def leaves(group: BaseExceptionGroup) -> list[BaseException]:
    """The errors inside (nested) exception groups, as a client's task groups raise them."""
    return [
        leaf
        for error in group.exceptions
        for leaf in (leaves(error) if isinstance(error, BaseExceptionGroup) else [error])
    ]
