"""GET trainings: envelope, paging links, filters and search."""

from typing import Any

import httpx
import pytest

from tests.sandbox.helpers import (
    SEEDED_IDS,
    TRAININGS_PATH,
    assert_is_spec_training,
    valid_training,
)
from tools.sandbox.lucca_facts import SEARCH_PARAM

ROOT = {"fields.root": "count,prev,next"}


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


def test_root_fields_add_count_prev_and_next(client: httpx.Client) -> None:
    envelope = client.get(TRAININGS_PATH, params=ROOT).json()

    assert envelope == {**envelope, "count": 4, "prev": None, "next": None}
    only_count = client.get(TRAININGS_PATH, params={"fields.root": "count"}).json()
    assert only_count.keys() == {"items", "count"}


def test_pages_are_one_based_and_linked(client: httpx.Client) -> None:
    new_ids = add_trainings(client, 3)  # 7 trainings in all
    every_id = SEEDED_IDS + new_ids

    first = client.get(TRAININGS_PATH, params={**ROOT, "limit": 3}).json()
    assert ids(first) == every_id[:3]
    assert first["count"] == 7
    assert first["prev"] is None
    assert first["next"] == f"{TRAININGS_PATH}?fields.root=count%2Cprev%2Cnext&limit=3&page=2"

    second = client.get(first["next"]).json()
    assert ids(second) == every_id[3:6]
    assert second["prev"] == f"{TRAININGS_PATH}?fields.root=count%2Cprev%2Cnext&limit=3&page=1"

    last = client.get(second["next"]).json()
    assert ids(last) == every_id[6:]
    assert last["next"] is None
    assert client.get(last["prev"]).json() == second


def test_links_keep_other_params_as_written(client: httpx.Client) -> None:
    def query(page: int) -> str:
        params = ("providerIds[]", "page", "limit", "fields.root", SEARCH_PARAM)
        values = ("12", str(page), "1", "next", "EXTRA")
        return "&".join(f"{name}={value}" for name, value in zip(params, values, strict=True))

    add_trainings(client, 2)  # "Extra 0" and "Extra 1": two pages of one

    envelope = client.get(f"{TRAININGS_PATH}?{query(1)}").json()

    assert ids(envelope) == [45]
    assert envelope == {"items": envelope["items"], "next": f"{TRAININGS_PATH}?{query(2)}"}


def test_a_page_past_the_end_is_empty(client: httpx.Client) -> None:
    envelope = client.get(TRAININGS_PATH, params={**ROOT, "page": 5}).json()

    assert envelope["items"] == []
    assert envelope["count"] == 4
    assert envelope["next"] is None
    assert envelope["prev"].endswith("page=4")


def test_default_limit_is_25_and_max_is_100(client: httpx.Client) -> None:
    add_trainings(client, 22)  # 26 in all

    assert len(client.get(TRAININGS_PATH).json()["items"]) == 25
    assert len(client.get(TRAININGS_PATH, params={"limit": 100}).json()["items"]) == 26


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("page", "0"),
        ("page", "-1"),
        ("page", "two"),
        ("page", ""),
        ("limit", "0"),
        ("limit", "101"),
        ("limit", "1.5"),
        ("id[]", "abc"),
        ("providerIds[]", "12,x"),
        ("categoryIds[]", "99999999999"),
        ("fields.root", "count,total"),
    ],
)
def test_bad_query_values_are_refused_by_name(client: httpx.Client, name: str, value: str) -> None:
    response = client.get(TRAININGS_PATH, params={name: value})

    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json; charset=utf-8"
    assert list(response.json()["errors"]) == [name]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ([("id[]", "42"), ("id[]", "44")], [42, 44]),
        ([("id[]", "44,42,1000")], [42, 44]),
        ([("providerIds[]", "12")], [41]),
        ([("providerIds[]", "3,7")], [42, 44]),
        ([("categoryIds[]", "1")], [43, 44]),
        ([("categoryIds[]", "1"), ("providerIds[]", "3")], [44]),
        ([("categoryIds[]", "2"), ("providerIds[]", "3")], []),
    ],
)
def test_filters_combine(
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

    envelope = client.get(TRAININGS_PATH, params={"id[]": new_id}).json()

    (item,) = envelope["items"]
    assert_is_spec_training(item)
    assert item["provider"]["name"] == "L'Élan Français"
    assert item["category"]["t9n"]["name"]["Es"] == "Idiomas"
