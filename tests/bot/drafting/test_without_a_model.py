"""Without LLM_* settings nothing about drafting shows, and conversations are left alone."""

import pytest

from bot import ids
from tests.bot.drafting.slack_events import dm_channel, say_in_dm, send_event
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import SlackDriver, texts_of
from tests.drafting.fake_llm import FakeLlm


@pytest.fixture
def drafting_on() -> bool:
    return False


async def test_the_form_has_no_drafting_action(driver: SlackDriver, fake_slack: FakeSlack):
    view_id = await driver.open_form()
    view = fake_slack.views[view_id].view
    assert [b for b in view["blocks"] if b["type"] == "actions"] == []
    assert ids.DRAFT_HINT_BLOCK not in [b.get("block_id") for b in view["blocks"]]
    assert "AI" not in texts_of(view)


async def test_a_direct_message_is_acknowledged_and_left_unanswered(
    driver: SlackDriver, fake_slack: FakeSlack, fake_llm: FakeLlm
):
    await say_in_dm(driver, "I need a negotiation training")
    mention = fake_slack.post_as_user("C0GENERAL", "U0ANN", "<@U0BOT> hello")
    answer = await send_event(driver, {**mention, "type": "app_mention"})
    assert answer.status == 200
    assert fake_slack.calls_to("chat.postMessage") == []
    assert fake_llm.requests == []
    assert fake_slack.thread(dm_channel(), fake_slack.messages[0]["ts"])[-1]["user"] == "U0ANN"


async def test_a_drafting_button_pressed_anyway_is_not_handled(driver: SlackDriver, fake_llm):
    from tests.bot.drafting.slack_events import press_in_modal

    view_id = await driver.open_form()
    with pytest.raises(AssertionError, match="no button"):
        await press_in_modal(driver, view_id, ids.DRAFT_ACTION, {})
    assert fake_llm.requests == []
