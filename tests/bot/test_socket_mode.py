"""Socket Mode: payloads through `async_dispatch` as the adapter hands them over, and the real
`lucca-training slack --sandbox` connected to the fake Slack's WebSocket."""

import os
import signal
import subprocess
import sys

import pytest

from bot import ids
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import (
    APP_TOKEN,
    BOT_TOKEN,
    SIGNING_SECRET,
    VALID_FORM,
    SlackDriver,
    texts_of,
)
from tests.servers import EXIT_TIMEOUT_SECONDS
from tests.support import CONSOLE_SCRIPT, SANDBOX_KEY, posts


async def test_a_command_and_a_submission_through_socket_mode_dispatch(
    socket_driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    view_id = await socket_driver.open_form(text="Socket training")
    answer = await socket_driver.submit(view_id, {**VALID_FORM, ids.TITLE_BLOCK: "Socket training"})
    assert answer.body["view"]["callback_id"] == ids.CREATING_CALLBACK
    await fake_slack.wait_for(
        lambda: fake_slack.views[view_id].view["callback_id"] == ids.RESULT_CALLBACK
    )
    assert "*Socket training*" in texts_of(fake_slack.views[view_id].view)
    assert len(posts(sandbox)) == 1


async def test_a_retried_command_envelope_opens_no_second_modal(
    socket_driver: SlackDriver, fake_slack: FakeSlack
):
    answer = await socket_driver.command(retry=2)
    assert answer.status == 200
    await socket_driver.open_form()
    assert len(fake_slack.calls_to("views.open")) == 1


def slack_env(fake: FakeSlack, **overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "LUCCA_"))}
    env.update(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_APP_TOKEN=APP_TOKEN, SLACK_API_URL=fake.api_url)
    env.update(overrides)
    return env


def start_slack_command(fake: FakeSlack, tmp_path, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [str(CONSOLE_SCRIPT), "slack", "--sandbox"],
        env=slack_env(fake, **env),
        cwd=tmp_path,  # no .env of the developer's
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


async def test_lucca_training_slack_serves_the_form_over_socket_mode(
    fake_slack: FakeSlack, tmp_path
):
    process = start_slack_command(fake_slack, tmp_path)
    try:
        await fake_slack.wait_for(lambda: fake_slack._sockets)
        driver = SlackDriver(fake_slack, EnvelopeTransport(fake_slack))
        view_id = await driver.open_form()
        answer = await driver.submit(view_id, VALID_FORM)
        assert answer.body["view"]["callback_id"] == ids.CREATING_CALLBACK
        await fake_slack.wait_for(
            lambda: fake_slack.views[view_id].view["callback_id"] == ids.RESULT_CALLBACK
        )
        dm = await fake_slack.wait_for(lambda: fake_slack.calls_to("chat.postMessage"))
        assert "*#45*" in dm[0].args["text"]
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=EXIT_TIMEOUT_SECONDS)
    assert process.returncode == 130, err
    assert "Connected to Slack in Socket Mode" in err
    assert "Everyone in the Slack workspace may create trainings" in err
    for secret in (BOT_TOKEN, APP_TOKEN, SIGNING_SECRET, SANDBOX_KEY):
        assert secret not in out + err


class EnvelopeTransport:
    """Slack in Socket Mode: each payload goes down the WebSocket in an envelope."""

    def __init__(self, fake: FakeSlack) -> None:
        self.fake = fake

    async def command(self, fields, headers):
        from tests.bot.slack_driver import Answer

        return Answer(200, await self.fake.send_envelope("slash_commands", dict(fields)))

    async def interaction(self, payload):
        from tests.bot.slack_driver import Answer

        return Answer(200, await self.fake.send_envelope("interactive", payload))


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SLACK_APP_TOKEN": "xapp-1-revoked-do-not-leak"}, "Slack refused SLACK_APP_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxb-revoked-do-not-leak"}, "Slack refused SLACK_BOT_TOKEN"),
    ],
)
async def test_bad_slack_settings_stop_it_at_start_with_the_variable_named(
    fake_slack: FakeSlack, tmp_path, env, message
):
    process = start_slack_command(fake_slack, tmp_path, **env)
    out, err = process.communicate(timeout=EXIT_TIMEOUT_SECONDS)
    assert process.returncode == 2
    assert message in err
    for secret in (*env.values(), BOT_TOKEN, APP_TOKEN):
        if secret.startswith(("xoxb-", "xapp-")):
            assert secret not in out + err
    assert fake_slack._sockets == []


def test_the_cli_loads_nothing_of_slack_until_the_slack_command_runs():
    code = (
        "import sys; from tools.cli.main import build_parser; build_parser(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('slack_bolt', 'slack_sdk', 'aiohttp', 'bot')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr
