"""Calling create_training through a real MCP client, on a real sandbox, in both protocol eras."""

import pytest

from tests.mcp.helpers import client, text_of
from tests.support import SANDBOX_KEY, VALID_DRAFT, posts

TOO_LONG_TITLE = {**VALID_DRAFT, "title": "T" * 251}
UNKNOWN_LEVEL = {**VALID_DRAFT, "level": "Guru"}
NO_SUBTITLE = {key: value for key, value in VALID_DRAFT.items() if key != "subtitle"}
UNKNOWN_FIELD = {**VALID_DRAFT, "price": 1200}


async def call(server, era, arguments):
    async with client(server, era) as session:
        return await session.call_tool("create_training", arguments)


async def test_a_valid_call_creates_one_training_and_answers_its_id_and_status(
    make_server, sandbox, era
):
    result = await call(make_server(), era, {**VALID_DRAFT, "providerId": 12, "categoryId": 2})
    assert result.is_error is False
    output = result.structured_content
    assert output["outcome"] == "created" and output["created"] is True
    training = output["training"]
    (post,) = posts(sandbox)
    assert post["status"] == 201
    assert training["id"] == 45  # the sandbox's seeds end at 44
    assert training["title"] == VALID_DRAFT["title"]
    assert training["catalogStatus"].startswith("Ready")
    assert "public catalog" in training["catalogStatus"]
    assert training["provider"] == {"id": 12, "name": "L'Élan Français"}
    assert "#45" in text_of(result) and "Ready" in text_of(result)


@pytest.mark.parametrize(
    ("arguments", "field", "says"),
    [
        (TOO_LONG_TITLE, "title", "at most 250 characters (got 251)"),
        (UNKNOWN_LEVEL, "level", "must be one of Beginner, Middle, Expert (got 'Guru')"),
        (NO_SUBTITLE, "subtitle", "is required"),
        (UNKNOWN_FIELD, "price", "is not a field of a training"),
    ],
    ids=["251-char title", "level Guru", "no subtitle", "unknown field"],
)
async def test_invalid_input_is_an_error_naming_the_field_and_nothing_is_sent(
    make_server, sandbox, era, arguments, field, says
):
    result = await call(make_server(), era, arguments)
    assert result.is_error is True
    assert f"- {field}: " in text_of(result)
    assert says in text_of(result)
    assert "nothing was sent to Lucca" in text_of(result)
    assert posts(sandbox) == []


async def test_every_bad_field_is_named_in_one_answer(make_server, sandbox, era):
    arguments = {**NO_SUBTITLE, "title": "T" * 251, "level": "Guru", "price": 1, "dryRun": "yes"}
    text = text_of(await call(make_server(), era, arguments))
    for field in ("title", "subtitle", "level", "price", "dryRun"):
        assert f"- {field}: " in text
    assert posts(sandbox) == []


async def test_a_dry_run_previews_without_sending(make_server, sandbox, era):
    result = await call(make_server(), era, {**VALID_DRAFT, "title": "  Spaced  ", "dryRun": True})
    assert result.is_error is False
    assert result.structured_content["outcome"] == "dry_run"
    assert result.structured_content["created"] is False
    assert result.structured_content["preview"]["title"] == "Spaced"
    assert result.structured_content["training"] is None
    assert posts(sandbox) == []


async def test_lucca_refusing_the_key_is_an_error_that_names_no_secret(make_server, sandbox, era):
    sandbox.add_faults({"method": "POST", "status": 401})
    result = await call(make_server(), era, VALID_DRAFT)
    assert result.is_error is True
    assert "not created (auth)" in text_of(result).lower()
    assert SANDBOX_KEY not in text_of(result)


async def test_a_rate_limited_call_says_when_to_retry(make_server, sandbox, era):
    sandbox.add_faults(*[{"method": "POST", "status": 429, "headers": {"Retry-After": "600"}}] * 6)
    result = await call(make_server(), era, VALID_DRAFT)
    assert result.is_error is True
    assert "Retry after: 600 seconds." in text_of(result)
    assert "Safe to call again: yes" in text_of(result)


async def test_a_lost_answer_is_recovered_from_the_catalog(make_server, sandbox, era):
    sandbox.add_faults({"method": "POST", "drop": "after"})  # created, then the line drops
    result = await call(make_server(), era, VALID_DRAFT)
    assert result.is_error is False
    assert result.structured_content["outcome"] == "recovered"
    assert result.structured_content["training"]["id"] == 45
    assert "Lucca's answer was lost" in text_of(result)
    assert len(posts(sandbox)) == 1


async def test_a_request_lost_before_lucca_saw_it_is_safe_to_call_again(make_server, sandbox, era):
    sandbox.add_faults({"method": "POST", "drop": "before"})
    result = await call(make_server(), era, VALID_DRAFT)
    assert result.is_error is True
    text = text_of(result)
    assert "it was not created" in text and "Safe to call again: yes" in text
    assert len(posts(sandbox)) == 1


async def test_a_title_already_there_is_refused_unless_a_duplicate_is_asked_for(
    make_server, sandbox, era
):
    server = make_server()
    await call(server, era, VALID_DRAFT)
    other = {**VALID_DRAFT, "level": "Expert"}
    refused = await call(server, era, other)
    assert refused.is_error is True
    assert '#45 "Negotiation basics"' in text_of(refused) and "allowDuplicate" in text_of(refused)
    assert len(posts(sandbox)) == 1
    second = await call(server, era, {**other, "allowDuplicate": True})
    assert second.structured_content["outcome"] == "created"
    assert second.structured_content["training"]["id"] == 46
    assert len(posts(sandbox)) == 2


async def test_a_retried_call_gets_the_first_training_back(make_server, sandbox, era):
    server = make_server()
    first = await call(server, era, VALID_DRAFT)
    again = await call(server, era, VALID_DRAFT)
    assert again.structured_content["outcome"] == "existing"
    assert again.structured_content["created"] is False
    assert again.structured_content["training"]["id"] == first.structured_content["training"]["id"]
    assert len(posts(sandbox)) == 1
