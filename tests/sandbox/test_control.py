"""The control API contract: the request log's exact shape, modes, bulk seeding and reset."""

import threading

import httpx
import pytest

from tests.sandbox.helpers import (
    IN_FLIGHT_DELAY_SECONDS,
    SEEDED_IDS,
    TRAININGS_PATH,
    auth_for,
    http_client,
    training_url,
    valid_training,
    wait_until,
)
from tools.sandbox.catalog_seed import filler_trainings
from tools.sandbox.config import SandboxConfig
from tools.sandbox.lucca_facts import SEARCH_PARAM
from tools.sandbox.runner import SandboxServer


def test_the_log_lists_lucca_requests_in_order_with_their_status(
    sandbox: SandboxServer, client: httpx.Client, anonymous: httpx.Client
) -> None:
    client.get(TRAININGS_PATH, params={"page": 1, "search": "secret words"})
    client.post(TRAININGS_PATH, json=valid_training())
    client.post(TRAININGS_PATH, json={})
    anonymous.get(training_url(41))
    client.get(training_url(999))
    client.put(TRAININGS_PATH)
    anonymous.get("/elsewhere")

    log = sandbox.requests_log()

    assert log == [
        {"method": "GET", "path": TRAININGS_PATH, "status": 200},
        {"method": "POST", "path": TRAININGS_PATH, "status": 201},
        {"method": "POST", "path": TRAININGS_PATH, "status": 400},
        {"method": "GET", "path": training_url(41), "status": 401},
        {"method": "GET", "path": training_url(999), "status": 404},
        {"method": "PUT", "path": TRAININGS_PATH, "status": 405},
        {"method": "GET", "path": "/elsewhere", "status": 404},
    ]


def test_a_request_is_listed_from_its_arrival(sandbox: SandboxServer, client: httpx.Client) -> None:
    """A client that times out must still see that its request reached Lucca."""
    sandbox.add_faults({"delay": IN_FLIGHT_DELAY_SECONDS})
    thread = threading.Thread(target=client.get, args=(TRAININGS_PATH,))
    thread.start()
    try:
        pending = wait_until(sandbox.requests_log, "the request to be logged")
    finally:
        thread.join()

    assert pending == [{"method": "GET", "path": TRAININGS_PATH, "status": None}]
    assert sandbox.requests_log() == [{"method": "GET", "path": TRAININGS_PATH, "status": 200}]


def test_control_requests_are_not_logged(sandbox: SandboxServer, client: httpx.Client) -> None:
    client.get("/_sandbox/requests")
    client.post("/_sandbox/faults", json=[])
    client.delete("/_sandbox/faults")
    client.get("/_sandbox/nothing-here")

    assert client.get("/_sandbox/requests").json() == []
    assert sandbox.requests_log() == []


def test_the_log_is_plain_json(client: httpx.Client) -> None:
    client.get(TRAININGS_PATH)

    response = client.get("/_sandbox/requests")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == [{"method": "GET", "path": TRAININGS_PATH, "status": 200}]


def test_control_paths_need_no_auth_and_refuse_wrong_methods(anonymous: httpx.Client) -> None:
    assert anonymous.get("/_sandbox/requests").status_code == 200
    assert anonymous.delete("/_sandbox/requests").status_code == 405
    assert anonymous.get("/_sandbox/faults").status_code == 405
    assert anonymous.get("/_sandbox/unknown").status_code == 404


def test_reset_restores_seeds_and_clears_log_and_faults(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    client.post(TRAININGS_PATH, json=valid_training())
    sandbox.add_faults({"status": 500})

    sandbox.reset()

    assert sandbox.requests_log() == []
    listed = client.get(TRAININGS_PATH).json()  # would be 500 if the fault had survived
    assert [item["id"] for item in listed["items"]] == SEEDED_IDS
    assert client.post(TRAININGS_PATH, json=valid_training()).json()["id"] == 45


def test_two_sandboxes_share_nothing(client: httpx.Client) -> None:
    client.post(TRAININGS_PATH, json=valid_training())
    other_key = "another-key"

    with (
        SandboxServer(SandboxConfig(api_key=other_key)) as other,
        http_client(other.base_url, headers=auth_for(other_key)) as c,
    ):
        assert other.requests_log() == []
        assert len(c.get(TRAININGS_PATH).json()["items"]) == 4
        assert client.get(TRAININGS_PATH, params={"fields.root": "count"}).json()["count"] == 5


def test_modes_start_as_documented_and_change_one_at_a_time(client: httpx.Client) -> None:
    documented = {"ignore_search": False, "rotate_cursors": False, "omit_next": False}
    assert client.get("/_sandbox/modes").json() == documented

    changed = client.patch("/_sandbox/modes", json={"omit_next": True})

    assert changed.status_code == 200
    assert changed.json() == {**documented, "omit_next": True}
    assert client.get("/_sandbox/modes").json() == {**documented, "omit_next": True}


@pytest.mark.parametrize(
    "body",
    [[], {"ignore_search": 1}, {"ignore_search": "yes"}, {"ignoreSearch": True}, "x"],
)
def test_a_bad_mode_change_is_refused_and_changes_nothing(
    sandbox: SandboxServer, client: httpx.Client, body: object
) -> None:
    response = client.patch("/_sandbox/modes", json=body)

    assert response.status_code == 400
    assert response.json()["error"].startswith("invalid modes")
    assert not any(sandbox.modes().values())
    with pytest.raises(ValueError, match="invalid modes"):
        sandbox.set_modes(rotate_cursors="on")  # type: ignore[arg-type]


def test_reset_puts_back_the_modes_the_sandbox_started_with() -> None:
    config = SandboxConfig(api_key="k", ignore_search=True)
    with SandboxServer(config) as server:
        assert server.set_modes(ignore_search=False, rotate_cursors=True)["rotate_cursors"]

        server.reset()

        assert server.modes() == {
            "ignore_search": True,
            "rotate_cursors": False,
            "omit_next": False,
        }


def test_ignore_search_answers_the_unfiltered_list_other_filters_still_apply(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    sandbox.set_modes(ignore_search=True)

    def listed(*params: tuple[str, str]) -> list[int]:
        envelope = client.get(TRAININGS_PATH, params=[*params, ("fields.root", "count")]).json()
        assert envelope["count"] == len(envelope["items"])
        return [item["id"] for item in envelope["items"]]

    assert listed((SEARCH_PARAM, "English")) == SEEDED_IDS
    assert listed((SEARCH_PARAM, "English"), ("categoryIds", "1")) == [43, 44]
    sandbox.set_modes(ignore_search=False)
    assert listed((SEARCH_PARAM, "English")) == [41]


def test_bulk_seeding_stores_2000_trainings_in_order_in_one_request(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    new_ids = sandbox.seed_trainings(filler_trainings(2000))

    assert new_ids == list(range(45, 2045))
    assert client.get(TRAININGS_PATH, params={"fields.root": "count"}).json()["count"] == 2004
    (last,) = client.get(TRAININGS_PATH, params={"id": "2044"}).json()["items"]
    assert last["title"] == "Catalog filler 2000"
    assert sandbox.requests_log() == [
        {"method": "GET", "path": TRAININGS_PATH, "status": 200},
        {"method": "GET", "path": TRAININGS_PATH, "status": 200},
    ]  # seeding itself is not a Lucca request: not logged, not rate limited
    assert client.post(TRAININGS_PATH, json=valid_training()).json()["id"] == 2045


def test_seeded_trainings_are_checked_like_posted_ones_all_or_none(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    good = valid_training(title="Fine")
    with pytest.raises(ValueError, match=r"training #1: .*Title"):
        sandbox.seed_trainings([good, valid_training(title=None)])
    with pytest.raises(ValueError, match=r"training #0: .*Provider 999 does not exist"):
        sandbox.seed_trainings([valid_training(providerId=999)])
    response = client.post("/_sandbox/trainings", json={"title": "not a list"})

    assert response.status_code == 400
    assert client.get(TRAININGS_PATH, params={"fields.root": "count"}).json()["count"] == 4


def test_reset_removes_seeded_trainings(sandbox: SandboxServer, client: httpx.Client) -> None:
    sandbox.seed_trainings(filler_trainings(10))

    sandbox.reset()

    assert [item["id"] for item in client.get(TRAININGS_PATH).json()["items"]] == SEEDED_IDS


def test_filler_trainings_are_distinct_valid_and_numbered_from_first() -> None:
    fillers = filler_trainings(3, first=501, prefix="Padding")

    assert [t["title"] for t in fillers] == ["Padding 0501", "Padding 0502", "Padding 0503"]
    assert len({(t["subtitle"], t["description"]) for t in fillers}) == 3
