"""Shared test data for the sandbox tests: the key, a valid body, the spec's Training schema."""

import socket
import ssl
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import httpx
import yaml
from jsonschema import Draft202012Validator

from tests.support import SANDBOX_KEY
from tools.sandbox.http_server import STOP_GRACE_SECONDS

API_KEY = SANDBOX_KEY
# Lucca's documented path and header, written out rather than imported: these tests pin the facts
# themselves, so a wrong constant in the client (tools.core) or in the sandbox's own lucca_facts
# makes them fail instead of being shared by the code and its test.
TRAININGS_PATH = "/talent-training/api/v1/trainings"


def auth_for(key: str) -> dict[str, str]:
    return {"Authorization": f"lucca application={key}"}


AUTH = auth_for(API_KEY)
SPEC_PATH = Path(__file__).parents[2] / "tools" / "core" / "poplee-training.yaml"
SEEDED_IDS = [41, 42, 43, 44]
# How long a test's client waits for the sandbox. Only a safety net, so that a broken sandbox fails
# the test instead of hanging it: far above any delay a test injects, so load never trips it.
CLIENT_TIMEOUT_SECONDS = 30.0
# A delay fault that keeps a request in flight while a test looks at it: half the grace stop()
# gives in-flight requests, so far longer than a loopback round trip even on a loaded
# machine, yet a stop() during the delay still lets the request finish.
IN_FLIGHT_DELAY_SECONDS = STOP_GRACE_SECONDS / 2

T = TypeVar("T")


def http_client(base_url: str, **options: Any) -> httpx.Client:
    """A client for the sandbox; trust_env=False keeps any configured proxy off loopback.

    The shared TLS context is never used on plain HTTP; it only spares each test the ~50 ms
    httpx spends loading CA certificates for a fresh client.
    """
    return httpx.Client(
        base_url=base_url,
        trust_env=False,
        timeout=CLIENT_TIMEOUT_SECONDS,
        verify=_tls_context(),
        **options,
    )


def wait_until(condition: Callable[[], T], what: str) -> T:
    """Polls `condition` until it returns something truthy, and returns that.

    Tests wait for the event itself rather than sleeping a guessed time; the deadline is only
    the safety net that turns a broken sandbox into a failure instead of a hang.
    """
    deadline = time.monotonic() + CLIENT_TIMEOUT_SECONDS
    while not (result := condition()):
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.01)
    return result


def send_raw(base_url: str, wire: bytes) -> bytes:
    """`wire` sent byte for byte on a new connection; all the server wrote until it closed.

    For what httpx would normalise or hide. The request should end the connection itself
    (`Connection: close` or HTTP/1.0), or this waits for the server's idle timeout.
    """
    url = httpx.URL(base_url)
    with socket.create_connection((url.host, url.port), timeout=CLIENT_TIMEOUT_SECONDS) as sock:
        sock.sendall(wire)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer


@cache
def _tls_context() -> ssl.SSLContext:
    return ssl.create_default_context()


def valid_training(**overrides: Any) -> dict[str, Any]:
    """The spec's request example, with overrides (None removes a key)."""
    body: dict[str, Any] = {
        "title": "Mastering French: From Basics to Fluency",
        "subtitle": "A Complete Training Program to Speak, Read, and Write with Confidence",
        "description": "Unlock the beauty of the French language.",
        "providerId": 12,
        "level": "Beginner",
        "isCertifying": False,
        "isMandatory": False,
        "categoryId": 2,
    }
    body.update(overrides)
    return {key: value for key, value in body.items() if value is not None}


@cache
def spec() -> dict[str, Any]:
    return yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


@cache
def training_validator() -> Draft202012Validator:
    """The whole spec as the schema document, so its internal $refs resolve."""
    schema = {**spec(), "$ref": "#/components/schemas/v1.Training"}
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def assert_is_spec_training(training: dict[str, Any]) -> None:
    """Valid against v1.Training, and with no key the spec does not define."""
    errors = [error.message for error in training_validator().iter_errors(training)]
    assert errors == []
    properties = spec()["components"]["schemas"]["v1.Training"]["properties"]
    assert set(training) <= set(properties)


def training_url(training_id: int) -> str:
    return f"{TRAININGS_PATH}/{training_id}"
