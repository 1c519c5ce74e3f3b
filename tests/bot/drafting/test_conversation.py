"""Drafting in a conversation: DMs and mentions as Slack sends them, the thread as the only state,
and a draft that ends in the pre-filled form (and nothing created)."""

import json

from bot import ids
from tests.bot.drafting.slack_events import (
    dm_channel,
    mention,
    press_in_message,
    say_in_dm,
    send_event,
)
from tests.bot.fake_slack import BOT_USER_ID, FakeSlack
from tests.bot.slack_driver import SlackDriver, inputs_of, texts_of
from tests.drafting.fake_llm import FakeLlm
from tests.support import posts

DRAFT = {
    "title": "Negotiation for sales teams: prepare, open, close",
    "subtitle": "Three half-days for account managers who want to close better deals.",
    "description": "Goals: prepare a negotiation, open it, close it.\nFormat: 3 half-days.",
    "suggestedLevel": "Middle",
}


def app_messages(fake: FakeSlack) -> list[dict]:
    return [m for m in fake.messages if m.get("user") == BOT_USER_ID]


async def app_answers(fake: FakeSlack, count: int) -> list[dict]:
    await fake.wait_for(lambda: len(app_messages(fake)) >= count)
    return app_messages(fake)


async def test_a_conversation_of_several_turns_ends_with_the_form_pre_filled(
    driver: SlackDriver, fake_slack: FakeSlack, fake_llm: FakeLlm, sandbox
):
    fake_llm.answer({"reply": "question", "message": "Who is it for, and how long is it?"})
    first = await say_in_dm(driver, "I need a negotiation training for our sales team")
    (question,) = await app_answers(fake_slack, 1)
    assert question["thread_ts"] == first["ts"]
    assert question["text"] == "Who is it for, and how long is it?"

    fake_llm.answer({"reply": "draft", "message": "Here is a first draft.", **DRAFT})
    await say_in_dm(driver, "Account managers, 3 half-days", thread_ts=first["ts"])
    draft_message = (await app_answers(fake_slack, 2))[-1]
    assert draft_message["metadata"] == {
        "event_type": ids.DRAFT_METADATA_TYPE,
        "event_payload": DRAFT,
    }
    assert "Open the form" in texts_of(draft_message)

    revised = {**DRAFT, "title": "Negotiation for sales teams"}
    fake_llm.answer({"reply": "draft", "message": "Shorter title.", **revised})
    await say_in_dm(driver, "Make the title shorter <please> & thanks", thread_ts=first["ts"])
    latest = (await app_answers(fake_slack, 3))[-1]
    assert latest["thread_ts"] == first["ts"]

    # The model saw the whole thread, read back from Slack, its own draft included.
    conversation = json.loads(fake_llm.messages()[1]["content"])["conversation"]
    assert conversation == [
        {"from": "user", "text": "I need a negotiation training for our sales team"},
        {"from": "you", "text": "Who is it for, and how long is it?"},
        {"from": "user", "text": "Account managers, 3 half-days"},
        {"from": "you", "text": "Here is a first draft.", "draft": DRAFT},
        {"from": "user", "text": "Make the title shorter <please> & thanks"},
    ]
    replies = fake_slack.calls_to("conversations.replies")
    assert replies and all(c.args["include_all_metadata"] in ("1", "true") for c in replies)

    answer = await press_in_message(driver, latest, ids.OPEN_DRAFT_ACTION)
    assert (answer.status, answer.text) == (200, "")
    opened = await fake_slack.wait_for(lambda: fake_slack.calls_to("views.open"))
    assert opened[0].ok, opened[0].answer
    form = opened[0].args["view"]
    assert form["callback_id"] == ids.FORM_CALLBACK
    assert inputs_of(form) == {
        ids.TITLE_BLOCK: "Negotiation for sales teams",
        ids.SUBTITLE_BLOCK: DRAFT["subtitle"],
        ids.DESCRIPTION_BLOCK: DRAFT["description"],
        ids.LEVEL_BLOCK: "Middle",
    }
    assert f'"c":"{dm_channel()}"' in form["private_metadata"]
    assert posts(sandbox) == []  # nothing is created until the form is submitted


async def test_a_mention_in_a_channel_is_answered_in_its_thread(
    driver: SlackDriver, fake_slack: FakeSlack, fake_llm: FakeLlm
):
    fake_llm.answer({"reply": "question", "message": "What level?"})
    asked = await mention(driver, "C0SALES", "a training on Excel pivot tables")
    (reply,) = await app_answers(fake_slack, 1)
    assert (reply["channel"], reply["thread_ts"]) == ("C0SALES", asked["ts"])

    fake_llm.answer({"reply": "draft", "message": "Draft:", **DRAFT})
    await mention(driver, "C0SALES", "beginners", thread_ts=asked["ts"])
    await app_answers(fake_slack, 2)
    conversation = json.loads(fake_llm.messages()[1]["content"])["conversation"]
    assert [turn["text"] for turn in conversation] == [
        "a training on Excel pivot tables",
        "What level?",
        "beginners",
    ]


async def test_the_apps_own_messages_and_other_bots_are_never_answered(
    driver: SlackDriver, fake_slack: FakeSlack, fake_llm: FakeLlm
):
    fake_llm.answer({"reply": "question", "message": "Who is it for?"})
    first = await say_in_dm(driver, "A training please")
    (own,) = await app_answers(fake_slack, 1)
    # Slack also sends the app its own message, and other bots', and edits: none is answered.
    await send_event(driver, {**own, "channel_type": "im"})
    bot = {**first, "ts": "1.000001", "bot_id": "B0OTHER", "user": "U0OTHERBOT"}
    await send_event(driver, {**bot, "channel_type": "im"})
    edited = {**first, "subtype": "message_changed", "channel_type": "im"}
    await send_event(driver, edited)
    await send_event(driver, {**first, "channel_type": "im"}, retry=1)  # Slack's retry
    fake_llm.answer({"reply": "question", "message": "And the level?"})
    await say_in_dm(driver, "For sales", thread_ts=first["ts"])  # answered: the rest was not
    await app_answers(fake_slack, 2)
    assert len(fake_llm.requests) == 2
    assert [m["text"] for m in app_messages(fake_slack)] == ["Who is it for?", "And the level?"]


async def test_a_model_failure_is_said_in_the_thread_and_nothing_else(
    driver: SlackDriver, fake_slack: FakeSlack, fake_llm: FakeLlm
):
    fake_llm.answer_status(503)
    await say_in_dm(driver, "A training please")
    (reply,) = await app_answers(fake_slack, 1)
    assert "the AI is unavailable right now" in reply["text"]
    assert "metadata" not in reply and "blocks" not in reply


async def test_an_overlong_draft_is_shortened_once_then_shown_with_its_problem(
    driver: SlackDriver, fake_slack: FakeSlack, fake_llm: FakeLlm
):
    fake_llm.answer({"reply": "draft", "message": "Draft.", **DRAFT, "subtitle": "S" * 1500})
    fake_llm.answer({"reply": "draft", "message": "Draft.", **DRAFT, "subtitle": "S" * 1200})
    await say_in_dm(driver, "Write it all")
    (reply,) = await app_answers(fake_slack, 1)
    assert len(fake_llm.requests) == 2
    assert "The subtitle has 1200 characters, over Lucca's 1000" in texts_of(reply)

    await press_in_message(driver, reply, ids.OPEN_DRAFT_ACTION)
    opened = await fake_slack.wait_for(lambda: fake_slack.calls_to("views.open"))
    form = opened[0].args["view"]
    assert inputs_of(form)[ids.SUBTITLE_BLOCK] == "S" * 1000
    assert "it was cut to fit" in texts_of(form)


async def test_every_method_a_conversation_calls_is_covered_by_a_manifest_scope(
    driver: SlackDriver, fake_slack: FakeSlack, fake_llm: FakeLlm
):
    from tests.bot.test_manifest import MANIFEST, SCOPE_OF_METHOD

    fake_llm.answer({"reply": "question", "message": "For whom?"})
    first = await say_in_dm(driver, "A training")
    fake_llm.answer({"reply": "draft", "message": "Draft.", **DRAFT})
    await say_in_dm(driver, "Sales", thread_ts=first["ts"])
    await press_in_message(driver, (await app_answers(fake_slack, 2))[-1], ids.OPEN_DRAFT_ACTION)
    await fake_slack.wait_for(lambda: fake_slack.calls_to("views.open"))
    called = {call.method for call in fake_slack.calls} - {"auth.test", "views.open"}
    assert called <= set(SCOPE_OF_METHOD)
    assert {SCOPE_OF_METHOD[method] for method in called} <= set(
        MANIFEST["oauth_config"]["scopes"]["bot"]
    )
