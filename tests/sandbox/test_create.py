"""POST trainings: what a successful creation answers, and what it stores."""

import httpx

from tests.sandbox.helpers import (
    SEEDED_IDS,
    TRAININGS_PATH,
    assert_is_spec_training,
    training_url,
    valid_training,
)
from tools.sandbox.runner import SandboxServer


def test_created_training_matches_the_spec_and_the_request(client: httpx.Client) -> None:
    response = client.post(TRAININGS_PATH, json=valid_training())

    assert response.status_code == 201
    assert response.headers["content-type"].startswith("application/json")
    training = response.json()
    assert_is_spec_training(training)
    assert training == {
        "id": 45,
        "state": "Ready",
        "type": "External",
        "title": "Mastering French: From Basics to Fluency",
        "subtitle": "A Complete Training Program to Speak, Read, and Write with Confidence",
        "description": "Unlock the beauty of the French language.",
        "level": "Beginner",
        "isCertifying": False,
        "isMandatory": False,
        "provider": {
            "id": 12,
            "name": "L'Élan Français",
            "websiteHref": "https://elan-francais.fr",
        },
        "category": {
            "id": 2,
            "name": "Languages",
            "t9n": {"name": {"Fr": "Langues", "En": "Languages", "Es": "Idiomas"}},
        },
    }


def test_location_points_at_the_new_training(sandbox: SandboxServer, client: httpx.Client) -> None:
    created = client.post(TRAININGS_PATH, json=valid_training())

    location = created.headers["location"]
    assert location == f"{sandbox.base_url}{TRAININGS_PATH}/{created.json()['id']}"
    fetched = client.get(location)
    assert fetched.status_code == 200
    assert fetched.json() == created.json()


def test_ids_grow_above_every_existing_id(client: httpx.Client) -> None:
    first = client.post(TRAININGS_PATH, json=valid_training()).json()["id"]
    second = client.post(TRAININGS_PATH, json=valid_training()).json()["id"]

    assert first > max(SEEDED_IDS)
    assert second == first + 1


def test_type_is_kept_and_ids_are_optional(client: httpx.Client) -> None:
    body = valid_training(type="Internal", providerId=None, categoryId=None, isMandatory=True)

    training = client.post(TRAININGS_PATH, json=body).json()

    assert_is_spec_training(training)
    assert training["type"] == "Internal"
    assert training["isMandatory"] is True
    assert "provider" not in training
    assert "category" not in training


def test_null_provider_and_category_mean_not_given(client: httpx.Client) -> None:
    body = {**valid_training(), "providerId": None, "categoryId": None}

    response = client.post(TRAININGS_PATH, json=body)

    assert response.status_code == 201
    assert "provider" not in response.json()


def test_text_is_stored_exactly_as_given(client: httpx.Client) -> None:
    body = valid_training(title="  Spaces kept  ", description="Line one\n\tLine two ")

    created = client.post(TRAININGS_PATH, json=body).json()
    fetched = client.get(training_url(created["id"])).json()

    assert fetched["title"] == "  Spaces kept  "
    assert fetched["description"] == "Line one\n\tLine two "


def test_unknown_and_read_only_fields_are_ignored(client: httpx.Client) -> None:
    body = valid_training(
        id=7, state="Archived", provider={"id": 3}, category={"id": 1}, colour="blue"
    )

    training = client.post(TRAININGS_PATH, json=body).json()

    assert training["id"] != 7
    assert training["state"] == "Ready"
    assert training["provider"]["id"] == 12
    assert training["category"]["id"] == 2
    assert "colour" not in training


def test_json_with_a_charset_or_a_json_suffix_is_accepted(client: httpx.Client) -> None:
    content = httpx.Request("POST", "/", json=valid_training()).content
    for content_type in ("application/json; charset=utf-8", "application/problem+json"):
        response = client.post(
            TRAININGS_PATH, content=content, headers={"content-type": content_type}
        )
        assert response.status_code == 201, content_type


def test_get_one_answers_the_seeded_training_in_spec_shape(client: httpx.Client) -> None:
    response = client.get(training_url(41))

    assert response.status_code == 200
    assert_is_spec_training(response.json())
    assert response.json()["provider"]["id"] == 12
