"""The model's key, like Slack's tokens and Lucca's key, never leaves: not in a log line, a view,
a message, or anything sent to Slack, even when the model refuses it."""

import json
import logging

from bot import ids
from tests.bot.drafting.slack_events import press_in_modal, say_in_dm
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import BOT_TOKEN, SIGNING_SECRET, SlackDriver
from tests.drafting.fake_llm import FAKE_KEY, FakeLlm
from tests.support import SANDBOX_KEY

SECRETS = (FAKE_KEY, BOT_TOKEN, SIGNING_SECRET, SANDBOX_KEY)


async def test_no_secret_in_logs_or_in_anything_sent_to_slack_or_the_model(
    driver: SlackDriver, fake_slack: FakeSlack, fake_llm: FakeLlm, caplog
):
    caplog.set_level(logging.DEBUG)
    fake_llm.answer_status(401)
    view_id = await driver.open_form()
    await press_in_modal(driver, view_id, ids.DRAFT_ACTION, {ids.TITLE_BLOCK: "Excel"})
    await fake_slack.wait_for(lambda: len(fake_slack.views[view_id].history) == 3)
    fake_llm.answer_status(500)
    await say_in_dm(driver, "A training on Excel")
    await fake_slack.wait_for(lambda: fake_slack.calls_to("chat.postMessage"))

    sent_to_slack = json.dumps(
        [[call.method, call.args] for call in fake_slack.calls]
        + [opened.history for opened in fake_slack.views.values()],
        ensure_ascii=False,
    )
    sent_to_model = json.dumps(fake_llm.requests, ensure_ascii=False)
    logged = caplog.text + "".join(str(record.args) for record in caplog.records)
    assert "its LLM settings must be checked" in sent_to_slack  # the refusal did go through
    assert "HTTP 401" in logged
    for secret in SECRETS:
        assert secret not in sent_to_slack
        assert secret not in logged
        assert secret not in sent_to_model
