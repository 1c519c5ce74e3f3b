"""POST trainings refused: every check answers like ASP.NET Core, and all errors come at once."""

import json
import re
from typing import Any

import httpx
import pytest

from tests.sandbox.helpers import TRAININGS_PATH, valid_training
from tools.sandbox.validation import TOO_DEEP, InvalidBody, check_training

WRITABLE = {"title", "subtitle", "description", "level", "isCertifying", "isMandatory"}
WRITABLE |= {"type", "providerId", "categoryId"}
JSON_HEADERS = {"Content-Type": "application/json"}
TRACE_ID = r"^00-[0-9a-f]{32}-[0-9a-f]{16}-00$"


def post_errors(client: httpx.Client, body: Any) -> dict[str, list[str]]:
    """The errors object of a 400 problem+json answer, after checking the problem's shape."""
    response = client.post(TRAININGS_PATH, json=body)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json; charset=utf-8"
    problem = response.json()
    assert problem["type"] == "https://tools.ietf.org/html/rfc9110#section-15.5.1"
    assert problem["title"] == "One or more validation errors occurred."
    assert problem["status"] == 400
    assert re.match(TRACE_ID, problem["traceId"])
    return problem["errors"]


def conversion(path: str, clr_type: str) -> dict[str, list[str]]:
    message = f"The JSON value could not be converted to {clr_type}. Path: {path}"
    return {path: [message]}


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"level": "Guru"}, conversion("$.level", "Lucca.Training.Level")),
        ({"level": "beginner"}, conversion("$.level", "Lucca.Training.Level")),
        ({"level": 0}, conversion("$.level", "Lucca.Training.Level")),
        ({"type": "Outsourced"}, conversion("$.type", "Lucca.Training.TrainingType")),
        ({"title": 42}, conversion("$.title", "System.String")),
        ({"description": ["a"]}, conversion("$.description", "System.String")),
        (
            {"isCertifying": "true"},
            conversion("$.isCertifying", "System.Nullable`1[System.Boolean]"),
        ),
        ({"isMandatory": 1}, conversion("$.isMandatory", "System.Nullable`1[System.Boolean]")),
        ({"providerId": "12"}, conversion("$.providerId", "System.Nullable`1[System.Int32]")),
        ({"providerId": 12.5}, conversion("$.providerId", "System.Nullable`1[System.Int32]")),
        ({"categoryId": True}, conversion("$.categoryId", "System.Nullable`1[System.Int32]")),
        ({"categoryId": 2**31}, conversion("$.categoryId", "System.Nullable`1[System.Int32]")),
    ],
)
def test_wrong_json_types_are_reported_by_json_path(
    client: httpx.Client, overrides: dict[str, Any], expected: dict[str, list[str]]
) -> None:
    assert post_errors(client, valid_training(**overrides)) == expected


def test_null_for_the_non_nullable_type_enum_is_a_conversion_error(client: httpx.Client) -> None:
    body = {**valid_training(), "type": None}

    assert post_errors(client, body) == conversion("$.type", "Lucca.Training.TrainingType")


@pytest.mark.parametrize(
    ("field", "key"),
    [
        ("title", "Title"),
        ("subtitle", "Subtitle"),
        ("description", "Description"),
        ("level", "Level"),
        ("isCertifying", "IsCertifying"),
        ("isMandatory", "IsMandatory"),
    ],
)
@pytest.mark.parametrize("how", ["missing", "null"])
def test_required_fields_are_reported_by_property_name(
    client: httpx.Client, field: str, key: str, how: str
) -> None:
    body = valid_training()
    if how == "missing":
        del body[field]
    else:
        body[field] = None

    assert post_errors(client, body) == {key: [f"The {key} field is required."]}


@pytest.mark.parametrize("blank", ["", " ", "\t\n ", "\u00a0"])
def test_blank_strings_count_as_missing(client: httpx.Client, blank: str) -> None:
    errors = post_errors(client, valid_training(subtitle=blank))

    assert errors == {"Subtitle": ["The Subtitle field is required."]}


def too_long(key: str, limit: int) -> dict[str, list[str]]:
    message = f"The field {key} must be a string or array type with a maximum length of '{limit}'."
    return {key: [message]}


@pytest.mark.parametrize(
    ("field", "limit"), [("title", 250), ("subtitle", 1000), ("description", 6000)]
)
def test_lengths_are_limited(client: httpx.Client, field: str, limit: int) -> None:
    # "é" is one UTF-16 code unit (it is in the Basic Multilingual Plane), as is any BMP character.
    at_limit = client.post(TRAININGS_PATH, json=valid_training(**{field: "é" * limit}))
    assert at_limit.status_code == 201

    errors = post_errors(client, valid_training(**{field: "é" * (limit + 1)}))
    assert errors == too_long(field.capitalize(), limit)


ROCKET = "\U0001f680"  # outside the BMP: two UTF-16 code units, as .NET's string.Length counts


def test_an_emoji_counts_two_towards_a_length_as_in_dotnet(client: httpx.Client) -> None:
    assert client.post(TRAININGS_PATH, json=valid_training(title=ROCKET * 125)).status_code == 201

    assert post_errors(client, valid_training(title=ROCKET * 126)) == too_long("Title", 250)
    assert post_errors(client, valid_training(title="a" * 249 + ROCKET)) == too_long("Title", 250)


def test_a_lone_surrogate_is_not_a_string(client: httpx.Client) -> None:
    """JSON can escape half a surrogate pair; .NET cannot read that into a string."""
    body = json.dumps(valid_training(title="\ud83d alone"))  # ASCII-only: the escape survives
    headers = {"content-type": "application/json"}

    response = client.post(TRAININGS_PATH, content=body, headers=headers)

    assert response.status_code == 400
    assert response.json()["errors"] == conversion("$.title", "System.String")


@pytest.mark.parametrize("bad_id", [99, 0, -3])
def test_unknown_provider_and_category_are_refused(client: httpx.Client, bad_id: int) -> None:
    errors = post_errors(client, valid_training(providerId=bad_id, categoryId=bad_id))

    assert errors == {
        "ProviderId": [f"Provider {bad_id} does not exist."],
        "CategoryId": [f"Category {bad_id} does not exist."],
    }


def test_all_errors_are_collected_in_one_answer(client: httpx.Client) -> None:
    body = {
        "title": "x" * 251,
        "subtitle": "   ",
        "level": "Guru",
        "isCertifying": "no",
        "providerId": 99,
        "categoryId": "2",
    }

    errors = post_errors(client, body)

    assert errors == {
        **too_long("Title", 250),
        "Subtitle": ["The Subtitle field is required."],
        "Description": ["The Description field is required."],
        **conversion("$.level", "Lucca.Training.Level"),
        **conversion("$.isCertifying", "System.Nullable`1[System.Boolean]"),
        "IsMandatory": ["The IsMandatory field is required."],
        "ProviderId": ["Provider 99 does not exist."],
        **conversion("$.categoryId", "System.Nullable`1[System.Int32]"),
    }


def test_nothing_is_stored_when_refused(client: httpx.Client) -> None:
    client.post(TRAININGS_PATH, json=valid_training(level="Guru"))

    listed = client.get(TRAININGS_PATH, params={"fields.root": "count"}).json()
    assert listed["count"] == 4


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "A non-empty request body is required."),
        (b"{not json", "Path: $"),
        (b'{"title": NaN}', "Path: $"),
        (b"\xff\xfe{}", "not valid UTF-8"),
        (b"[1, 2]", "could not be converted to Lucca.Training.TrainingInput"),
        (b'"a string"', "could not be converted to Lucca.Training.TrainingInput"),
    ],
)
def test_a_body_that_is_not_a_json_object_is_reported_at_the_root(
    client: httpx.Client, content: bytes, fragment: str
) -> None:
    response = client.post(
        TRAININGS_PATH, content=content, headers={"content-type": "application/json"}
    )

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert list(errors) == ["$"]
    assert fragment in errors["$"][0]


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded"])
def test_a_body_that_is_not_declared_json_is_unsupported(
    client: httpx.Client, content_type: str | None
) -> None:
    headers = {"content-type": content_type} if content_type else {}
    content = httpx.Request("POST", "/", json=valid_training()).content

    response = client.post(TRAININGS_PATH, content=content, headers=headers)

    assert response.status_code == 415
    assert response.headers["content-type"] == "application/problem+json; charset=utf-8"
    assert response.json()["status"] == 415


def test_a_chunked_body_within_the_limit_is_read_whole(client: httpx.Client) -> None:
    content = httpx.Request("POST", "/", json=valid_training()).content

    response = client.post(
        TRAININGS_PATH,
        content=iter([content[:10], content[10:]]),
        headers={"content-type": "application/json"},
    )

    assert response.status_code == 201


def test_check_training_keeps_only_writable_fields() -> None:
    data = {**valid_training(type="Internal"), "id": 1, "state": "Archived", "extra": 1}

    accepted = check_training(data, lambda _: True, lambda _: True)

    assert accepted == {key: value for key, value in data.items() if key in WRITABLE}
    with pytest.raises(InvalidBody):
        check_training({}, lambda _: True, lambda _: True)


@pytest.mark.parametrize("opening", [b"[", b'{"title":'])
def test_json_nested_too_deep_for_any_parser_is_a_400_not_a_500(
    client: httpx.Client, opening: bytes
) -> None:
    deep = opening * 100_000
    response = client.post(TRAININGS_PATH, content=deep, headers=JSON_HEADERS)
    assert response.status_code == 400, response.text
    assert response.json()["errors"] == {"$": [TOO_DEEP]}
    deep_but_small = b"[" * 5000  # the fault list's body is capped lower
    faults = client.post("/_sandbox/faults", content=deep_but_small, headers=JSON_HEADERS)
    assert faults.status_code == 400 and "nested too deeply" in faults.json()["error"]
