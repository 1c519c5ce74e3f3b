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
}


def test_the_command_and_every_url_point_at_slack_events():
    (command,) = MANIFEST["features"]["slash_commands"]
    assert command["command"] == ids.COMMAND
    interactivity = MANIFEST["settings"]["interactivity"]
    assert interactivity["is_enabled"] is True
    urls = [command["url"], interactivity["request_url"], interactivity["message_menu_options_url"]]
    assert urls == ["https://YOUR-HOST/slack/events"] * 3


def test_the_bot_has_the_scopes_of_the_methods_it_calls_and_no_more():
    scopes = set(MANIFEST["oauth_config"]["scopes"]["bot"])
    needed = {"commands", *SCOPE_OF_METHOD.values()}
    assert scopes == needed


def test_direct_messages_can_be_read_in_the_apps_messages_tab():
    home = MANIFEST["features"]["app_home"]
    assert home["messages_tab_enabled"] is True
    assert MANIFEST["settings"]["socket_mode_enabled"] is False  # HTTP mode unless switched


async def test_every_web_api_method_the_app_calls_is_covered_by_a_scope(
    driver, fake_slack, sandbox
):
    from tests.bot.slack_driver import VALID_FORM

    sandbox.add_faults({"status": 503})
    view_id = await driver.open_form()
    await driver.submit(view_id, VALID_FORM)
    await fake_slack.wait_for(lambda: len(fake_slack.views[view_id].history) == 3)
    await driver.submit(view_id, VALID_FORM)
    await fake_slack.wait_for(lambda: fake_slack.calls_to("chat.postMessage"))
    called = {call.method for call in fake_slack.calls}
    assert called - {"auth.test", "views.open", "views.update"} <= set(SCOPE_OF_METHOD)
