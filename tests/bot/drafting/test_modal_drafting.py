"""The form's "Draft with AI" button, as Slack drives it, with a fake model over real HTTP."""

import json
import threading

import pytest

from bot import ids
from tests.bot.drafting.conftest import MODEL_TIMEOUT_SECONDS, MODEL_WAIT_SECONDS
from tests.bot.drafting.slack_events import press_in_modal
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import SlackDriver, inputs_of, texts_of
from tests.drafting.fake_llm import FakeLlm
from tests.support import posts

TYPED = {
    ids.TITLE_BLOCK: "Negotiation for account managers",
    ids.SUBTITLE_BLOCK: "role plays, 3 half-days",
    ids.DESCRIPTION_BLOCK: "notes: prepare, open, close; <b>no</b> prerequisites",
    ids.TYPE_BLOCK: "External",
    ids.CERTIFYING_BLOCK: ids.NO,
    ids.MANDATORY_BLOCK: ids.YES,
    ids.PROVIDER_BLOCK: ("12", "L'Élan Français (#12)"),
    ids.CATEGORY_ID_BLOCK: "2",
}
# What the form shows of these values when it is built again from them.
TYPED_SHOWN = {**TYPED, ids.PROVIDER_BLOCK: "12"}
DRAFT = {
    "title": "A title the model should not impose",
    "subtitle": "For account managers who want to close better deals.",
    "description": "Goals: prepare a negotiation, open it, close it.\nFormat: 3 half-days.",
    "suggestedLevel": "Middle",
}


async def draft(driver: SlackDriver, fake_slack: FakeSlack, values=TYPED, forms: int = 3) -> dict:
    """Open the form, type `values`, press the button; the form once the app has finished."""
    view_id = await driver.open_form()
    answer = await press_in_modal(driver, view_id, ids.DRAFT_ACTION, values)
    assert (answer.status, answer.text) == (200, "")  # acknowledged at once, nothing else
    history = fake_slack.views[view_id].history
    await fake_slack.wait_for(lambda: len(history) == forms)
    opened = fake_slack.views[view_id]
    await fake_slack.wait_for(lambda: opened.view is history[-1])  # the fake sets it just after
    return opened


async def test_the_form_offers_drafting_under_the_description(
    driver: SlackDriver, fake_slack: FakeSlack
):
    view_id = await driver.open_form()
    blocks = [block.get("block_id") for block in fake_slack.views[view_id].view["blocks"]]
    position = blocks.index(ids.DESCRIPTION_MORE_BLOCK)
    assert blocks[position + 1 : position + 3] == [ids.DRAFT_HINT_BLOCK, ids.DRAFT_BLOCK]
    assert "Draft with AI" in texts_of(fake_slack.views[view_id].view)


async def test_a_draft_fills_subtitle_and_description_and_keeps_every_other_input(
    driver: SlackDriver, fake_slack: FakeSlack, fake_llm: FakeLlm, sandbox
):
    fake_llm.answer(DRAFT)
    opened = await draft(driver, fake_slack)

    form, loading, filled = opened.history
    assert loading["callback_id"] == ids.DRAFTING_CALLBACK
    assert not [b for b in loading["blocks"] if b["type"] == "input"]  # so values can be set again
    assert "Negotiation for account managers" in texts_of(loading)
    assert filled["callback_id"] == ids.FORM_CALLBACK
    assert filled["private_metadata"] == form["private_metadata"]
    assert inputs_of(filled) == {
        **TYPED_SHOWN,
        ids.SUBTITLE_BLOCK: DRAFT["subtitle"],
        ids.DESCRIPTION_BLOCK: DRAFT["description"],
        ids.LEVEL_BLOCK: "Middle",  # suggested, as none was chosen
    }
    assert "Suggested level: *Middle*" in texts_of(filled)
    assert ids.DRAFT_BLOCK in [b.get("block_id") for b in filled["blocks"]]  # can draft again
    data = json.loads(fake_llm.messages()[1]["content"])
    assert data["title"] == TYPED[ids.TITLE_BLOCK]
    assert TYPED[ids.SUBTITLE_BLOCK] in data["notes"] and "<b>no</b>" in data["notes"]
    assert data["alreadyChosen"] == {"type": "External", "isCertifying": False, "isMandatory": True}
    assert posts(sandbox) == []  # a draft is shown, never sent


async def test_a_level_the_user_chose_is_kept_and_the_suggestion_mentioned(
    driver: SlackDriver, fake_slack: FakeSlack, fake_llm: FakeLlm
):
    fake_llm.answer(DRAFT)
    opened = await draft(driver, fake_slack, {**TYPED, ids.LEVEL_BLOCK: "Expert"})
    assert inputs_of(opened.view)[ids.LEVEL_BLOCK] == "Expert"
    assert "The AI suggests *Middle*; your choice, *Expert*, is kept." in texts_of(opened.view)


async def test_an_overlong_draft_is_shortened_once_then_fills_the_form(
    driver: SlackDriver, fake_slack: FakeSlack, fake_llm: FakeLlm
):
    fake_llm.answer({**DRAFT, "description": "D" * 6100})
    fake_llm.answer({**DRAFT, "description": "D" * 5900})
    opened = await draft(driver, fake_slack)

    assert len(fake_llm.requests) == 2
    shown = inputs_of(opened.view)
    assert (shown[ids.DESCRIPTION_BLOCK], shown[ids.DESCRIPTION_MORE_BLOCK]) == (
        "D" * 3000,
        "D" * 2900,
    )
    assert "cut" not in texts_of(opened.view)


async def test_a_draft_still_overlong_is_cut_to_fit_with_the_problem_stated(
    driver: SlackDriver, fake_slack: FakeSlack, fake_llm: FakeLlm
):
    fake_llm.answer({**DRAFT, "subtitle": "S" * 1300})
    fake_llm.answer({**DRAFT, "subtitle": "S" * 1100})
    opened = await draft(driver, fake_slack)

    assert len(fake_llm.requests) == 2  # sent back once, not twice
    assert inputs_of(opened.view)[ids.SUBTITLE_BLOCK] == "S" * 1000
    assert "subtitle had 1100 characters, over Lucca's 1000: it was cut" in texts_of(opened.view)


@pytest.mark.parametrize(
    ("script", "reason", "model_timeout_seconds"),
    [
        (
            lambda llm: llm.answer(DRAFT, delay=MODEL_TIMEOUT_SECONDS + 1),
            "did not answer in time",
            MODEL_TIMEOUT_SECONDS,
        ),
        (lambda llm: llm.answer_status(500), "The AI is unavailable right now", MODEL_WAIT_SECONDS),
        (
            lambda llm: llm.answer_status(401),
            "its LLM settings must be checked",
            MODEL_WAIT_SECONDS,
        ),
        (
            lambda llm: llm.answer_text("Sure, here you go!"),
            "could not be used",
            MODEL_WAIT_SECONDS,
        ),
    ],
)
async def test_a_model_failure_gives_the_form_back_exactly_as_typed_with_the_reason(
    driver: SlackDriver, fake_slack: FakeSlack, fake_llm: FakeLlm, script, reason
):
    script(fake_llm)
    opened = await draft(driver, fake_slack, {**TYPED, ids.LEVEL_BLOCK: "Beginner"})

    restored = opened.view
    assert restored["callback_id"] == ids.FORM_CALLBACK
    assert inputs_of(restored) == {**TYPED_SHOWN, ids.LEVEL_BLOCK: "Beginner"}
    assert reason in texts_of(restored)
    assert restored["private_metadata"] == opened.history[0]["private_metadata"]


async def test_with_nothing_typed_the_model_is_not_asked(
    driver: SlackDriver, fake_slack: FakeSlack, fake_llm: FakeLlm
):
    opened = await draft(driver, fake_slack, {ids.LEVEL_BLOCK: "Beginner"}, forms=2)
    assert "Type a title or a few notes" in texts_of(opened.view)
    assert inputs_of(opened.view) == {ids.LEVEL_BLOCK: "Beginner"}
    assert fake_llm.requests == []


async def test_a_modal_that_changed_since_the_click_is_not_overwritten(
    driver: SlackDriver, fake_slack: FakeSlack, fake_llm: FakeLlm
):
    view_id = await driver.open_form()
    await press_in_modal(driver, view_id, ids.DRAFT_ACTION, TYPED, view_hash="1.stale")
    await fake_slack.wait_for(lambda: fake_slack.calls_to("views.update"))
    assert fake_slack.calls_to("views.update")[0].answer["error"] == "hash_conflict"
    assert len(fake_slack.views[view_id].history) == 1
    assert fake_llm.requests == []


async def test_a_modal_closed_while_drafting_gets_no_update(
    driver: SlackDriver, fake_slack: FakeSlack, fake_llm: FakeLlm
):
    closed = threading.Event()
    fake_llm.answer(DRAFT, until=closed)  # the model answers once the modal is closed
    view_id = await driver.open_form()
    await press_in_modal(driver, view_id, ids.DRAFT_ACTION, TYPED)
    await fake_slack.wait_for(lambda: len(fake_slack.views[view_id].history) == 2)
    fake_slack.close_view(view_id)
    closed.set()
    await fake_slack.wait_for(lambda: len(fake_slack.calls_to("views.update")) == 2)
    assert fake_slack.calls_to("views.update")[1].answer["error"] == "not_found"


async def test_a_form_restored_after_a_failed_creation_keeps_the_drafting_button(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    sandbox.add_faults({"method": "POST", "status": 503})
    view_id = await driver.open_form()
    await driver.submit(view_id, {**TYPED, ids.LEVEL_BLOCK: "Beginner"})
    history = fake_slack.views[view_id].history
    await fake_slack.wait_for(lambda: len(history) == 3)
    restored = history[-1]
    assert restored["callback_id"] == ids.FORM_CALLBACK
    assert ids.DRAFT_BLOCK in [block.get("block_id") for block in restored["blocks"]]
    assert len(posts(sandbox)) == 1
