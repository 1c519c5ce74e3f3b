"""The shipped Slack app manifest matches what the app does."""

from pathlib import Path

import yaml

import bot
from bot import ids

MANIFEST = yaml.safe_load((Path(bot.__file__).parent / "manifest.yaml").read_text("utf-8"))
# The scope each Web API method the app calls needs (views.* need none beyond `commands`).
SCOPE_OF_METHOD = {
    "chat.postMessage": "chat:write",
    "users.info": "users:read",
    "usergroups.users.list": "usergroups:read",
    "conversations.replies": "im:history",  # in DMs; threads in channels need the two below
}
# Drafting in conversations: the events that bring messages, and reading threads in channels.
CONVERSATION_SCOPES = {"app_mentions:read", "im:history", "channels:history", "groups:history"}


def test_the_command_and_every_url_point_at_slack_events():
    (command,) = MANIFEST["features"]["slash_commands"]
    assert command["command"] == ids.COMMAND
    interactivity = MANIFEST["settings"]["interactivity"]
    assert interactivity["is_enabled"] is True
    urls = [
        command["url"],
        interactivity["request_url"],
        interactivity["message_menu_options_url"],
        MANIFEST["settings"]["event_subscriptions"]["request_url"],
    ]
    assert urls == ["https://YOUR-HOST/slack/events"] * 4


def test_the_bot_has_the_scopes_of_the_methods_it_calls_and_no_more():
    scopes = set(MANIFEST["oauth_config"]["scopes"]["bot"])
    needed = {"commands", *SCOPE_OF_METHOD.values(), *CONVERSATION_SCOPES}
    assert scopes == needed


def test_the_app_hears_direct_messages_and_mentions_and_nothing_else():
    events = MANIFEST["settings"]["event_subscriptions"]["bot_events"]
    assert sorted(events) == ["app_mention", "message.im"]
    assert {"app_mentions:read", "im:history"} <= set(MANIFEST["oauth_config"]["scopes"]["bot"])


def test_people_can_write_to_the_app_in_its_messages_tab():
    home = MANIFEST["features"]["app_home"]
    assert home["messages_tab_enabled"] is True
    assert home["messages_tab_read_only_enabled"] is False
    assert MANIFEST["settings"]["socket_mode_enabled"] is False  # HTTP mode unless switched


async def test_every_web_api_method_the_app_calls_is_covered_by_a_scope(
    driver, fake_slack, sandbox
):
    from tests.bot.slack_driver import VALID_FORM

    sandbox.add_faults({"method": "POST", "status": 503})
    view_id = await driver.open_form()
    await driver.submit(view_id, VALID_FORM)
    opened = fake_slack.views[view_id]
    # The fake sets `history`, then `view`, in its own thread: wait for both (the error's form).
    await fake_slack.wait_for(lambda: len(opened.history) == 3 and opened.view is opened.history[2])
    await driver.submit(view_id, VALID_FORM)
    await fake_slack.wait_for(lambda: fake_slack.calls_to("chat.postMessage"))
    called = {call.method for call in fake_slack.calls}
    assert called - {"auth.test", "views.open", "views.update"} <= set(SCOPE_OF_METHOD)
