"""The Slack app with drafting on, its model a fake OpenAI-compatible server over real HTTP."""

import pytest

from tests.drafting.conftest import fake_llm  # noqa: F401 - the fake model server, a fixture
from tests.drafting.fake_llm import FAKE_KEY, FAKE_MODEL, FakeLlm
from tools.drafting.settings import LlmConnection

# The model's timeout in the test of a model too slow (a delay fault past it); every other test
# gets MODEL_WAIT_SECONDS, a safety net a loaded 2-core machine does not reach.
MODEL_TIMEOUT_SECONDS = 1.0
MODEL_WAIT_SECONDS = 10.0


@pytest.fixture
def model_timeout_seconds() -> float:
    return MODEL_WAIT_SECONDS


@pytest.fixture
def drafting_on() -> bool:
    """Modules testing the app without a model override this."""
    return True


@pytest.fixture
def llm(
    fake_llm: FakeLlm,  # noqa: F811
    drafting_on: bool,
    model_timeout_seconds: float,
) -> LlmConnection | None:
    """The app's model (tests/bot/conftest.py builds the app with it): the fake, or none."""
    connection = LlmConnection(fake_llm.base_url, FAKE_KEY, FAKE_MODEL, model_timeout_seconds)
    return connection if drafting_on else None
