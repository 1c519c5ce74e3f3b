"""The spec, the tool's JSON schema and TrainingDraft must agree; these fail when they drift."""

import copy
from typing import Any

import jsonschema
import pytest

from tests.support import VALID_DRAFT, WRITABLE_FIELDS
from tools.core.draft import TrainingDraft, validate_draft
from tools.core.errors import InvalidDraft
from tools.core.spec import load_spec, training_input_schema

WRITABLE = WRITABLE_FIELDS


def test_schema_offers_exactly_the_writable_fields_with_their_limits():
    schema = training_input_schema()
    props = schema["properties"]
    assert list(props) == WRITABLE
    assert [props[f]["maxLength"] for f in ("title", "subtitle", "description")] == [
        250,
        1000,
        6000,
    ]
    assert props["level"]["enum"] == ["Beginner", "Middle", "Expert"]
    assert props["type"]["enum"] == ["External", "Internal"]
    assert props["providerId"]["type"] == props["categoryId"]["type"] == "integer"
    assert schema["required"] == load_spec()["components"]["schemas"]["v1.Training"]["required"]
    assert schema["additionalProperties"] is False
    assert not {"id", "state", "provider", "category"} & set(props)
    jsonschema.Draft202012Validator.check_schema(schema)


def test_limits_come_from_the_spec_texts():
    spec = copy.deepcopy(load_spec())
    title = spec["components"]["schemas"]["v1.Training"]["properties"]["title"]
    title["description"] = "Name of the training (maximum length = 300 characters)"
    assert training_input_schema(spec)["properties"]["title"]["maxLength"] == 300


def test_a_string_field_without_a_limit_in_the_spec_is_an_error_not_a_silent_gap():
    spec = copy.deepcopy(load_spec())
    spec["components"]["schemas"]["v1.Training"]["properties"]["subtitle"]["description"] = "Sub"
    with pytest.raises(ValueError, match="maximum length"):
        training_input_schema(spec)


def _model_view(prop: dict[str, Any]) -> dict[str, Any]:
    """A pydantic property reduced to the constraints the JSON schema states (null = optional)."""
    branch = next((b for b in prop.get("anyOf", [prop]) if b.get("type") != "null"), prop)
    keys = ("type", "enum", "minLength", "maxLength", "minimum", "maximum")
    return {key: branch[key] for key in keys if key in branch}


def disagreements(schema: dict[str, Any]) -> list[str]:
    model = TrainingDraft.model_json_schema()
    found = []
    if set(model["properties"]) != set(schema["properties"]):
        found.append(f"fields: {sorted(model['properties'])} != {sorted(schema['properties'])}")
    if sorted(model["required"]) != sorted(schema["required"]):
        found.append(f"required: {model['required']} != {schema['required']}")
    for name, prop in schema["properties"].items():
        want = {k: v for k, v in prop.items() if k not in ("description", "pattern")}
        got = _model_view(model["properties"].get(name, {}))
        if got != want:
            found.append(f"{name}: model {got} != schema {want}")
    if model.get("additionalProperties") is not False:
        found.append("the model accepts unknown fields")
    return found


def test_model_agrees_with_the_schema_derived_from_the_spec():
    assert disagreements(training_input_schema()) == []


def test_the_agreement_check_catches_a_drifted_spec():
    spec = copy.deepcopy(load_spec())
    props = spec["components"]["schemas"]["v1.Training"]["properties"]
    props["subtitle"]["description"] = "Short summary (maximum length = 2000 characters)"
    props["level"] = {"type": "string", "enum": ["Beginner", "Middle", "Expert", "Master"]}
    spec["components"]["schemas"]["v1.Training"]["required"].append("type")
    found = disagreements(training_input_schema(spec))
    assert any(line.startswith("subtitle:") for line in found)
    assert any(line.startswith("level:") for line in found)
    assert any(line.startswith("required:") for line in found)


VALID = VALID_DRAFT

SAMPLES = [
    VALID,
    {**VALID, "title": "t" * 250},
    {**VALID, "title": "t" * 251},
    {**VALID, "subtitle": "s" * 1001},
    {**VALID, "description": "d" * 6000},
    {**VALID, "description": "d" * 6001},
    {**VALID, "title": ""},
    {**VALID, "title": "   "},
    {**VALID, "level": "Guru"},
    {**VALID, "level": "beginner"},
    {**VALID, "type": "Internal"},
    {**VALID, "type": "Online"},
    {**VALID, "isCertifying": "true"},
    {**VALID, "isMandatory": 1},
    {**VALID, "providerId": 12, "categoryId": 2},
    {**VALID, "providerId": 0},
    {**VALID, "providerId": "12"},
    {**VALID, "categoryId": 2**31},
    {**VALID, "unknown": 1},
    {**VALID, "state": "Ready"},
    {k: v for k, v in VALID.items() if k != "subtitle"},
]


def test_known_differences_the_schema_cannot_express():
    """The model trims before counting, and counts as Lucca does: these two differ on purpose."""
    validator = jsonschema.Draft202012Validator(training_input_schema())
    padded = {**VALID, "title": "t" * 250 + "  "}
    assert not validator.is_valid(padded) and validate_draft(padded).title == "t" * 250
    rockets = {**VALID, "title": "\U0001f680" * 200}
    assert validator.is_valid(rockets)
    with pytest.raises(InvalidDraft, match="as Lucca counts them"):
        validate_draft(rockets)


@pytest.mark.parametrize("sample", SAMPLES)
def test_schema_and_model_accept_and_refuse_the_same_inputs(sample):
    schema_ok = jsonschema.Draft202012Validator(training_input_schema()).is_valid(sample)
    try:
        validate_draft(sample)
        model_ok = True
    except InvalidDraft:
        model_ok = False
    assert schema_ok == model_ok
