"""The fake Slack answers as Slack does, so that the app's tests mean something."""

from collections.abc import AsyncIterator

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.form import form_view
from bot.strings import texts
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import BOT_TOKEN

FORM = form_view(texts("en"), private_metadata="{}")


@pytest.fixture
async def client(fake_slack: FakeSlack) -> AsyncIterator[AsyncWebClient]:
    yield AsyncWebClient(token=BOT_TOKEN, base_url=fake_slack.api_url)


async def error_of(call) -> str:
    with pytest.raises(SlackApiError) as raised:
        await call
    return raised.value.response["error"]


async def test_a_wrong_token_is_refused(fake_slack: FakeSlack):
    other = AsyncWebClient(token="xoxb-someone-else", base_url=fake_slack.api_url)
    assert await error_of(other.auth_test()) == "invalid_auth"


async def test_a_trigger_works_once(client: AsyncWebClient, fake_slack: FakeSlack):
    trigger = fake_slack.new_trigger("U0ANN")
    opened = await client.views_open(trigger_id=trigger, view=FORM)
    assert opened["view"]["id"] in fake_slack.views
    assert await error_of(client.views_open(trigger_id=trigger, view=FORM)) == "expired_trigger_id"
    assert await error_of(client.views_open(trigger_id="1.x", view=FORM)) == "invalid_trigger_id"


async def test_a_view_slack_would_refuse_is_refused(client: AsyncWebClient, fake_slack):
    too_long_title = {**FORM, "title": {"type": "plain_text", "text": "A title over 24 characters"}}
    trigger = fake_slack.new_trigger("U0ANN")
    assert await error_of(client.views_open(trigger_id=trigger, view=too_long_title)) == (
        "invalid_arguments"
    )
    assert fake_slack.view_problems
    fake_slack.view_problems.clear()  # expected here; the fixture fails on any left over


async def test_a_stale_hash_conflicts_and_a_closed_view_is_gone(client: AsyncWebClient, fake_slack):
    opened = await client.views_open(trigger_id=fake_slack.new_trigger("U0ANN"), view=FORM)
    view_id, first_hash = opened["view"]["id"], opened["view"]["hash"]
    await client.views_update(view_id=view_id, hash=first_hash, view=FORM)
    stale = client.views_update(view_id=view_id, hash=first_hash, view=FORM)
    assert await error_of(stale) == "hash_conflict"
    fake_slack.close_view(view_id)
    assert await error_of(client.views_update(view_id=view_id, view=FORM)) == "not_found"


async def test_users_and_groups(client: AsyncWebClient, fake_slack: FakeSlack):
    fake_slack.locales["U0ANN"] = "fr-FR"
    answer = await client.users_info(user="U0ANN", include_locale=True)
    assert answer["user"]["locale"] == "fr-FR"
    assert await error_of(client.users_info(user="nobody")) == "user_not_found"
    assert await error_of(client.usergroups_users_list(usergroup="S0NONE")) == "no_such_subteam"


async def test_a_workflow_step_completes_once_with_its_own_token(
    client: AsyncWebClient, fake_slack: FakeSlack
):
    execution, token = fake_slack.new_function_execution()
    step = AsyncWebClient(token=token, base_url=fake_slack.api_url)
    refused = client.functions_completeSuccess(function_execution_id=execution, outputs={})
    assert await error_of(refused) == "invalid_auth"  # the bot token cannot complete a step
    await step.functions_completeSuccess(function_execution_id=execution, outputs={"a": 1})
    again = step.functions_completeError(function_execution_id=execution, error="late")
    assert await error_of(again) == "function_execution_already_completed"
    unknown = step.functions_completeError(function_execution_id="Fx0", error="x")
    assert await error_of(unknown) == "function_execution_not_found"
    assert fake_slack.executions[execution] == {"outputs": {"a": 1}}


async def test_a_home_tab_is_checked_like_any_view(client: AsyncWebClient, fake_slack: FakeSlack):
    home = {
        "type": "home",
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "x"}}],
    }
    await client.views_publish(user_id="U0ANN", view=home)
    assert fake_slack.homes["U0ANN"] == [home]
    too_many = {"type": "home", "blocks": home["blocks"] * 101}
    assert await error_of(client.views_publish(user_id="U0ANN", view=too_many)) == (
        "invalid_arguments"
    )
    fake_slack.view_problems.clear()  # refused on purpose


async def test_names_come_from_users_info_and_conversations_info(
    client: AsyncWebClient, fake_slack: FakeSlack
):
    fake_slack.user_names["U0BOB"] = "Bob Martin"
    fake_slack.channels["C0SALES"] = "sales"
    user = (await client.users_info(user="U0BOB"))["user"]
    assert user["profile"]["display_name"] == "Bob Martin"
    assert (await client.conversations_info(channel="C0SALES"))["channel"]["name"] == "sales"
    assert await error_of(client.conversations_info(channel="C0NONE")) == "channel_not_found"
