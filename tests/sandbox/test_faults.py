"""Injected faults: error answers, slowness and dropped connections, one per Lucca request."""

import asyncio

import httpx
import pytest

from tests.sandbox.helpers import (
    AUTH,
    CLIENT_TIMEOUT_SECONDS,
    TRAININGS_PATH,
    valid_training,
)
from tools.sandbox.lucca_facts import SEARCH_PARAM
from tools.sandbox.runner import SandboxServer

# How long a `delay` fault holds a request while a test acts around it: seconds more than the few
# loopback requests the test makes meanwhile, even on a loaded machine, yet under the 5 s after
# which the sandbox, as Lucca, aborts a request with a 408.
HELD_SECONDS = 3.0


def count(client: httpx.Client) -> int:
    return client.get(TRAININGS_PATH, params={"fields.root": "count"}).json()["count"]


def test_a_status_fault_answers_exactly_what_was_given(
    sandbox: SandboxServer, anonymous: httpx.Client, client: httpx.Client
) -> None:
    sandbox.add_faults(
        {
            "status": 503,
            "headers": {"Retry-After": "7", "Content-Type": "text/html"},
            "body": "<h1>down</h1>",
        }
    )

    response = anonymous.post(TRAININGS_PATH, json=valid_training())  # no auth: faults come first

    assert response.status_code == 503
    assert response.headers["retry-after"] == "7"
    assert response.headers["content-type"] == "text/html"
    assert response.text == "<h1>down</h1>"
    assert count(client) == 4  # not processed


def test_a_bare_status_fault_has_no_body_and_no_content_type(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    sandbox.add_faults({"status": 500})

    response = client.get(TRAININGS_PATH)

    assert response.status_code == 500
    assert response.content == b""
    assert "content-type" not in response.headers


def test_faults_apply_one_per_request_in_order(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    sandbox.add_faults({"status": 502}, {"status": 429, "headers": {"Retry-After": "3"}})
    sandbox.add_faults({"status": 504})

    statuses = [client.get(TRAININGS_PATH).status_code for _ in range(4)]

    assert statuses == [502, 429, 504, 200]


def test_control_requests_do_not_consume_faults(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    sandbox.add_faults({"status": 500})
    sandbox.requests_log()
    client.get("/_sandbox/requests")

    assert client.get(TRAININGS_PATH).status_code == 500


def test_clearing_faults_drops_pending_ones(sandbox: SandboxServer, client: httpx.Client) -> None:
    sandbox.add_faults({"status": 500}, {"drop": "before"})

    sandbox.clear_faults()

    assert client.get(TRAININGS_PATH).status_code == 200


async def test_a_delay_does_not_block_a_parallel_request(sandbox: SandboxServer) -> None:
    # The delay is the behaviour under test, and the window in which the parallel request must be
    # answered: far longer than a loopback round trip, even on a loaded machine.
    sandbox.add_faults({"delay": HELD_SECONDS})

    async with httpx.AsyncClient(
        base_url=sandbox.base_url, headers=AUTH, trust_env=False, timeout=CLIENT_TIMEOUT_SECONDS
    ) as c:
        slow = asyncio.create_task(c.get(TRAININGS_PATH))
        async with asyncio.timeout(CLIENT_TIMEOUT_SECONDS):  # a safety net, not a measure
            while not sandbox.requests_log():  # the slow request has arrived and taken the fault
                await asyncio.sleep(0.01)
        fast = await c.get(TRAININGS_PATH)
        # Ordering, not timing: the second request was answered while the first still waited.
        assert fast.status_code == 200 and not slow.done()
        assert (await slow).status_code == 200


def test_a_delayed_request_is_processed_normally(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    sandbox.add_faults({"delay": 0.05})

    assert client.post(TRAININGS_PATH, json=valid_training()).status_code == 201
    assert count(client) == 5


def test_drop_before_stores_nothing(sandbox: SandboxServer, client: httpx.Client) -> None:
    sandbox.add_faults({"drop": "before"})

    with pytest.raises(httpx.RemoteProtocolError):
        client.post(TRAININGS_PATH, json=valid_training())

    assert count(client) == 4
    assert sandbox.requests_log()[0] == {"method": "POST", "path": TRAININGS_PATH, "status": None}


def test_drop_after_stores_the_training_but_answers_nothing(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    sandbox.add_faults({"drop": "after"})

    with pytest.raises(httpx.RemoteProtocolError):
        client.post(TRAININGS_PATH, json=valid_training(title="Lost answer"))

    found = client.get(TRAININGS_PATH, params={SEARCH_PARAM: "lost answer"}).json()["items"]
    assert [item["title"] for item in found] == ["Lost answer"]
    assert sandbox.requests_log()[0]["status"] is None


def test_a_drop_on_a_reused_connection_does_not_break_the_next_one(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    assert client.get(TRAININGS_PATH).status_code == 200  # opens a keep-alive connection
    sandbox.add_faults({"drop": "before"})

    with pytest.raises(httpx.RemoteProtocolError):
        client.get(TRAININGS_PATH)

    assert client.get(TRAININGS_PATH).status_code == 200


@pytest.mark.parametrize(
    "faults",
    [
        {"status": 500},
        [{"status": 99}],
        [{"status": 700}],
        [{"status": True}],
        [{"status": "500"}],
        [{"status": 500, "body": 3}],
        [{"status": 500, "headers": {"X-Bad": 1}}],
        [{"status": 500, "headers": {"Bad Name": "x"}}],
        [{"status": 500, "headers": {"X-Split": "a\r\nX-Injected: b"}}],
        [{"status": 500, "headers": {"Content-Length": "3"}}],
        [{"status": 204, "body": "x"}],
        [{"status": 500, "extra": 1}],
        [{"delay": -1}],
        [{"delay": "1"}],
        [{"delay": 10_000}],
        [{"drop": "during"}],
        [{"drop": "before", "delay": 1}],
        [{"status": 500, "when": "during"}],
        [{"drop": "after", "when": "after"}],
        [{"status": 500, "method": "post"}],
        [{"delay": 0, "method": "FETCH"}],
        [{}],
        ["drop"],
    ],
)
def test_invalid_fault_lists_are_refused_whole(
    sandbox: SandboxServer, client: httpx.Client, faults: object
) -> None:
    # A valid fault ahead of the bad one shows the list is refused whole, not half queued.
    body = [{"status": 418}, *faults] if isinstance(faults, list) else faults
    response = client.post("/_sandbox/faults", json=body)

    assert response.status_code == 400
    assert response.json()["error"].startswith("invalid fault list")
    assert client.get(TRAININGS_PATH).status_code == 200  # nothing was queued


def test_a_body_that_is_not_json_is_refused(client: httpx.Client) -> None:
    response = client.post("/_sandbox/faults", content=b"[{")

    assert response.status_code == 400
    assert "invalid fault list" in response.json()["error"]


def test_queueing_answers_the_counts(client: httpx.Client) -> None:
    first = client.post("/_sandbox/faults", json=[{"status": 500}, {"delay": 0}])
    second = client.post("/_sandbox/faults", json=[{"drop": "after"}])

    assert first.status_code == 200
    assert first.json() == {"queued": 2, "pending": 2}
    assert second.json() == {"queued": 1, "pending": 3}
    assert client.delete("/_sandbox/faults").status_code == 204


def test_add_faults_raises_with_the_servers_reason(sandbox: SandboxServer) -> None:
    with pytest.raises(ValueError, match="exactly one of"):
        sandbox.add_faults({"status": 500, "drop": "before"})


def test_a_status_fault_after_processing_stores_the_training_and_answers_the_fault(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    sandbox.add_faults({"status": 201, "when": "after", "body": "<html>", "headers": {"X-A": "1"}})

    response = client.post(TRAININGS_PATH, json=valid_training(title="Answer replaced"))

    assert (response.status_code, response.text, response.headers["x-a"]) == (201, "<html>", "1")
    assert count(client) == 5  # processed
    assert sandbox.requests_log()[0]["status"] == 201


def test_an_invalid_request_under_a_fault_after_processing_stores_nothing(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    sandbox.add_faults({"status": 502, "when": "after"})

    assert client.post(TRAININGS_PATH, json={"title": "x"}).status_code == 502
    assert count(client) == 4  # processed, and refused, as Lucca would have


async def test_a_delay_after_processing_stores_the_training_before_answering(
    sandbox: SandboxServer,
) -> None:
    # The delay is the behaviour under test, and the window in which the test must see the training
    # stored: far longer than the few loopback requests it takes, even on a loaded machine.
    sandbox.add_faults({"delay": HELD_SECONDS, "when": "after"})

    async with httpx.AsyncClient(
        base_url=sandbox.base_url, headers=AUTH, trust_env=False, timeout=CLIENT_TIMEOUT_SECONDS
    ) as c:
        slow = asyncio.create_task(c.post(TRAININGS_PATH, json=valid_training()))
        # Stored within the delay, not after it: the delay comes once the training exists.
        async with asyncio.timeout(CLIENT_TIMEOUT_SECONDS):  # a safety net, not a measure
            while not sandbox.requests_log() or sandbox.requests_log()[0]["status"] is None:
                await asyncio.sleep(0.01)
        listed = await c.get(TRAININGS_PATH, params={"fields.root": "count"})
        assert listed.json()["count"] == 5 and not slow.done()  # stored, not yet answered
        assert (await slow).status_code == 201


def test_a_fault_for_a_method_lets_other_methods_pass_and_waits_for_its_own(
    sandbox: SandboxServer, client: httpx.Client
) -> None:
    sandbox.add_faults({"status": 503, "method": "POST"}, {"status": 500})

    assert client.get(TRAININGS_PATH).status_code == 200  # passes the POST fault by
    assert client.post(TRAININGS_PATH, json=valid_training()).status_code == 503
    assert client.get(TRAININGS_PATH).status_code == 500  # the next one, for any method
    assert client.get(TRAININGS_PATH).status_code == 200
