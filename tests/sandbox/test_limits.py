"""Lucca's documented limits ("limits" page): 413 over the body limit, 431 over 8 KB of request
headers, 408 once a request has run past the 5 s server-side abort. Tests lower the limits to
reach them quickly; the defaults themselves are pinned in test_lucca_facts.py."""

from collections.abc import Iterator

import httpx
import pytest

from tests.sandbox.helpers import API_KEY, AUTH, TRAININGS_PATH, http_client, valid_training
from tools.sandbox.config import SandboxConfig
from tools.sandbox.runner import SandboxServer

SMALL_BODY_LIMIT = 2048
# Long enough for any plain request on a loaded machine, short enough to wait for twice.
SERVER_TIMEOUT = 1.0
PAST_THE_TIMEOUT = 30.0  # a delay fault the abort always cuts short


@pytest.fixture
def limited() -> Iterator[SandboxServer]:
    config = SandboxConfig(
        api_key=API_KEY, max_body_bytes=SMALL_BODY_LIMIT, server_timeout_seconds=SERVER_TIMEOUT
    )
    with SandboxServer(config) as server:
        yield server


@pytest.fixture
def limited_client(limited: SandboxServer) -> Iterator[httpx.Client]:
    with http_client(limited.base_url, headers=AUTH) as c:
        yield c


def count(client: httpx.Client) -> int:
    return client.get(TRAININGS_PATH, params={"fields.root": "count"}).json()["count"]


def body_of_size(size: int) -> bytes:
    """A valid training body padded with JSON whitespace to exactly `size` bytes."""
    body = httpx.Request("POST", "/", json=valid_training()).content
    assert len(body) <= size
    return body + b" " * (size - len(body))


def post_raw(client: httpx.Client, body: bytes) -> httpx.Response:
    return client.post(TRAININGS_PATH, content=body, headers={"content-type": "application/json"})


def test_a_body_at_the_limit_is_taken_and_one_byte_more_is_413(
    limited_client: httpx.Client,
) -> None:
    assert post_raw(limited_client, body_of_size(SMALL_BODY_LIMIT)).status_code == 201

    refused = post_raw(limited_client, body_of_size(SMALL_BODY_LIMIT + 1))

    assert refused.status_code == 413
    assert refused.headers["content-type"] == "application/problem+json; charset=utf-8"
    assert str(SMALL_BODY_LIMIT) in refused.json()["detail"]
    assert count(limited_client) == 5  # the first only


def test_a_declared_body_over_the_limit_is_413_and_the_connection_stays_usable(
    limited_client: httpx.Client,
) -> None:
    response = limited_client.post(TRAININGS_PATH, json=valid_training(description="x" * 5000))

    assert response.status_code == 413
    assert response.json()["status"] == 413
    assert limited_client.get(TRAININGS_PATH).status_code == 200


def test_a_chunked_body_over_the_limit_is_413(limited_client: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"description": "'
        for _ in range(4):
            yield b"x" * (SMALL_BODY_LIMIT // 2)
        yield b'"}'

    response = limited_client.post(
        TRAININGS_PATH, content=chunks(), headers={"content-type": "application/json"}
    )

    assert response.status_code == 413


def header_bytes_sent(sandbox: SandboxServer, headers: dict[str, str]) -> int:
    """What the sandbox counts for a GET with these headers: "Name: value" and CRLF each."""
    with http_client(sandbox.base_url, headers={**AUTH, **headers}) as c:
        request = c.build_request("GET", TRAININGS_PATH)
    return sum(len(k) + len(v) + 4 for k, v in request.headers.raw)


def test_headers_at_8_kb_are_taken_and_one_byte_more_is_431(sandbox: SandboxServer) -> None:
    pad = "X-Pad"
    at_limit = 8192 - header_bytes_sent(sandbox, {pad: ""})
    sandbox.add_faults({"status": 503})  # the 431 comes first and leaves the fault queued

    with http_client(sandbox.base_url, headers=AUTH) as c:
        over = c.get(TRAININGS_PATH, headers={pad: "p" * (at_limit + 1)})
        faulted = c.get(TRAININGS_PATH, headers={pad: "p" * at_limit})
        taken = c.get(TRAININGS_PATH, headers={pad: "p" * at_limit})

    assert header_bytes_sent(sandbox, {pad: "p" * at_limit}) == 8192
    assert over.status_code == 431
    assert over.headers["content-type"] == "application/problem+json; charset=utf-8"
    assert (faulted.status_code, taken.status_code) == (503, 200)
    assert [entry["status"] for entry in sandbox.requests_log()] == [431, 503, 200]


def test_a_post_aborted_before_processing_is_408_and_stores_nothing(
    limited: SandboxServer, limited_client: httpx.Client
) -> None:
    limited.add_faults({"method": "POST", "delay": PAST_THE_TIMEOUT})

    response = limited_client.post(TRAININGS_PATH, json=valid_training(title="Aborted early"))

    assert response.status_code == 408
    assert response.headers["content-type"] == "application/problem+json; charset=utf-8"
    assert count(limited_client) == 4
    assert limited.requests_log()[0] == {"method": "POST", "path": TRAININGS_PATH, "status": 408}


def test_a_post_aborted_after_processing_is_408_and_stored(
    limited: SandboxServer, limited_client: httpx.Client
) -> None:
    limited.add_faults({"method": "POST", "delay": PAST_THE_TIMEOUT, "when": "after"})

    response = limited_client.post(TRAININGS_PATH, json=valid_training(title="Aborted late"))

    assert response.status_code == 408
    found = limited_client.get(TRAININGS_PATH, params={"search": "aborted late"}).json()
    assert [item["title"] for item in found["items"]] == ["Aborted late"]


def test_a_delay_within_the_server_timeout_is_answered_normally(
    limited: SandboxServer, limited_client: httpx.Client
) -> None:
    limited.add_faults({"delay": SERVER_TIMEOUT / 10})

    assert limited_client.post(TRAININGS_PATH, json=valid_training()).status_code == 201
