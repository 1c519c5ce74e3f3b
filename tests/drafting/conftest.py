"""A fake model server over real HTTP, and the drafting package pointed at it."""

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from tests.drafting.fake_llm import FAKE_KEY, FAKE_MODEL, FakeLlm
from tools.drafting.client import ModelClient
from tools.drafting.drafter import Drafter
from tools.drafting.settings import LlmConnection

TIMEOUT_SECONDS = 0.5  # short, so the timeout tests are quick; loopback answers in ms


@pytest.fixture
def fake_llm() -> Iterator[FakeLlm]:
    with FakeLlm() as fake:
        yield fake
    assert fake.problems == []
    assert fake.pending == 0, "scripted answers nobody asked for"


@pytest.fixture
def connection(fake_llm: FakeLlm) -> LlmConnection:
    return LlmConnection(fake_llm.base_url, FAKE_KEY, FAKE_MODEL, TIMEOUT_SECONDS)


@pytest.fixture
async def model(connection: LlmConnection) -> AsyncIterator[ModelClient]:
    async with httpx.AsyncClient() as http:
        yield ModelClient(http, connection)


@pytest.fixture
def drafter(model: ModelClient) -> Drafter:
    return Drafter(model)
