"""The Slack app with drafting on, its model a fake OpenAI-compatible server over real HTTP."""

from collections.abc import AsyncIterator, Iterator

import pytest
from slack_bolt.async_app import AsyncApp

from bot.app import build_slack_app, drain_slack_app
from tests.bot.conftest import SETTLE_SECONDS, slack_settings
from tests.bot.fake_slack import FakeSlack
from tests.drafting.fake_llm import FAKE_KEY, FAKE_MODEL, FakeLlm
from tools.core.client import LuccaClient
from tools.drafting.settings import LlmConnection

MODEL_TIMEOUT_SECONDS = 1.0


@pytest.fixture
def fake_llm() -> Iterator[FakeLlm]:
    with FakeLlm() as fake:
        yield fake
    assert fake.problems == []
    assert fake.pending == 0, "scripted answers nobody asked for"


@pytest.fixture
def drafting_on() -> bool:
    """Modules testing the app without a model override this."""
    return True


@pytest.fixture
async def slack_app(
    fake_slack: FakeSlack,
    lucca: LuccaClient,
    fake_llm: FakeLlm,
    drafting_on: bool,
    settings_overrides: dict[str, object],
) -> AsyncIterator[AsyncApp]:
    llm = LlmConnection(fake_llm.base_url, FAKE_KEY, FAKE_MODEL, MODEL_TIMEOUT_SECONDS)
    app = build_slack_app(
        slack_settings(fake_slack, **settings_overrides),
        lucca,
        settle_seconds=SETTLE_SECONDS,
        start_delay=0.0,
        llm=llm if drafting_on else None,
    )
    yield app
    await drain_slack_app(app, timeout=5.0)
