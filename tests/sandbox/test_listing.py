"""GET trainings: the envelope, the query as Lucca's "get-trainings-v1" page writes it, filters
and search. Paging itself is in test_paging.py."""

from typing import Any

import httpx
import pytest

from tests.sandbox.helpers import (
    SEEDED_IDS,
    TRAININGS_PATH,
    assert_is_spec_training,
    valid_training,
)
from tools.sandbox.catalog_seed import filler_trainings
from tools.sandbox.lucca_facts import SEARCH_PARAM
from tools.sandbox.runner import SandboxServer

# One root field per parameter, repeated: the only form the docs show.
ROOT = [("fields.root", "count"), ("fields.root", "prev"), ("fields.root", "next")]


def ids(envelope: dict[str, Any]) -> list[int]:
    return [item["id"] for item in envelope["items"]]


def add_trainings(client: httpx.Client, count: int) -> list[int]:
    created = [
        client.post(TRAININGS_PATH, json=valid_training(title=f"Extra {n}")) for n in range(count)
    ]
    return [response.json()["id"] for response in created]


def test_the_envelope_holds_only_items_unless_root_fields_are_asked(client: httpx.Client) -> None:
    response = client.get(TRAININGS_PATH)

    assert response.status_code == 200
    assert response.json().keys() == {"items"}
    assert ids(response.json()) == SEEDED_IDS
    for item in response.json()["items"]:
        assert_is_spec_training(item)


def test_root_fields_asked_one_per_parameter_come_back(client: httpx.Client) -> None:
    envelope = client.get(TRAININGS_PATH, params=ROOT).json()

    assert envelope == {"items": envelope["items"], "count": 4, "prev": None, "next": None}
    only_count = client.get(TRAININGS_PATH, params={"fields.root": "count"}).json()
    assert only_count.keys() == {"items", "count"}
    prev_and_next = client.get(TRAININGS_PATH, params=ROOT[1:]).json()
    assert prev_and_next.keys() == {"items", "prev", "next"}


def test_a_root_field_asked_twice_is_answered_once(client: httpx.Client) -> None:
    asked = [("fields.root", "count"), ("fields.root", "count")]

    assert client.get(TRAININGS_PATH, params=asked).json().keys() == {"items", "count"}


def test_limit_0_answers_no_items_but_the_root_fields(client: httpx.Client) -> None:
    envelope = client.get(TRAININGS_PATH, params=[*ROOT, ("limit", "0")]).json()

    assert envelope == {"items": [], "count": 4, "prev": None, "next": None}


def test_default_limit_is_25_and_max_is_100(sandbox: SandboxServer, client: httpx.Client) -> None:
    sandbox.seed_trainings(filler_trainings(97))  # 101 in all

    assert len(client.get(TRAININGS_PATH).json()["items"]) == 25
    assert len(client.get(TRAININGS_PATH, params={"limit": 100}).json()["items"]) == 100


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("page", "0"),
        ("page", "-1"),
        ("page", "two"),
        ("page", ""),
        ("page", "99999999999"),
        ("limit", "-1"),
        ("limit", "101"),
        ("limit", "1.5"),
        ("limit", ""),
        ("id", "abc"),
        ("providerIds", "12,x"),
        ("categoryIds", "99999999999"),
        ("fields.root", "total"),
        ("fields.root", ""),
        # The comma-joined form is not in the docs: a client relying on it is told so.
        ("fields.root", "count,next"),
        # Filters are written without []: a client writing them with [] is told which one.
        ("id[]", "41"),
        ("providerIds[]", "12"),
        ("categoryIds[]", "1"),
    ],
)
def test_bad_query_values_are_refused_by_name(client: httpx.Client, name: str, value: str) -> None:
    response = client.get(TRAININGS_PATH, params={name: value})

    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json; charset=utf-8"
    assert list(response.json()["errors"]) == [name]


def test_every_bad_parameter_is_named_at_once(client: httpx.Client) -> None:
    query = [("id[]", "41"), ("limit", "500"), ("fields.root", "count,prev")]

    errors = client.get(TRAININGS_PATH, params=query).json()["errors"]

    assert sorted(errors) == ["fields.root", "id[]", "limit"]
    assert "id=1&id=2" in errors["id[]"][0]  # the message shows the form to write instead


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ([("id", "42"), ("id", "44")], [42, 44]),
        ([("id", "44,42,1000")], [42, 44]),
        ([("id", "44"), ("id", "41,43")], [41, 43, 44]),
        ([("providerIds", "12")], [41]),
        ([("providerIds", "3,7")], [42, 44]),
        ([("providerIds", "3"), ("providerIds", "7")], [42, 44]),
        ([("categoryIds", "1")], [43, 44]),
        ([("categoryIds", "1"), ("providerIds", "3")], [44]),
        ([("categoryIds", "2"), ("providerIds", "3")], []),
    ],
)
def test_filters_repeat_split_on_commas_and_combine(
    client: httpx.Client, params: list[tuple[str, str]], expected: list[int]
) -> None:
    envelope = client.get(TRAININGS_PATH, params=[*params, ("fields.root", "count")]).json()

    assert ids(envelope) == expected
    assert envelope["count"] == len(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ENGLISH", [41]),  # title, any case
        ("sst", [42]),  # subtitle
        ("DASHBOARDS", [44]),  # description
        ("réglementaire", [42]),
        ("RÉGLEMENTAIRE", [42]),  # non-ASCII folds too
        ("feedback", [43]),
        ("no such words", []),
    ],
)
def test_search_matches_title_subtitle_and_description(
    client: httpx.Client, text: str, expected: list[int]
) -> None:
    envelope = client.get(TRAININGS_PATH, params={SEARCH_PARAM: text, "fields.root": "count"})

    assert ids(envelope.json()) == expected
    assert envelope.json()["count"] == len(expected)


def test_created_trainings_are_listed_with_their_references(client: httpx.Client) -> None:
    (new_id,) = add_trainings(client, 1)

    envelope = client.get(TRAININGS_PATH, params={"id": new_id}).json()

    (item,) = envelope["items"]
    assert_is_spec_training(item)
    assert item["provider"]["name"] == "L'Élan Français"
    assert item["category"]["t9n"]["name"]["Es"] == "Idiomas"
