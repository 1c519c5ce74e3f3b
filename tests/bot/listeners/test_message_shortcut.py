"""The message shortcut: the form pre-filled from the message, the result in its thread (only the
user sees it unless they tick the box), and the limits said when a message is cut."""

import pytest

from bot import ids
from tests.bot.doors import message_shortcut
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import CHANNEL, USER, VALID_FORM, SlackDriver, inputs_of, texts_of
from tools.core.draft import utf16_length

REQUEST = (
    "*Negotiation course* for the sales team?\n"
    "<@U0BOB> and <#C0SALES> asked: "
    "see <https://wiki.acme.test/negotiation?x=1&amp;y=2|the plan>.\n"
    "```\nDay 1: prepare\nDay 2: _close_\n```\n"
    "Budget &lt; 2k &amp; before June"
)


async def shortcut_form(driver: SlackDriver, fake: FakeSlack, text: str, **where) -> dict:
    message = fake.post_as_user(where.get("channel", CHANNEL), "U0BOB", text)
    answer = await message_shortcut(driver, message, **where)
    assert answer.status == 200, answer
    (opened,) = await fake.wait_for(lambda: fake.calls_to("views.open"))
    assert opened.ok, opened.answer
    return message | {"view_id": opened.answer["view"]["id"]}


async def test_a_message_pre_fills_a_clean_title_and_description(driver, fake_slack: FakeSlack):
    fake_slack.user_names["U0BOB"] = "Bob Martin"
    fake_slack.channels["C0SALES"] = "sales"
    message = await shortcut_form(driver, fake_slack, REQUEST)
    view = fake_slack.views[message["view_id"]].view
    shown = inputs_of(view)
    assert shown[ids.TITLE_BLOCK] == "Negotiation course for the sales team?"
    assert shown[ids.DESCRIPTION_BLOCK] == (
        "Negotiation course for the sales team?\n"
        "@Bob Martin and #sales asked: see the plan "
        "(https://wiki.acme.test/negotiation?x=1&y=2).\n"
        "Day 1: prepare\nDay 2: _close_\n"
        "Budget < 2k & before June"
    )
    assert ids.DESCRIPTION_MORE_BLOCK not in shown
    assert ids.SHARE_IN_THREAD_BLOCK in {b.get("block_id") for b in view["blocks"]}
    assert "cut" not in texts_of(view)
    names = {call.args.get("user") for call in fake_slack.calls_to("users.info")}
    assert "U0BOB" in names
    assert [c.args["channel"] for c in fake_slack.calls_to("conversations.info")] == ["C0SALES"]


async def test_a_10000_character_message_is_cut_to_lucca_s_limits_with_a_note(
    driver, fake_slack: FakeSlack
):
    first_line = "Leadership " * 40  # 440 characters on the first line
    body = "🙂 and more words " * 600  # an emoji counts 2 as Lucca counts
    text = (first_line + "\n" + body)[:10_000]
    assert len(text) == 10_000
    message = await shortcut_form(driver, fake_slack, text)
    view = fake_slack.views[message["view_id"]].view
    shown = inputs_of(view)
    assert utf16_length(shown[ids.TITLE_BLOCK]) <= 250
    assert shown[ids.TITLE_BLOCK].startswith("Leadership Leadership")
    description = shown[ids.DESCRIPTION_BLOCK] + shown[ids.DESCRIPTION_MORE_BLOCK]
    assert 5990 <= utf16_length(description) <= 6000
    assert utf16_length(shown[ids.DESCRIPTION_BLOCK]) <= 3000
    assert text.startswith(description)
    notice = texts_of(view)
    assert "cut" in notice and "250" in notice and "6000" in notice


async def test_the_result_is_a_reply_in_the_thread_only_the_user_sees(
    driver, fake_slack: FakeSlack, sandbox
):
    message = await shortcut_form(driver, fake_slack, "Negotiation basics\nfor sales")
    view_id = message["view_id"]
    await driver.submit(view_id, VALID_FORM)
    (reply,) = await fake_slack.wait_for(lambda: fake_slack.ephemerals)
    assert reply["channel"] == CHANNEL and reply["user"] == USER
    assert reply["thread_ts"] == message["ts"]
    assert "Negotiation basics" in reply["text"] and "#45" in reply["text"]
    await fake_slack.wait_for(lambda: fake_slack.calls_to("chat.postMessage"))
    in_thread = [m for m in fake_slack.thread(CHANNEL, message["ts"]) if m.get("bot_id")]
    assert in_thread == []  # the channel sees nothing
    dm = fake_slack.calls_to("chat.postMessage")[0]
    assert dm.args["channel"] == USER  # the direct message keeps the result, as always


async def test_ticking_the_box_shows_the_result_to_the_thread(
    driver, fake_slack: FakeSlack, sandbox
):
    message = await shortcut_form(driver, fake_slack, "Negotiation basics")
    await driver.submit(message["view_id"], {**VALID_FORM, ids.SHARE_IN_THREAD_BLOCK: [ids.YES]})
    replies = await fake_slack.wait_for(
        lambda: [m for m in fake_slack.thread(CHANNEL, message["ts"]) if m.get("bot_id")]
    )
    assert replies[0]["thread_ts"] == message["ts"]
    assert f"<@{USER}> created training *#45*" in replies[0]["text"]
    assert fake_slack.ephemerals == []


async def test_a_reply_in_a_thread_answers_in_that_thread(driver, fake_slack: FakeSlack, sandbox):
    parent = fake_slack.post_as_user(CHANNEL, "U0BOB", "Trainings for 2027")
    reply = fake_slack.post_as_user(CHANNEL, "U0BOB", "Negotiation basics", parent["ts"])
    await message_shortcut(driver, reply)
    (opened,) = await fake_slack.wait_for(lambda: fake_slack.calls_to("views.open"))
    await driver.submit(opened.answer["view"]["id"], VALID_FORM)
    (note,) = await fake_slack.wait_for(lambda: fake_slack.ephemerals)
    assert note["thread_ts"] == parent["ts"]


@pytest.mark.parametrize("settings_overrides", [{"slack_allowed_users": ("U0CAROL",)}])
async def test_someone_not_allowed_gets_a_refusal_and_no_form(
    driver, fake_slack: FakeSlack, sandbox
):
    message = fake_slack.post_as_user(CHANNEL, "U0BOB", "Negotiation basics")
    await message_shortcut(driver, message)
    (opened,) = await fake_slack.wait_for(lambda: fake_slack.calls_to("views.open"))
    view = fake_slack.views[opened.answer["view"]["id"]].view
    assert view["callback_id"] == ids.REFUSED_CALLBACK
    assert "limited to some people" in texts_of(view)
    assert sandbox.requests_log() == []


async def test_socket_mode_takes_the_same_doors(socket_driver: SlackDriver, fake_slack, sandbox):
    message = fake_slack.post_as_user(CHANNEL, "U0BOB", "Negotiation basics")
    answer = await message_shortcut(socket_driver, message)
    assert answer.status == 200
    (opened,) = await fake_slack.wait_for(lambda: fake_slack.calls_to("views.open"))
    await socket_driver.submit(opened.answer["view"]["id"], VALID_FORM)
    (note,) = await fake_slack.wait_for(lambda: fake_slack.ephemerals)
    assert note["thread_ts"] == message["ts"]


async def test_a_slow_slack_still_opens_the_form_before_the_trigger_expires(
    driver: SlackDriver, fake_slack: FakeSlack
):
    fake_slack.user_names["U0BOB"] = "Bob Martin"
    fake_slack.channels["C0SALES"] = "sales"
    fake_slack.delays["users.info"] = 1.6  # each name (and the locale): past the 1 s allowed
    fake_slack.delays["conversations.info"] = 1.6
    message = await shortcut_form(driver, fake_slack, "Ask <@U0BOB> in <#C0SALES>")
    shown = inputs_of(fake_slack.views[message["view_id"]].view)
    assert shown[ids.TITLE_BLOCK] == "Ask @U0BOB in #C0SALES"  # ids rather than a lost trigger


async def test_a_reply_to_everyone_cannot_mention_the_channel_through_a_title(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    message = await shortcut_form(driver, fake_slack, "Ping <!channel> now")
    assert inputs_of(fake_slack.views[message["view_id"]].view)[ids.TITLE_BLOCK] == (
        "Ping @channel now"
    )
    title = "Safety <!channel> *now*"
    await driver.submit(
        message["view_id"],
        {**VALID_FORM, ids.TITLE_BLOCK: title, ids.SHARE_IN_THREAD_BLOCK: [ids.YES]},
    )
    replies = await fake_slack.wait_for(
        lambda: [m for m in fake_slack.thread(CHANNEL, message["ts"]) if m.get("bot_id")]
    )
    assert "<!channel>" not in replies[0]["text"]
    assert "&lt;!channel&gt;" in replies[0]["text"]
