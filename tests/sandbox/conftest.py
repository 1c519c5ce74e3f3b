"""Fixtures for the sandbox tests: a fresh sandbox per test, on a real loopback socket."""

from collections.abc import Iterator

import httpx
import pytest

from tests.sandbox.helpers import API_KEY, AUTH, http_client
from tools.sandbox.config import SandboxConfig
from tools.sandbox.runner import SandboxServer


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(SandboxConfig(api_key=API_KEY)) as server:
        yield server


@pytest.fixture
def client(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    with http_client(sandbox.base_url, headers=AUTH) as c:
        yield c


@pytest.fixture
def anonymous(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    with http_client(sandbox.base_url) as c:
        yield c
