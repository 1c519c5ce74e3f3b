"""The global shortcut and the Home tab: the empty form from anywhere; a Create button, the user's
recent creations and short help, refreshed when one of their creations finishes."""

import pytest

from bot import ids
from tests.bot.doors import global_shortcut, open_home, press_home_create
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import USER, VALID_FORM, SlackDriver, inputs_of, texts_of


async def test_the_global_shortcut_opens_the_empty_form(driver: SlackDriver, fake_slack):
    answer = await global_shortcut(driver)
    assert answer.status == 200
    (opened,) = await fake_slack.wait_for(lambda: fake_slack.calls_to("views.open"))
    view = fake_slack.views[opened.answer["view"]["id"]].view
    assert view["callback_id"] == ids.FORM_CALLBACK
    assert inputs_of(view) == {}  # nothing pre-filled
    assert ids.SHARE_IN_THREAD_BLOCK not in {b.get("block_id") for b in view["blocks"]}


async def test_the_home_tab_shows_a_create_button_help_and_no_creations_yet(
    driver: SlackDriver, fake_slack: FakeSlack
):
    await open_home(driver)
    (home,) = await fake_slack.wait_for(lambda: fake_slack.homes.get(USER))
    shown = texts_of(home)
    assert "Create a training" in shown
    assert "None yet" in shown
    assert "250" in shown and "6000" in shown and "Not in the public catalog" in shown


async def test_the_messages_tab_publishes_nothing(driver: SlackDriver, fake_slack: FakeSlack):
    await open_home(driver, tab="messages")
    await open_home(driver)  # then the Home tab: one publish, for it alone
    await fake_slack.wait_for(lambda: fake_slack.homes.get(USER))
    assert len(fake_slack.calls_to("views.publish")) == 1


async def test_the_home_button_opens_the_form_and_the_creation_shows_up_on_the_tab(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    await open_home(driver)
    await fake_slack.wait_for(lambda: fake_slack.homes.get(USER))
    answer = await press_home_create(driver)
    assert answer.status == 200
    (opened,) = await fake_slack.wait_for(lambda: fake_slack.calls_to("views.open"))
    view_id = opened.answer["view"]["id"]
    await driver.submit(view_id, VALID_FORM)
    homes = await fake_slack.wait_for(
        lambda: len(fake_slack.homes[USER]) >= 2 and fake_slack.homes[USER]
    )
    latest = texts_of(homes[-1])
    assert "*#45* Negotiation basics" in latest
    assert "Ready, not in the public catalog" in latest
    assert "<!date^" in latest  # when, in the reader's time zone
    assert "None yet" not in latest


@pytest.mark.parametrize("settings_overrides", [{"slack_allowed_users": ("U0CAROL",)}])
async def test_the_home_tab_says_plainly_who_may_not_create(
    driver: SlackDriver, fake_slack: FakeSlack
):
    await open_home(driver)
    (home,) = await fake_slack.wait_for(lambda: fake_slack.homes.get(USER))
    assert "you are not one of them yet" in texts_of(home)
    buttons = [b for b in home["blocks"] if b["type"] == "actions"]
    assert buttons == []


@pytest.mark.parametrize("settings_overrides", [{"slack_allowed_users": ("U0CAROL",)}])
async def test_the_global_shortcut_refuses_in_a_modal(driver: SlackDriver, fake_slack, sandbox):
    await global_shortcut(driver)
    (opened,) = await fake_slack.wait_for(lambda: fake_slack.calls_to("views.open"))
    assert fake_slack.views[opened.answer["view"]["id"]].view["callback_id"] == (
        ids.REFUSED_CALLBACK
    )
    assert sandbox.requests_log() == []
