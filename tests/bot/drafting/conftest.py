"""The Slack app with drafting on, its model a fake OpenAI-compatible server over real HTTP."""

import pytest

from tests.drafting.conftest import fake_llm  # noqa: F401 - the fake model server, a fixture
from tests.drafting.fake_llm import FAKE_KEY, FAKE_MODEL, FakeLlm
from tools.drafting.settings import LlmConnection

MODEL_TIMEOUT_SECONDS = 1.0


@pytest.fixture
def drafting_on() -> bool:
    """Modules testing the app without a model override this."""
    return True


@pytest.fixture
def llm(fake_llm: FakeLlm, drafting_on: bool) -> LlmConnection | None:  # noqa: F811
    """The app's model (tests/bot/conftest.py builds the app with it): the fake, or none."""
    connection = LlmConnection(fake_llm.base_url, FAKE_KEY, FAKE_MODEL, MODEL_TIMEOUT_SECONDS)
    return connection if drafting_on else None
