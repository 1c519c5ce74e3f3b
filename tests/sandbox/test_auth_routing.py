"""Authentication and routing: 401, 404 and 405 in the shapes a Lucca client meets them."""

import json
import logging

import httpx
import pytest

from tests.sandbox.helpers import API_KEY, TRAININGS_PATH, send_raw, training_url, valid_training
from tools.sandbox.runner import SandboxServer


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "lucca application=wrong-key",
        f"lucca application={API_KEY}x",
        f"lucca application= {API_KEY}",
        f"Bearer {API_KEY}",
        f"Lucca Application={API_KEY}",
        API_KEY,
    ],
)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_anything_but_the_exact_header_is_unauthorized(
    sandbox: SandboxServer, anonymous: httpx.Client, authorization: str | None, method: str
) -> None:
    headers = {"Authorization": authorization} if authorization else {}

    response = anonymous.request(method, TRAININGS_PATH, headers=headers, json=valid_training())

    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["Status"] == 401
    assert body["Message"]
    assert API_KEY not in response.text
    assert "wrong-key" not in response.text
    assert all(API_KEY not in value for value in response.headers.values())
    assert sandbox.requests_log()[-1] == {"method": method, "path": TRAININGS_PATH, "status": 401}


@pytest.mark.parametrize(
    ("authorization", "status"),
    [
        (f"lucca application={API_KEY}", 201),
        (f"lucca app={API_KEY}", 401),
        (f"Lucca application={API_KEY}", 401),
        (f"lucca application= {API_KEY}", 401),
        (f"Bearer {API_KEY}", 401),
    ],
)
def test_the_documented_header_byte_for_byte(
    sandbox: SandboxServer, authorization: str, status: int
) -> None:
    """Lucca's documented `Authorization: lucca application={key}`, written on the wire by hand.

    Neither the client's constants nor the sandbox's are involved, so a wrong scheme in either
    fails here instead of being shared by the code and its test.
    """
    body = json.dumps(valid_training()).encode()
    head = (
        f"POST {TRAININGS_PATH} HTTP/1.1\r\nHost: sandbox\r\n"
        f"Authorization: {authorization}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    )

    answer = send_raw(sandbox.base_url, head.encode() + body)

    assert answer.startswith(f"HTTP/1.1 {status} ".encode())


def test_nothing_is_created_without_auth(client: httpx.Client, anonymous: httpx.Client) -> None:
    anonymous.post(TRAININGS_PATH, json=valid_training())

    assert client.get(TRAININGS_PATH, params={"fields.root": "count"}).json()["count"] == 4


def test_a_second_authorization_header_is_refused(anonymous: httpx.Client) -> None:
    headers = [("Authorization", f"lucca application={API_KEY}")] * 2

    assert anonymous.get(TRAININGS_PATH, headers=headers).status_code == 401


def test_a_missing_training_is_a_problem_404(client: httpx.Client) -> None:
    for training_id in (999, 2**31, 10**30):
        response = client.get(training_url(training_id))
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json; charset=utf-8"
        assert response.json()["status"] == 404


@pytest.mark.parametrize("path", ["/", "/talent-training/api/v1/training", "/api/v3/users"])
def test_other_paths_are_a_legacy_404(anonymous: httpx.Client, path: str) -> None:
    response = anonymous.get(path)

    assert response.status_code == 404
    assert response.json()["Status"] == 404
    assert response.json()["Message"]


def test_a_non_numeric_id_matches_no_route(client: httpx.Client) -> None:
    response = client.get(f"{TRAININGS_PATH}/abc")

    assert response.status_code == 404
    assert response.json()["Status"] == 404


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("PUT", TRAININGS_PATH, "GET, POST"),
        ("DELETE", TRAININGS_PATH, "GET, POST"),
        ("PATCH", training_url(41), "GET"),
        ("POST", training_url(41), "GET"),
        ("DELETE", training_url(41), "GET"),
    ],
)
def test_other_methods_are_not_allowed(
    client: httpx.Client, method: str, path: str, allow: str
) -> None:
    response = client.request(method, path)

    assert response.status_code == 405
    assert response.headers["allow"] == allow
    assert response.json()["status"] == 405


def test_a_trailing_slash_reaches_the_same_route(client: httpx.Client) -> None:
    assert client.get(TRAININGS_PATH + "/").status_code == 200
    assert client.get(training_url(41) + "/").json()["id"] == 41


def test_logs_never_hold_the_key(
    caplog: pytest.LogCaptureFixture, client: httpx.Client, anonymous: httpx.Client
) -> None:
    caplog.set_level(logging.DEBUG)
    client.post(TRAININGS_PATH, json=valid_training())
    anonymous.get(TRAININGS_PATH, headers={"Authorization": "lucca application=wrong-key"})

    assert f"POST {TRAININGS_PATH} -> 201" in caplog.text  # the log is there...
    assert API_KEY not in caplog.text  # ...without the key
    assert "wrong-key" not in caplog.text
