"""Paging the trainings list: opaque cursors in `next`/`prev`, passed back as `page`, and the
switches that rehearse cursors and `next` behaving other than we expect."""

from typing import Any

import httpx
import pytest

from tests.sandbox.helpers import SEEDED_IDS, TRAININGS_PATH, valid_training
from tools.sandbox.catalog_seed import filler_trainings
from tools.sandbox.runner import SandboxServer

ROOT = [("fields.root", "count"), ("fields.root", "prev"), ("fields.root", "next")]


def ids(envelope: dict[str, Any]) -> list[int]:
    return [item["id"] for item in envelope["items"]]


def page(client: httpx.Client, at: int | str, limit: int, *extra: tuple[str, str]) -> Any:
    response = client.get(
        TRAININGS_PATH, params=[*ROOT, ("page", str(at)), ("limit", limit), *extra]
    )
    assert response.status_code == 200, response.text
    return response.json()


def walk(client: httpx.Client, limit: int, *extra: tuple[str, str]) -> list[list[int]]:
    """Every page from the first, following `next` until it is null."""
    pages, envelope = [], page(client, 1, limit, *extra)
    while True:
        pages.append(ids(envelope))
        if envelope["next"] is None:
            return pages
        envelope = page(client, envelope["next"], limit, *extra)


@pytest.fixture
def seven(sandbox: SandboxServer) -> list[int]:
    """The seeded four and three more: 41 to 47."""
    return SEEDED_IDS + sandbox.seed_trainings(filler_trainings(3))


def test_cursors_are_opaque_strings_not_urls(client: httpx.Client, seven: list[int]) -> None:
    envelope = page(client, 2, 3)

    for cursor in (envelope["prev"], envelope["next"]):
        assert isinstance(cursor, str)
        assert not cursor.startswith(("/", "http")) and "page=" not in cursor
    assert envelope["prev"] != envelope["next"]


def test_following_next_visits_every_training_once_in_order(
    client: httpx.Client, seven: list[int]
) -> None:
    assert walk(client, 3) == [seven[:3], seven[3:6], seven[6:]]


def test_prev_leads_back_page_by_page(client: httpx.Client, seven: list[int]) -> None:
    first = page(client, 1, 3)
    second = page(client, first["next"], 3)
    last = page(client, second["next"], 3)

    assert first["prev"] is None
    assert last["next"] is None
    back = page(client, last["prev"], 3)
    assert ids(back) == ids(second)
    assert ids(page(client, back["prev"], 3)) == ids(first)
    assert page(client, back["prev"], 3)["prev"] is None


def test_a_page_index_and_the_cursor_to_the_same_place_agree(
    client: httpx.Client, seven: list[int]
) -> None:
    by_cursor = page(client, page(client, 1, 3)["next"], 3)

    assert page(client, 2, 3) == by_cursor
    assert by_cursor["count"] == 7


def test_a_cursor_keeps_its_place_while_trainings_are_created(
    client: httpx.Client, seven: list[int]
) -> None:
    first = page(client, 1, 3)
    client.post(TRAININGS_PATH, json=valid_training(title="Created between two pages"))

    second = page(client, first["next"], 3)
    rest = page(client, second["next"], 3)

    assert ids(second) == seven[3:6]
    assert ids(rest) == [*seven[6:], seven[-1] + 1]  # the new one, once, at the end
    assert rest["count"] == 8


def test_filters_hold_across_cursor_pages(client: httpx.Client, seven: list[int]) -> None:
    category_1 = [("categoryIds", "1")]
    matching = ids(client.get(TRAININGS_PATH, params=[*category_1, ("limit", 100)]).json())

    pages = walk(client, 1, *category_1)

    assert [i for p in pages for i in p] == matching
    assert len(matching) > 2 and all(len(p) == 1 for p in pages)


def test_a_page_index_past_the_end_is_empty_and_its_prev_leads_to_the_last_page(
    client: httpx.Client, seven: list[int]
) -> None:
    envelope = page(client, 5, 3)

    assert envelope["items"] == [] and envelope["next"] is None and envelope["count"] == 7
    assert ids(page(client, envelope["prev"], 3)) == seven[4:]


@pytest.mark.parametrize(
    "cursor",
    [
        "~f",  # the docs' example: a Lucca cursor, but not one this tenant gave
        "!SGlnaA|A1kVrwDKrz|th",  # the other example
        "!YTQ0|AAAAAAAA",  # a well-formed cursor with a wrong check
        "!YTQ0",
        "!|",
        "!é|é",
    ],
)
def test_a_cursor_not_handed_out_is_refused_by_name(client: httpx.Client, cursor: str) -> None:
    response = client.get(TRAININGS_PATH, params={"page": cursor})

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["page"]


def test_a_garbled_cursor_is_refused(client: httpx.Client, seven: list[int]) -> None:
    cursor = page(client, 1, 3)["next"]
    garbled = cursor[:2] + ("A" if cursor[2] != "A" else "B") + cursor[3:]

    assert client.get(TRAININGS_PATH, params={"page": garbled}).status_code == 400
    assert client.get(TRAININGS_PATH, params={"page": cursor}).status_code == 200


def test_cursors_are_stable_by_default(client: httpx.Client, seven: list[int]) -> None:
    assert page(client, 1, 3)["next"] == page(client, 1, 3)["next"]


def test_rotating_cursors_differ_for_the_same_place_and_all_stay_valid(
    sandbox: SandboxServer, client: httpx.Client, seven: list[int]
) -> None:
    sandbox.set_modes(rotate_cursors=True)

    answers = [page(client, 1, 3) for _ in range(3)]
    prevs = [page(client, 2, 3)["prev"] for _ in range(2)]

    assert len({a["next"] for a in answers}) == 3 and len(set(prevs)) == 2
    assert {tuple(ids(page(client, a["next"], 3))) for a in answers} == {tuple(seven[3:6])}
    assert walk(client, 3) == [seven[:3], seven[3:6], seven[6:]]


def test_omit_next_leaves_next_out_even_when_asked(
    sandbox: SandboxServer, client: httpx.Client, seven: list[int]
) -> None:
    sandbox.set_modes(omit_next=True)

    envelope = page(client, 2, 3)

    assert envelope.keys() == {"items", "count", "prev"}
    assert ids(envelope) == seven[3:6]
    assert ids(page(client, envelope["prev"], 3)) == seven[:3]  # prev still works


def test_next_comes_back_only_when_asked_by_default(
    sandbox: SandboxServer, client: httpx.Client, seven: list[int]
) -> None:
    assert sandbox.modes()["omit_next"] is False
    unasked = client.get(TRAININGS_PATH, params={"limit": 3}).json()
    asked = client.get(TRAININGS_PATH, params={"limit": 3, "fields.root": "next"}).json()

    assert unasked.keys() == {"items"}
    assert asked.keys() == {"items", "next"} and asked["next"]
