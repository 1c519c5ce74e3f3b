"""The bot token, the signing secret, the app token and the Lucca key never leave: not in a log
line (at any level), a view, a message, or anything sent to Slack."""

import json
import logging

import pytest

from bot import ids
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import (
    APP_TOKEN,
    BOT_TOKEN,
    SIGNING_SECRET,
    VALID_FORM,
    SlackDriver,
)
from tests.support import SANDBOX_KEY

SECRETS = (BOT_TOKEN, SIGNING_SECRET, APP_TOKEN, SANDBOX_KEY)


@pytest.fixture
def settings_overrides() -> dict[str, object]:
    return {"slack_allowed_usergroups": ("S0TRAINERS", "S0GONE")}


async def test_no_secret_in_logs_or_in_anything_sent_to_slack(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox, caplog
):
    caplog.set_level(logging.DEBUG)  # every logger, every level: Bolt's, slack_sdk's, httpx's, ours
    fake_slack.usergroups["S0TRAINERS"] = ["U0ANN"]
    # A dropped GET is read again, so the lost answer is the POST's (dropped before storing).
    sandbox.add_faults({"status": 401}, {"status": 500}, {"method": "POST", "drop": "before"})
    fake_slack.fail_next("chat.postMessage", "channel_not_found")

    view_id = await driver.open_form()
    for expected_forms in (3, 5, 7):  # 401, then 500, then no answer: the form back each time
        await driver.submit(view_id, VALID_FORM)
        history = fake_slack.views[view_id].history
        await fake_slack.wait_for(lambda n=expected_forms, h=history: len(h) == n)
    await driver.submit(view_id, VALID_FORM)
    await fake_slack.wait_for(
        lambda: fake_slack.views[view_id].view["callback_id"] == ids.RESULT_CALLBACK
    )
    await fake_slack.wait_for(lambda: fake_slack.responses)
    await driver.command(user="U0MALLORY")  # refused, with a group Slack cannot read
    await fake_slack.wait_for(lambda: len(fake_slack.responses) == 2)

    sent_to_slack = json.dumps(
        [[call.method, call.args] for call in fake_slack.calls]
        + [opened.history for opened in fake_slack.views.values()]
        + fake_slack.responses,
        ensure_ascii=False,
    )
    logged = caplog.text + "".join(str(record.args) for record in caplog.records)
    assert "Lucca refused this app's access" in sent_to_slack  # the flow did go through failures
    assert "channel_not_found" in logged
    for secret in SECRETS:
        assert secret not in sent_to_slack
        assert secret not in logged
