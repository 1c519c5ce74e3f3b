"""Conversations follow the same access rules as the form: who may not create may not draft."""

import pytest

from tests.bot.drafting.slack_events import say_in_dm
from tests.bot.drafting.test_conversation import app_answers
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import USER, SlackDriver
from tests.drafting.fake_llm import FakeLlm


@pytest.fixture
def settings_overrides() -> dict[str, object]:
    return {"slack_allowed_users": ("U0BOB",)}


async def test_someone_not_allowed_to_create_is_told_so_and_the_model_not_asked(
    driver: SlackDriver, fake_slack: FakeSlack, fake_llm: FakeLlm
):
    await say_in_dm(driver, "A training please", user=USER)
    (reply,) = await app_answers(fake_slack, 1)
    assert "limited to some people" in reply["text"]
    assert fake_llm.requests == []
