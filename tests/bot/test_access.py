"""Who may create: the listed users and the listed groups' members; others get a refusal and no
modal. Driven by signed slash commands over HTTP, group members read from the fake Slack."""

import pytest

from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import SlackDriver


@pytest.fixture
def settings_overrides() -> dict[str, object]:
    return {"slack_allowed_users": ("U0BOB",), "slack_allowed_usergroups": ("S0TRAINERS",)}


@pytest.mark.parametrize("user", ["U0BOB", "U0CAROL"])
async def test_listed_users_and_group_members_get_the_modal(
    driver: SlackDriver, fake_slack: FakeSlack, user
):
    fake_slack.usergroups["S0TRAINERS"] = ["U0CAROL"]
    await driver.open_form(user=user)
    assert fake_slack.responses == []


async def test_anyone_else_gets_a_polite_refusal_and_no_modal(
    driver: SlackDriver, fake_slack: FakeSlack
):
    fake_slack.usergroups["S0TRAINERS"] = ["U0CAROL"]
    answer = await driver.command(user="U0MALLORY")
    assert (answer.status, answer.text) == (200, "")
    note = await fake_slack.wait_for(lambda: fake_slack.responses)
    assert note[0]["response_type"] == "ephemeral"
    assert note[0]["text"].startswith("Sorry, creating trainings from Slack is limited")
    assert fake_slack.calls_to("views.open") == []


async def test_the_refusal_is_in_french_for_a_french_user(driver, fake_slack: FakeSlack):
    fake_slack.usergroups["S0TRAINERS"] = []
    fake_slack.locales["U0MALLORY"] = "fr-CA"
    await driver.command(user="U0MALLORY")
    note = await fake_slack.wait_for(lambda: fake_slack.responses)
    assert note[0]["text"].startswith("Désolé")


async def test_a_group_that_cannot_be_read_refuses_and_says_why(driver, fake_slack: FakeSlack):
    # S0TRAINERS unknown to Slack: no_such_subteam
    await driver.command(user="U0CAROL")
    note = await fake_slack.wait_for(lambda: fake_slack.responses)
    assert "could not check whether you may create trainings" in note[0]["text"]
    assert fake_slack.calls_to("views.open") == []


async def test_group_members_are_read_once_for_several_commands(driver, fake_slack: FakeSlack):
    fake_slack.usergroups["S0TRAINERS"] = ["U0CAROL", "U0DAN"]
    await driver.open_form(user="U0CAROL")
    await driver.open_form(user="U0DAN")
    assert len(fake_slack.calls_to("usergroups.users.list")) == 1
