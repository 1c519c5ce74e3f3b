"""With a model, a form opened from a message offers drafting from that message at once."""

import json

from bot import ids
from tests.bot.doors import message_shortcut
from tests.bot.drafting.slack_events import press_in_modal
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import CHANNEL, SlackDriver, inputs_of
from tests.drafting.fake_llm import FakeLlm

DRAFT = {
    "title": "Negotiation for sales",
    "subtitle": "Prepare, open and close a negotiation.",
    "description": "Goals: prepare, open, close.\nFormat: 3 half-days.",
    "suggestedLevel": "Beginner",
}


async def test_the_message_s_text_is_what_the_model_drafts_from(
    driver: SlackDriver, fake_slack: FakeSlack, fake_llm: FakeLlm, sandbox
):
    fake_llm.answer(DRAFT)
    message = fake_slack.post_as_user(
        CHANNEL, "U0BOB", "*Negotiation* for sales?\nthey lose deals at the *closing* stage"
    )
    await message_shortcut(driver, message)
    (opened,) = await fake_slack.wait_for(lambda: fake_slack.calls_to("views.open"))
    view_id = opened.answer["view"]["id"]
    form = fake_slack.views[view_id].view
    assert ids.DRAFT_BLOCK in [b.get("block_id") for b in form["blocks"]]  # offered right away

    shown = inputs_of(form)  # press the button with what the form was opened with
    await press_in_modal(driver, view_id, ids.DRAFT_ACTION, shown)
    history = fake_slack.views[view_id].history
    await fake_slack.wait_for(lambda: len(history) == 3)
    data = json.loads(fake_llm.messages()[1]["content"])
    assert data["title"] == "Negotiation for sales?"
    assert "they lose deals at the closing stage" in data["notes"]
    filled = history[-1]
    assert inputs_of(filled)[ids.SUBTITLE_BLOCK] == DRAFT["subtitle"]
    # The box for the thread survives drafting: it is part of the form's values.
    assert ids.SHARE_IN_THREAD_BLOCK in [b.get("block_id") for b in filled["blocks"]]
