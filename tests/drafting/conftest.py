"""A fake model server over real HTTP, and the drafting package pointed at it."""

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from tests.drafting.fake_llm import FAKE_KEY, FAKE_MODEL, FakeLlm
from tools.drafting.client import ModelClient
from tools.drafting.drafter import Drafter
from tools.drafting.settings import LlmConnection

# The model's timeout in the tests of a model too slow (a delay fault past it), so they are quick;
# every other test gets WAIT_SECONDS, a safety net a loaded 2-core machine does not reach.
TIMEOUT_SECONDS = 0.5
WAIT_SECONDS = 10.0


@pytest.fixture
def fake_llm() -> Iterator[FakeLlm]:
    with FakeLlm() as fake:
        yield fake
    assert fake.problems == []
    assert fake.pending == 0, "scripted answers nobody asked for"


@pytest.fixture
def timeout_seconds() -> float:
    """Tests of a slow model parametrize this with TIMEOUT_SECONDS."""
    return WAIT_SECONDS


@pytest.fixture
def connection(fake_llm: FakeLlm, timeout_seconds: float) -> LlmConnection:
    return LlmConnection(fake_llm.base_url, FAKE_KEY, FAKE_MODEL, timeout_seconds)


@pytest.fixture
async def model(connection: LlmConnection) -> AsyncIterator[ModelClient]:
    async with httpx.AsyncClient() as http:
        yield ModelClient(http, connection)


@pytest.fixture
def drafter(model: ModelClient) -> Drafter:
    return Drafter(model)
