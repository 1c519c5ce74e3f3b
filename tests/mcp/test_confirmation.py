"""The user confirms before the write: accepted creates once, anything else creates nothing."""

import pytest

from tests.mcp.helpers import UserAtKeyboard, client, text_of
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
    assert "cannot show a confirmation" in text_of(result)
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
