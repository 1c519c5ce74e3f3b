"""The control API contract: the request log's exact shape, and reset."""

import threading

import httpx

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
from tools.sandbox.config import SandboxConfig
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
