"""The read tools and the training resource behind OAuth: the read scope is enough to read, and a
token without it reads nothing, against a real authorization server on loopback."""

import httpx
import pytest
from mcp.shared.exceptions import MCPError

from tests.mcp.helpers import ERAS, bearer_client, leaves, text_of
from tests.mcp.oauth.conftest import CREATE, READ
from tests.mcp.oauth.test_tokens import MCP_HEADERS, META, alice, resource

SEARCH = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "tools/call",
    "params": {"name": "search_trainings", "arguments": {"query": "English"}},
}


@pytest.mark.parametrize("era", ERAS)
async def test_the_read_scope_alone_searches_lists_and_reads_a_training(
    authorization_server, resource_server, era
):
    token = authorization_server.token(alice(resource_server, scope=READ, groups=[]))
    async with bearer_client(resource(resource_server), era, token) as session:
        search = await session.call_tool("search_trainings", {"query": "English"})
        providers = await session.call_tool("list_providers", {"query": "elan"})
        categories = await session.call_tool("list_categories", {"language": "fr"})
        training = await session.read_resource("training://trainings/41")
    for result in (search, providers, categories):
        assert not result.is_error, text_of(result)
    assert search.structured_content["trainings"][0]["id"] == 41
    assert providers.structured_content["providers"][0]["id"] == 12
    assert "Langues" in {c["name"] for c in categories.structured_content["categories"]}
    assert '"Business English for Meetings"' in training.contents[0].text


async def test_without_the_read_scope_a_search_is_refused_naming_the_scope(
    authorization_server, resource_server
):
    token = authorization_server.token(alice(resource_server, scope=CREATE))
    with pytest.raises(BaseExceptionGroup) as refused:
        async with bearer_client(resource(resource_server), "2026-07-28", token) as session:
            await session.call_tool("search_trainings", {"query": "English"})
    assert [type(error) for error in leaves(refused.value)] == [MCPError]
    # What the SDK client reports as "an error response" is the door's 403, which says why.
    response = httpx.post(
        resource(resource_server),
        json={**SEARCH, "params": {**SEARCH["params"], "_meta": META}},
        headers={**MCP_HEADERS, "Mcp-Method": "tools/call", "Authorization": f"Bearer {token}"},
        trust_env=False,
    )
    assert response.status_code == 403
    assert f'scope="{READ}"' in response.headers["www-authenticate"]
