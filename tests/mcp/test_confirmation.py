"""The user confirms before the write: accepted creates once, anything else creates nothing."""

import mcp_types as types
import pytest
from mcp.shared.exceptions import MCPError

from tests.mcp.helpers import UserAtKeyboard, client, leaves, text_of
from tests.support import VALID_DRAFT, posts

FULL_DRAFT = {**VALID_DRAFT, "type": "Internal", "providerId": 12, "categoryId": 2}


async def call(server, era, user, arguments=FULL_DRAFT):
    async with client(server, era, user) as session:
        return await session.call_tool("create_training", arguments)


async def test_accepted_creates_exactly_once(make_server, sandbox, era):
    user = UserAtKeyboard("accept")
    result = await call(make_server("auto"), era, user)
    assert result.structured_content["outcome"] == "created"
    assert len(user.questions) == 1
    assert len(posts(sandbox)) == 1


async def test_the_question_shows_what_will_be_created(make_server, era):
    user = UserAtKeyboard("decline")
    await call(make_server("auto"), era, user)
    (question,) = user.questions
    for shown in (
        "Title: Negotiation basics",
        "Level: Beginner",
        "Type: Internal",
        "Provider: #12",
        "Category: #2",
        "public catalog",
    ):
        assert shown in question.message, shown
    assert question.requested_schema["properties"]["confirm"]["type"] == "boolean"


@pytest.mark.parametrize(
    ("user", "outcome"),
    [
        (UserAtKeyboard("decline"), "declined"),
        (UserAtKeyboard("cancel"), "cancelled"),
        (UserAtKeyboard("accept", confirm=False), "declined"),
    ],
    ids=["declined", "cancelled", "accepted but unticked"],
)
async def test_anything_but_a_yes_creates_nothing_and_says_so(
    make_server, sandbox, era, user, outcome
):
    result = await call(make_server("auto"), era, user)
    assert result.is_error is False
    assert result.structured_content["outcome"] == outcome
    assert result.structured_content["created"] is False
    assert "nothing was created" in text_of(result)
    assert posts(sandbox) == []


async def test_always_fails_closed_when_the_client_cannot_be_asked(make_server, sandbox, era):
    result = await call(make_server("always"), era, user=None)
    assert result.is_error is True
    assert "cannot be asked" in text_of(result)
    assert "MCP_CONFIRM=always" in text_of(result)
    assert posts(sandbox) == []


async def test_always_asks_a_client_that_can_be_asked(make_server, sandbox, era):
    user = UserAtKeyboard("accept")
    result = await call(make_server("always"), era, user)
    assert result.structured_content["outcome"] == "created"
    assert len(user.questions) == 1


async def test_auto_creates_without_asking_a_client_that_cannot_be_asked(make_server, sandbox, era):
    result = await call(make_server("auto"), era, user=None)
    assert result.structured_content["outcome"] == "created"
    assert len(posts(sandbox)) == 1


async def test_never_does_not_ask(make_server, sandbox, era):
    user = UserAtKeyboard("decline")
    result = await call(make_server("never"), era, user)
    assert result.structured_content["outcome"] == "created"
    assert user.questions == []


@pytest.mark.parametrize(
    "arguments",
    [{**VALID_DRAFT, "level": "Guru"}, {**VALID_DRAFT, "dryRun": True}],
    ids=["invalid", "dry run"],
)
async def test_nothing_is_asked_when_nothing_would_be_sent(make_server, sandbox, era, arguments):
    user = UserAtKeyboard("accept")
    await call(make_server("always"), era, user, arguments)
    assert user.questions == []
    assert posts(sandbox) == []


async def confirm_then_retry(server, retried_arguments):
    """Drive a 2026-07-28 confirmation round by hand: the retry may carry other arguments."""
    async with client(server, "2026-07-28", UserAtKeyboard("accept")) as session:
        asked = await session.session.call_tool(
            "create_training", FULL_DRAFT, allow_input_required=True
        )
        assert isinstance(asked, types.InputRequiredResult)
        (key,) = asked.input_requests
        yes = {key: types.ElicitResult(action="accept", content={"confirm": True})}
        return await session.session.call_tool(
            "create_training",
            retried_arguments,
            input_responses=yes,
            request_state=asked.request_state,
            allow_input_required=True,
        )


async def test_the_confirmed_draft_is_the_one_created(make_server, sandbox):
    result = await confirm_then_retry(make_server("auto"), FULL_DRAFT)
    assert result.structured_content["outcome"] == "created"
    assert len(posts(sandbox)) == 1


@pytest.mark.parametrize("field", ["description", "subtitle", "isMandatory"])
async def test_a_yes_does_not_carry_over_to_a_changed_draft(make_server, sandbox, field):
    """The sealed request state is bound to the call it was made for: a retry carrying other
    arguments is refused, so a confirmed draft cannot be swapped for an unconfirmed one."""
    changed = {**FULL_DRAFT, field: not FULL_DRAFT[field] if field == "isMandatory" else "Other"}
    refusals: list[str] = []
    try:
        await confirm_then_retry(make_server("auto"), changed)
    except* MCPError as refused:  # raised inside the client's task group
        refusals = [str(error) for error in leaves(refused)]
    assert refusals == ["Invalid or expired requestState"]
    assert posts(sandbox) == []
