"""The view's confirmation token: only the exact draft the user saw, by the same caller, soon.

Created on one replica and replayed on another sharing the keys, it still makes one training."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import mcp_types as types
import pytest
from mcp.server import MCPServer

from tests.mcp.helpers import apps_client, bearer_client, text_of
from tests.servers import free_port, serving
from tests.support import SANDBOX_KEY, VALID_DRAFT, posts
from tools.core.draft import validate_draft
from tools.core.events import Caller
from tools.core.settings import load_settings
from tools.core.trainings import Trainings
from tools.mcp_server.confirmation_token import ConfirmationTokens, TokenRefused
from tools.mcp_server.public_names import COMMIT_TOOL_NAME
from tools.mcp_server.server import build_mcp_server
from tools.mcp_server.settings import load_mcp_settings
from tools.state.store import open_store
from tools.wiring.lucca_connection import open_trainings

SHARED_KEYS = "k" * 40  # what replicas share in MCP_REQUEST_STATE_KEYS
ERA = "2026-07-28"


async def preview(session, arguments=VALID_DRAFT) -> dict:
    result = await session.call_tool("create_training", arguments)
    assert result.structured_content["outcome"] == "awaiting_confirmation", text_of(result)
    return result.structured_content


async def commit(session, token: str, training: dict) -> types.CallToolResult:
    return await session.call_tool(
        COMMIT_TOOL_NAME, {"confirmationToken": token, "training": training}
    )


async def test_the_click_creates_the_previewed_training_once(make_server, sandbox, era):
    async with apps_client(make_server(), era) as session:
        shown = await preview(session)
        result = await commit(session, shown["confirmationToken"], shown["preview"])
    assert result.structured_content["outcome"] == "created"
    assert isinstance(result.structured_content["training"]["id"], int)
    assert len(posts(sandbox)) == 1


async def test_used_twice_it_creates_nothing_more_and_gives_the_first_back(make_server, sandbox):
    async with apps_client(make_server(), ERA) as session:
        shown = await preview(session)
        first = await commit(session, shown["confirmationToken"], shown["preview"])
        again = await commit(session, shown["confirmationToken"], shown["preview"])
    assert again.structured_content["outcome"] == "existing"
    assert again.structured_content["created"] is False
    assert again.structured_content["training"]["id"] == first.structured_content["training"]["id"]
    assert len(posts(sandbox)) == 1


async def test_an_altered_token_is_refused(make_server, sandbox):
    async with apps_client(make_server(), ERA) as session:
        shown = await preview(session)
        token = shown["confirmationToken"]
        altered = token[:-6] + ("A" if token[-6] != "A" else "B") + token[-5:]
        result = await commit(session, altered, shown["preview"])
    assert result.is_error is True
    assert "not one this server issued" in text_of(result)
    assert posts(sandbox) == []


@pytest.mark.parametrize(
    "change",
    [{"description": "Something else entirely."}, {"isMandatory": False}, {"level": "Expert"}],
    ids=["text", "flag", "level"],
)
async def test_a_token_for_other_content_is_refused(make_server, sandbox, change):
    async with apps_client(make_server(), ERA) as session:
        shown = await preview(session)
        result = await commit(session, shown["confirmationToken"], {**shown["preview"], **change})
    assert result.is_error is True
    assert "differs from the one the confirmation was given for" in text_of(result)
    assert posts(sandbox) == []


async def test_an_invalid_final_draft_is_refused_by_name_before_the_token(make_server, sandbox):
    async with apps_client(make_server(), ERA) as session:
        shown = await preview(session)
        too_long = {**shown["preview"], "title": "x" * 251}
        result = await commit(session, shown["confirmationToken"], too_long)
    assert result.is_error is True
    assert "title" in text_of(result) and "250" in text_of(result)
    assert posts(sandbox) == []


def test_an_expired_token_is_refused():
    now = [1_000.0]
    tokens = ConfirmationTokens([SHARED_KEYS], ttl_seconds=600, clock=lambda: now[0])
    draft, caller = validate_draft(VALID_DRAFT), Caller(face="mcp", who="alice")
    token = tokens.mint(draft, caller, allow_duplicate=False)
    now[0] += 599
    assert tokens.open(token, draft, caller).allow_duplicate is False
    now[0] += 2
    with pytest.raises(TokenRefused, match="expired"):
        tokens.open(token, draft, caller)


def test_a_token_for_another_caller_is_refused():
    tokens = ConfirmationTokens([SHARED_KEYS])
    draft = validate_draft(VALID_DRAFT)
    alice = Caller(face="mcp", who="alice", subject="sub-alice")
    token = tokens.mint(draft, alice, allow_duplicate=False)
    for other in (
        Caller(face="mcp", who="alice", subject="sub-mallory"),  # same name, other person
        Caller(face="mcp", who="bob"),
        Caller(face="mcp"),
    ):
        with pytest.raises(TokenRefused, match="someone else"):
            tokens.open(token, draft, other)


async def test_two_replicas_sharing_keys_make_one_training(make_server, sandbox):
    one = make_server(mcp_request_state_keys=SHARED_KEYS)
    other = make_server(mcp_request_state_keys=SHARED_KEYS)
    async with apps_client(one, ERA) as first, apps_client(other, ERA) as second:
        shown = await preview(first)
        created = await commit(first, shown["confirmationToken"], shown["preview"])
        replayed = await commit(second, shown["confirmationToken"], shown["preview"])
    assert created.structured_content["outcome"] == "created"
    assert replayed.structured_content["outcome"] == "existing"
    assert (
        replayed.structured_content["training"]["id"]
        == created.structured_content["training"]["id"]
    )
    assert len(posts(sandbox)) == 1


async def test_two_replicas_on_one_store_make_one_training_even_when_a_second_was_allowed(
    sandbox, tmp_path
):
    """With `allowDuplicate` the catalog's duplicate check is skipped: only the store's record
    of used confirmations keeps a replay on the other replica from creating a second one."""
    url = f"sqlite:///{tmp_path / 'state.sqlite3'}"
    settings = load_settings(
        lucca_base_url=sandbox.base_url, lucca_api_key=SANDBOX_KEY, lucca_rate_limit=0
    )

    def replica() -> MCPServer:
        @asynccontextmanager
        async def open_replicas_trainings() -> AsyncIterator[Trainings]:
            async with (
                open_store(url) as store,
                open_trainings(settings, sandbox=False, store=store) as trainings,
            ):
                yield trainings

        mcp_settings = load_mcp_settings(mcp_request_state_keys=SHARED_KEYS)
        return build_mcp_server(mcp_settings, open_replicas_trainings)

    async with apps_client(replica(), ERA) as first, apps_client(replica(), ERA) as second:
        shown = await preview(first, {**VALID_DRAFT, "allowDuplicate": True})
        created = await commit(first, shown["confirmationToken"], shown["preview"])
        replayed = await commit(second, shown["confirmationToken"], shown["preview"])
    assert created.structured_content["outcome"] == "created", text_of(created)
    assert replayed.structured_content["outcome"] == "existing", text_of(replayed)
    assert (
        replayed.structured_content["training"]["id"]
        == created.structured_content["training"]["id"]
    )
    assert len(posts(sandbox)) == 1


async def test_a_replica_with_other_keys_refuses_the_token(make_server, sandbox):
    async with apps_client(make_server(), ERA) as first, apps_client(make_server(), ERA) as other:
        shown = await preview(first)
        result = await commit(other, shown["confirmationToken"], shown["preview"])
    assert result.is_error is True
    assert posts(sandbox) == []


ALICE, BOB = "alice-token-0123456789", "bob-token-0123456789ab"


@pytest.fixture
def two_callers_server(sandbox, tmp_path):
    env = {
        "LUCCA_BASE_URL": sandbox.base_url,
        "LUCCA_API_KEY": SANDBOX_KEY,
        "MCP_AUTH_TOKENS": f"alice:{ALICE},bob:{BOB}",
    }
    with serving(["serve"], env, str(tmp_path), free_port()) as base_url:
        yield f"{base_url}/mcp"


async def test_over_http_another_caller_cannot_use_the_token(two_callers_server, sandbox):
    async with bearer_client(two_callers_server, ERA, ALICE, apps=True) as alice:
        shown = await preview(alice)
    async with bearer_client(two_callers_server, ERA, BOB, apps=True) as bob:
        refused = await commit(bob, shown["confirmationToken"], shown["preview"])
    assert refused.is_error is True
    assert "given to someone else" in text_of(refused)
    assert posts(sandbox) == []
    async with bearer_client(two_callers_server, ERA, ALICE, apps=True) as alice:
        created = await commit(alice, shown["confirmationToken"], shown["preview"])
    assert created.structured_content["outcome"] == "created"
    assert len(posts(sandbox)) == 1
