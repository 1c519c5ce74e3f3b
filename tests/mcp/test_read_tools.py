"""The read tools and the training resource, through a real client, on a real sandbox, in both
protocol eras: what an assistant needs to find ids and similar trainings before it creates one."""

import json

import mcp_types as types
import pytest
from mcp.shared.exceptions import MCPError

from tests.mcp.helpers import client, text_of
from tests.support import VALID_DRAFT, posts

READ_TOOLS = ("search_trainings", "list_providers", "list_categories")
LIST_PATH = "/talent-training/api/v1/trainings"


async def call(server, era, tool, arguments=None):
    async with client(server, era) as session:
        return await session.call_tool(tool, arguments or {})


def list_gets(sandbox) -> list[dict]:
    return [e for e in sandbox.requests_log() if e["method"] == "GET" and e["path"] == LIST_PATH]


async def test_each_read_tool_is_listed_read_only_with_an_output_schema(make_server, era):
    async with client(make_server(), era) as session:
        tools = {tool.name: tool for tool in (await session.list_tools()).tools}
        templates = (await session.list_resource_templates()).resource_templates
    assert set(READ_TOOLS) <= set(tools)
    for name in READ_TOOLS:
        hints = tools[name].annotations
        assert (hints.read_only_hint, hints.idempotent_hint) == (True, True), name
        assert (hints.open_world_hint, hints.destructive_hint) == (True, False), name
        assert tools[name].output_schema["type"] == "object", name
    assert tools["search_trainings"].input_schema["properties"]["limit"]["maximum"] == 50
    assert [t.uri_template for t in templates] == ["training://trainings/{id}"]


async def test_elan_without_its_accent_finds_l_elan_francais(make_server, era):
    result = await call(make_server(), era, "list_providers", {"query": "ELAN"})
    assert result.is_error is False, text_of(result)
    assert result.structured_content["providers"] == [
        {"id": 12, "name": "L'Élan Français", "trainings": 1}
    ]
    assert result.structured_content["complete"] is True


async def test_every_provider_in_use_is_listed_with_its_count(make_server, sandbox, era):
    result = await call(make_server(), era, "list_providers")
    listed = result.structured_content["providers"]
    providers = {p["id"]: (p["name"], p["trainings"]) for p in listed}
    assert providers == {
        3: ("Atelier Numérique", 1),
        7: ("SafeWork Academy", 1),
        12: ("L'Élan Français", 1),
    }


async def test_a_category_comes_back_in_french_for_language_fr(make_server, era):
    result = await call(make_server(), era, "list_categories", {"language": "fr"})
    names = {c["id"]: c["name"] for c in result.structured_content["categories"]}
    assert names == {1: "Management", 2: "Langues", 5: "Santé et sécurité"}
    english = await call(make_server(), era, "list_categories", {"query": "sante"})
    assert english.structured_content["categories"] == [
        {"id": 5, "name": "Health and safety", "trainings": 1}
    ]


async def test_a_query_that_matches_nothing_says_how_to_see_them_all(make_server, era):
    result = await call(make_server(), era, "list_categories", {"query": "cooking"})
    assert result.is_error is False
    assert result.structured_content["categories"] == []
    assert "without a query" in result.structured_content["summary"]


async def test_search_finds_trainings_with_their_provider_category_and_count(make_server, era):
    result = await call(make_server(), era, "search_trainings", {"query": "english"})
    assert result.is_error is False, text_of(result)
    output = result.structured_content
    (training,) = output["trainings"]
    assert training == {
        "id": 41,
        "title": "Business English for Meetings",
        "subtitle": "Lead and follow meetings in English with ease",
        "level": "Middle",
        "type": "External",
        "state": "Ready",
        "provider": {"id": 12, "name": "L'Élan Français"},
        "category": {"id": 2, "name": "Languages"},
    }
    assert (output["total"], output["more"]) == (1, False)


async def test_search_by_category_pages_and_says_more_exist(make_server, sandbox, era):
    sandbox.seed_trainings(
        [{**VALID_DRAFT, "title": f"Team course {n}", "categoryId": 1} for n in range(6)]
    )
    result = await call(make_server(), era, "search_trainings", {"categoryId": 1, "limit": 3})
    output = result.structured_content
    assert len(output["trainings"]) == 3
    assert {t["category"]["id"] for t in output["trainings"]} == {1}
    assert (output["total"], output["more"]) == (8, True)
    assert "More match" in output["summary"]


async def test_a_long_subtitle_is_shortened_in_a_search(make_server, sandbox, era):
    sandbox.seed_trainings([{**VALID_DRAFT, "title": "Wordy", "subtitle": "long words " * 90}])
    result = await call(make_server(), era, "search_trainings", {"query": "Wordy"})
    (training,) = result.structured_content["trainings"]
    assert len(training["subtitle"]) <= 160 and training["subtitle"].endswith("words long…")


async def test_a_limit_over_50_is_an_error_the_model_can_fix(make_server, sandbox, era):
    result = await call(make_server(), era, "search_trainings", {"limit": 51})
    assert result.is_error is True
    assert "limit" in text_of(result)
    assert list_gets(sandbox) == []


async def test_lucca_failing_is_an_error_that_says_what_to_do(make_server, sandbox, era):
    sandbox.add_faults({"method": "GET", "status": 401})
    result = await call(make_server(), era, "list_providers")
    assert result.is_error is True
    text = text_of(result)
    assert text.startswith("Could not read the catalog (auth)")
    assert "Safe to call again: yes, reading changes nothing." in text
    assert "API key" in text  # the next step: what the operator must fix


async def test_a_provider_found_by_name_creates_and_its_link_reads_it_back(
    make_server, sandbox, era
):
    async with client(make_server(), era) as session:
        found = await session.call_tool("list_providers", {"query": "élan"})
        (provider,) = found.structured_content["providers"]
        categories = await session.call_tool(
            "list_categories", {"query": "langues", "language": "fr"}
        )
        (category,) = categories.structured_content["categories"]
        arguments = {**VALID_DRAFT, "providerId": provider["id"], "categoryId": category["id"]}
        created = await session.call_tool("create_training", arguments)
        (link,) = [b for b in created.content if isinstance(b, types.ResourceLink)]
        contents = (await session.read_resource(link.uri)).contents
    assert created.is_error is False, text_of(created)
    training_id = created.structured_content["training"]["id"]
    assert str(link.uri) == f"training://trainings/{training_id}"
    record = json.loads(contents[0].text)
    assert contents[0].mime_type == "application/json"
    assert record["id"] == training_id and record["title"] == VALID_DRAFT["title"]
    assert record["provider"] == {"id": 12, "name": "L'Élan Français"}
    assert record["category"]["id"] == 2
    assert record["description"] == VALID_DRAFT["description"]
    assert record["isMandatory"] is True
    assert len(posts(sandbox)) == 1


@pytest.mark.parametrize(("uri", "says"), [("99", "no training #99"), ("abc", "not a training")])
async def test_reading_a_training_that_is_not_there_is_refused_with_the_reason(
    make_server, era, uri, says
):
    async with client(make_server(), era) as session:
        with pytest.raises(MCPError, match=says):
            await session.read_resource(f"training://trainings/{uri}")


async def test_the_assistant_is_told_to_search_and_resolve_names_before_drafting(make_server, era):
    async with client(make_server(), era) as session:
        tools = {tool.name: tool for tool in (await session.list_tools()).tools}
        prompt = await session.get_prompt("draft_training", {"topic": "French for sales"})
        guide = (await session.read_resource("training://guide")).contents[0].text
    create = tools["create_training"].description
    assert "ask the user, never invent" not in create and "never invent one" in create
    for text in (create, prompt.messages[0].content.text, guide):
        for name in READ_TOOLS:
            assert name in text, name
    assert "before drafting" in create.lower() and "before drafting" in guide.lower()
    assert "training://trainings/{id}" in tools["search_trainings"].description
