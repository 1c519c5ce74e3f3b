"""Fixtures for the sandbox tests: plain HTTP clients for the `sandbox` of tests/conftest.py."""

from collections.abc import Iterator

import httpx
import pytest

from tests.sandbox.helpers import AUTH, http_client
from tools.sandbox.runner import SandboxServer


@pytest.fixture
def client(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    with http_client(sandbox.base_url, headers=AUTH) as c:
        yield c


@pytest.fixture
def anonymous(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    with http_client(sandbox.base_url) as c:
        yield c
