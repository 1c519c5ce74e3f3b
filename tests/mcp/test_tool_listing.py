"""What an assistant sees before its first call: the schema from the spec, honest annotations."""

from tests.mcp.helpers import client, create_tool
from tests.support import WRITABLE_FIELDS
from tools.core.spec import load_spec, training_input_schema
from tools.mcp_server.create_tool import CreateTrainingOutput


async def listed_tool(server, era):
    async with client(server, era) as session:
        tool = create_tool(await session.list_tools())
    return tool


async def test_the_input_schema_is_the_specs_writable_fields_plus_two_flags(make_server, era):
    tool = await listed_tool(make_server(), era)
    schema = tool.input_schema
    assert tool.name == "create_training"
    assert list(schema["properties"]) == [*WRITABLE_FIELDS, "dryRun", "allowDuplicate"]
    assert schema["properties"]["dryRun"]["type"] == "boolean"
    assert schema["properties"]["allowDuplicate"]["type"] == "boolean"
    assert schema["additionalProperties"] is False
    spec_required = load_spec()["components"]["schemas"]["v1.Training"]["required"]
    assert schema["required"] == spec_required
    limits = {name: schema["properties"][name].get("maxLength") for name in WRITABLE_FIELDS}
    assert limits["title"] == 250 and limits["subtitle"] == 1000 and limits["description"] == 6000
    assert schema["properties"]["level"]["enum"] == ["Beginner", "Middle", "Expert"]
    assert schema["properties"]["type"]["enum"] == ["External", "Internal"]
    without_dry_run = {**schema, "properties": dict(schema["properties"])}
    del without_dry_run["properties"]["dryRun"]
    del without_dry_run["properties"]["allowDuplicate"]
    assert without_dry_run == training_input_schema()


async def test_annotations_say_it_writes_adds_and_reaches_outside(make_server, era):
    annotations = (await listed_tool(make_server(), era)).annotations
    assert annotations.title
    assert annotations.read_only_hint is False
    assert annotations.destructive_hint is False
    assert annotations.idempotent_hint is False
    assert annotations.open_world_hint is True


async def test_the_output_schema_describes_the_structured_result(make_server, era):
    tool = await listed_tool(make_server(), era)
    assert tool.output_schema["type"] == "object"
    assert set(tool.output_schema["properties"]) == set(CreateTrainingOutput.model_fields)
    created = tool.output_schema["$defs"]["CreatedTraining"]
    assert {"id", "catalogStatus", "state"} <= set(created["properties"])


async def test_the_description_gives_the_model_what_it_needs(make_server, era):
    description = (await listed_tool(make_server(), era)).description
    for needed in (
        "250",
        "1000",
        "6000",
        "Beginner",
        "Ready",
        "public catalog",
        "draft_training",
        "improve_training_description",
        "dryRun",
    ):
        assert needed in description, needed
