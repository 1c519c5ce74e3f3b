"""Which way the user is asked, from what the client declares: elicitation, else the MCP Apps
view, else `MCP_CONFIRM`; and what a cancelled question says."""

import pytest

from tests.mcp.helpers import UserAtKeyboard, apps_client, client, text_of
from tests.support import VALID_DRAFT, posts
from tools.mcp_server.public_names import VIEW_URI

FULL_DRAFT = {**VALID_DRAFT, "type": "Internal", "providerId": 12, "categoryId": 2}


async def call(client_for, server, era, user=None, arguments=FULL_DRAFT):
    async with client_for(server, era, user) as session:
        return await session.call_tool("create_training", arguments)


async def test_a_client_with_elicitation_is_asked_even_when_it_shows_views(
    make_server, sandbox, era
):
    user = UserAtKeyboard("accept")
    result = await call(apps_client, make_server("auto"), era, user)
    assert len(user.questions) == 1
    assert result.structured_content["outcome"] == "created"
    assert len(posts(sandbox)) == 1


@pytest.mark.parametrize("policy", ["auto", "always"])
async def test_a_client_with_views_and_no_elicitation_gets_the_preview(
    make_server, sandbox, era, policy
):
    result = await call(apps_client, make_server(policy), era)
    content = result.structured_content
    assert result.is_error is False
    assert content["outcome"] == "awaiting_confirmation"
    assert content["created"] is False
    assert content["preview"]["title"] == FULL_DRAFT["title"]
    assert content["confirmationToken"]
    assert "Create" in text_of(result)
    assert posts(sandbox) == []  # nothing created until the user clicks


async def test_the_preview_names_the_provider_and_category(make_server, sandbox, era):
    """Read off the catalog's trainings, with Lucca's translations, for the view's locale."""
    result = await call(apps_client, make_server("auto"), era)
    names = result.structured_content["references"]
    assert names["provider"] == {"id": 12, "name": "L'Élan Français", "translations": {}}
    assert names["category"]["name"] == "Languages"
    assert names["category"]["translations"]["fr"] == "Langues"


async def test_a_client_with_neither_follows_auto_and_creates(make_server, sandbox, era):
    result = await call(client, make_server("auto"), era)
    assert result.structured_content["outcome"] == "created"
    assert len(posts(sandbox)) == 1


async def test_a_client_with_neither_is_refused_under_always(make_server, sandbox, era):
    result = await call(client, make_server("always"), era)
    assert result.is_error is True
    assert "neither elicitation nor MCP Apps" in text_of(result)
    assert posts(sandbox) == []


async def test_never_asks_nobody_not_even_in_a_view(make_server, sandbox, era):
    user = UserAtKeyboard("decline")
    result = await call(apps_client, make_server("never"), era, user)
    assert result.structured_content["outcome"] == "created"
    assert user.questions == []


async def test_a_cancelled_question_says_cancelled_and_what_to_do_next(make_server, sandbox, era):
    result = await call(client, make_server("auto"), era, UserAtKeyboard("cancel"))
    text = text_of(result)
    assert result.structured_content["outcome"] == "cancelled"
    assert "cancelled" in text and "declined" not in text
    assert "what to change" not in text
    assert "call create_training again" in text
    assert "MCP Apps" in text  # the other way, where the client has one
    assert posts(sandbox) == []


async def test_a_declined_question_is_the_users_no(make_server, sandbox, era):
    result = await call(client, make_server("auto"), era, UserAtKeyboard("decline"))
    assert result.structured_content["outcome"] == "declined"
    assert "The user declined" in text_of(result)
    assert posts(sandbox) == []


async def test_the_tool_points_at_the_view_and_the_commit_tool_is_for_the_app_only(make_server):
    async with apps_client(make_server(), "2026-07-28") as session:
        tools = {tool.name: tool for tool in (await session.list_tools()).tools}
        page = await session.read_resource(VIEW_URI)
    assert tools["create_training"].meta["ui"]["resourceUri"] == VIEW_URI
    assert tools["confirm_training_creation"].meta["ui"]["visibility"] == ["app"]
    (html,) = page.contents
    assert html.mime_type == "text/html;profile=mcp-app"
    assert "default-src 'none'" in html.text
    assert "<script src" not in html.text and "http" not in html.text.split("<script>")[1][:200]


async def test_the_preview_checks_the_catalog_before_showing_anything(make_server, sandbox):
    """A title the catalog has with other content is refused now, not after the user's click."""
    draft = {**VALID_DRAFT, "title": "Business English for Meetings"}  # seeded, other content
    result = await call(apps_client, make_server(), "2026-07-28", arguments=draft)
    assert result.is_error is True
    assert "(duplicate)" in text_of(result)
    assert "confirmationToken" not in (result.structured_content or {})
    assert posts(sandbox) == []


async def test_a_preview_of_a_training_already_there_gives_it_back(make_server, sandbox):
    async with apps_client(make_server("never"), "2026-07-28") as session:
        first = await session.call_tool("create_training", FULL_DRAFT)  # never: created at once
    async with apps_client(make_server("auto"), "2026-07-28") as session:
        again = await session.call_tool("create_training", FULL_DRAFT)
    assert again.structured_content["outcome"] == "existing"
    assert again.structured_content["training"]["id"] == first.structured_content["training"]["id"]
    assert len(posts(sandbox)) == 1


@pytest.fixture
def attempts():
    from tools.core import events

    seen: list = []
    unsubscribe = events.subscribe(
        lambda event: seen.append(event) if isinstance(event, events.CreationAttempt) else None
    )
    yield seen
    unsubscribe()


@pytest.mark.parametrize("policy", ["auto", "always"])
async def test_a_refused_input_is_reported_once_whatever_the_way(
    make_server, sandbox, era, attempts, policy
):
    """The plan, shared by the question and the body, reads and reports the call once."""
    for client_for in (client, apps_client):
        attempts.clear()
        bad = {**FULL_DRAFT, "level": "Guru"}
        result = await call(client_for, make_server(policy), era, UserAtKeyboard(), bad)
        assert result.is_error is True
        assert [event.outcome for event in attempts] == ["invalid_input"]
    assert posts(sandbox) == []


async def test_a_confirmed_creation_is_one_attempt_in_both_eras(
    make_server, sandbox, era, attempts
):
    await call(client, make_server("auto"), era, UserAtKeyboard("accept"))
    assert [event.outcome for event in attempts] == ["created"]


@pytest.fixture
def plans(monkeypatch):
    """The request each `plan_call` ran for: the decision is made once per phase of a call."""
    from tools.mcp_server import create_tool

    seen: list[str] = []
    plan = create_tool.plan_call

    def counted(policy, ctx):
        seen.append(ctx.request_id)
        return plan(policy, ctx)

    monkeypatch.setattr(create_tool, "plan_call", counted)
    return seen


# How many requests a confirmed call takes: 2026-07-28 asks in an input-required round, so the
# call comes back with the answer; before it, the question is a request inside the one call.
PHASES = {"2026-07-28": 2, "legacy": 1}


@pytest.mark.parametrize("way", ["ask", "view"])
async def test_the_plan_is_made_once_per_phase_of_a_call(make_server, sandbox, era, plans, way):
    """The question and the body share the plan: neither reads the call or decides again."""
    if way == "ask":
        user = UserAtKeyboard("accept")
        result = await call(client, make_server("auto"), era, user)
        assert result.structured_content["outcome"] == "created"
        phases = PHASES[era]
    else:
        result = await call(apps_client, make_server("auto"), era)
        assert result.structured_content["outcome"] == "awaiting_confirmation"
        phases = 1
    assert len(plans) == phases
    assert len(set(plans)) == phases  # one plan per request, never two in the same one
