"""Submitting the form, as Slack does: signed view_submission requests to /slack/events over HTTP,
the fake Slack Web API recording what the app does next, the sandbox behind the core."""

import asyncio
import json

import pytest

from bot import ids
from bot.app import build_slack_app
from tests.bot.conftest import LUCCA_TIMEOUT_SECONDS, slack_settings
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import (
    USER,
    VALID_FORM,
    SlackDriver,
    SocketDispatch,
    inputs_of,
    texts_of,
)
from tests.support import posts
from tools.core import events

FULL_FORM = {
    **VALID_FORM,
    ids.TITLE_BLOCK: "Business French <for> calls & meetings",
    ids.DESCRIPTION_MORE_BLOCK: " Continued in the second box.",
    ids.TYPE_BLOCK: "External",
    ids.PROVIDER_BLOCK: ("12", "L'Élan Français (#12)"),
    ids.CATEGORY_ID_BLOCK: "2",
}
# What the restored form must show again: every input as the user left it.
FULL_FORM_SHOWN = {
    **{block: value for block, value in FULL_FORM.items() if block != ids.PROVIDER_BLOCK},
    ids.DESCRIPTION_BLOCK: VALID_FORM[ids.DESCRIPTION_BLOCK] + " Continued in the second box.",
    ids.PROVIDER_BLOCK: "12",
}
del FULL_FORM_SHOWN[ids.DESCRIPTION_MORE_BLOCK]


async def shown(fake: FakeSlack, view_id: str, callback_id: str) -> dict:
    """The modal once the app has put the view with this callback id in it (bounded wait)."""
    await fake.wait_for(lambda: fake.views[view_id].view.get("callback_id") == callback_id)
    return fake.views[view_id].view


# Invalid input: errors on the right blocks, the modal stays, nothing is sent to Lucca.


@pytest.mark.parametrize(
    ("values", "block", "message"),
    [
        ({ids.TITLE_BLOCK: "T" * 251}, ids.TITLE_BLOCK, "At most 250 characters (this has 251)."),
        (
            {ids.SUBTITLE_BLOCK: "S" * 1001},
            ids.SUBTITLE_BLOCK,
            "At most 1000 characters (this has 1001).",
        ),
        (
            {ids.DESCRIPTION_BLOCK: "D" * 3000, ids.DESCRIPTION_MORE_BLOCK: "d" * 3001},
            ids.DESCRIPTION_MORE_BLOCK,
            "At most 6000 characters (this has 6001).",
        ),
        (
            {ids.TITLE_BLOCK: "🙂" * 126},
            ids.TITLE_BLOCK,
            "At most 250 characters as Lucca counts them (this has 252: emoji",
        ),
        ({ids.LEVEL_BLOCK: None}, ids.LEVEL_BLOCK, "Required."),
        ({ids.CERTIFYING_BLOCK: None}, ids.CERTIFYING_BLOCK, "Required."),
        ({ids.TITLE_BLOCK: "   "}, ids.TITLE_BLOCK, "Must not be blank."),
        ({ids.PROVIDER_ID_BLOCK: "twelve"}, ids.PROVIDER_ID_BLOCK, "Must be a number, like 12"),
        ({ids.CATEGORY_ID_BLOCK: "2b"}, ids.CATEGORY_ID_BLOCK, "Must be a number, like 12"),
        (
            {ids.PROVIDER_BLOCK: ("12", "L'Élan Français (#12)"), ids.PROVIDER_ID_BLOCK: "7"},
            ids.PROVIDER_ID_BLOCK,
            "Differs from the provider picked above (#12)",
        ),
        ({ids.LEVEL_BLOCK: "Guru"}, ids.LEVEL_BLOCK, "Must be one of Beginner, Middle, Expert"),
    ],
)
async def test_an_invalid_submission_answers_errors_on_the_block_and_sends_nothing(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox, slack_app, values, block, message
):
    view_id = await driver.open_form()
    form_before = fake_slack.views[view_id].view

    answer = await driver.submit(view_id, {**VALID_FORM, **values})

    assert answer.status == 200
    assert answer.body["response_action"] == "errors"
    assert list(answer.body["errors"]) == [block]
    assert answer.body["errors"][block].startswith(message)
    assert fake_slack.views[view_id].view is form_before  # the modal stays, with what was typed
    await fake_slack.wait_for(lambda: slack_app.in_flight == 0)  # no creation is running either
    assert posts(sandbox) == []


async def test_a_refused_submission_is_reported_like_any_faces(driver: SlackDriver, sandbox):
    seen: list[events.CreationAttempt] = []
    stop = events.subscribe(lambda e: isinstance(e, events.CreationAttempt) and seen.append(e))
    try:
        view_id = await driver.open_form()
        await driver.submit(view_id, {**VALID_FORM, ids.TITLE_BLOCK: "T" * 251})
    finally:
        stop()
    assert [(e.outcome, e.caller.face, e.caller.who) for e in seen] == [
        ("invalid_input", "slack", "U0ANN")
    ]


async def test_every_invalid_field_is_reported_at_once(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox, slack_app
):
    view_id = await driver.open_form()
    answer = await driver.submit(
        view_id,
        {ids.TITLE_BLOCK: "T" * 251, ids.PROVIDER_ID_BLOCK: "x", ids.CERTIFYING_BLOCK: ids.YES},
    )
    assert set(answer.body["errors"]) == {
        ids.TITLE_BLOCK,
        ids.SUBTITLE_BLOCK,
        ids.DESCRIPTION_BLOCK,
        ids.LEVEL_BLOCK,
        ids.MANDATORY_BLOCK,
        ids.PROVIDER_ID_BLOCK,
    }
    await fake_slack.wait_for(lambda: slack_app.in_flight == 0)  # no creation is running
    assert posts(sandbox) == []


# A valid submission: "Creating..." at once, then the result, a DM and a note in the channel.


async def test_a_valid_submission_creates_one_training_and_tells_the_user(
    http_driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    view_id = await http_driver.open_form()

    answer = await http_driver.submit(view_id, FULL_FORM)

    assert answer.body["response_action"] == "update"
    assert answer.body["view"]["callback_id"] == ids.CREATING_CALLBACK
    assert "Creating *Business French &lt;for&gt; calls &amp; meetings*" in texts_of(
        answer.body["view"]
    )
    result = await shown(fake_slack, view_id, ids.RESULT_CALLBACK)
    created = posts(sandbox)
    assert [entry["status"] for entry in created] == [201]
    shown_text = texts_of(result)
    assert "Training *#45* *Business French &lt;for&gt; calls &amp; meetings* was created" in (
        shown_text
    )
    assert "*Ready*" in shown_text and "*not in the public catalog*" in shown_text
    assert "until an admin publishes it" in shown_text
    assert "Provider: L'Élan Français (#12)" in shown_text
    assert "Category: Languages (#2)" in shown_text
    assert "*Next:*" in shown_text

    dm = await fake_slack.wait_for(lambda: fake_slack.calls_to("chat.postMessage"))
    assert dm[0].args["channel"] == USER
    assert "*#45*" in dm[0].args["text"] and "*Ready*" in dm[0].args["text"]
    note = await fake_slack.wait_for(lambda: fake_slack.responses)
    assert note[0]["response_type"] == "ephemeral"
    assert "training *#45*" in note[0]["text"]


async def test_the_draft_sent_to_lucca_is_what_was_typed(
    driver: SlackDriver, fake_slack: FakeSlack, lucca
):
    view_id = await driver.open_form()
    await driver.submit(view_id, FULL_FORM)
    await shown(fake_slack, view_id, ids.RESULT_CALLBACK)

    page = await lucca.list_trainings(ids=[45])
    training = page.items[0]
    assert training["title"] == "Business French <for> calls & meetings"
    assert training["description"] == FULL_FORM_SHOWN[ids.DESCRIPTION_BLOCK]
    assert (training["level"], training["type"]) == ("Beginner", "External")
    assert (training["isCertifying"], training["isMandatory"]) == (False, True)
    assert (training["provider"]["id"], training["category"]["id"]) == (12, 2)


async def test_a_command_typed_in_the_apps_dm_gets_no_second_note(
    driver: SlackDriver, fake_slack: FakeSlack, slack_app
):
    view_id = await driver.open_form(channel="D0ANN")  # the app's DM with U0ANN
    await driver.submit(view_id, VALID_FORM)
    await shown(fake_slack, view_id, ids.RESULT_CALLBACK)
    await fake_slack.wait_for(lambda: slack_app.in_flight == 0)
    assert len(fake_slack.calls_to("chat.postMessage")) == 1
    assert fake_slack.responses == []


async def test_a_double_submit_creates_once_and_both_get_the_same_view(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    # The first creation is still running at the second click: the delay is the behaviour under
    # test, and seconds longer than the round trip of a second click on a loaded machine.
    sandbox.add_faults({"method": "POST", "delay": 2.0})
    view_id = await driver.open_form()
    submitted = fake_slack.views[view_id].view

    first = await driver.submit(view_id, VALID_FORM)
    fake_slack.views[view_id].view = submitted  # Slack had not shown "Creating..." yet
    second = await driver.submit(view_id, VALID_FORM)

    assert first.body == second.body
    assert second.body["view"]["callback_id"] == ids.CREATING_CALLBACK
    await shown(fake_slack, view_id, ids.RESULT_CALLBACK)
    fake_slack.views[view_id].view = submitted
    third = await driver.submit(view_id, VALID_FORM)  # a retry after it is done: the result
    assert third.body["view"]["callback_id"] == ids.RESULT_CALLBACK
    assert len(posts(sandbox)) == 1


@pytest.mark.parametrize("settings_overrides", [{"slack_allowed_usergroups": ("S0TRAINERS",)}])
async def test_two_submissions_arriving_together_create_once(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    # The access check reads the group: both submissions are past the first duplicate check
    # while it runs, so only the registration itself can stop the second.
    fake_slack.usergroups["S0TRAINERS"] = [USER]
    view_id = await driver.open_form()
    first, second = await asyncio.gather(
        driver.submit(view_id, VALID_FORM), driver.submit(view_id, VALID_FORM)
    )
    assert first.body == second.body
    await shown(fake_slack, view_id, ids.RESULT_CALLBACK)
    assert len(posts(sandbox)) == 1


async def test_two_modals_create_two_trainings(driver: SlackDriver, fake_slack, sandbox):
    first, second = await driver.open_form(), await driver.open_form()
    await driver.submit(first, VALID_FORM)
    await driver.submit(second, {**VALID_FORM, ids.TITLE_BLOCK: "Another one"})
    await shown(fake_slack, first, ids.RESULT_CALLBACK)
    await shown(fake_slack, second, ids.RESULT_CALLBACK)
    assert len(posts(sandbox)) == 2


# Lucca refuses or fails: the reason, and the form back with every value typed.


async def lucca_fails_with(driver: SlackDriver, fake: FakeSlack, sandbox, *faults) -> dict:
    sandbox.add_faults(*faults)
    view_id = await driver.open_form()
    answer = await driver.submit(view_id, FULL_FORM)
    assert answer.body["view"]["callback_id"] == ids.CREATING_CALLBACK
    form = await shown(fake, view_id, ids.FORM_CALLBACK)
    assert inputs_of(form) == FULL_FORM_SHOWN
    return form


async def test_lucca_400_puts_its_field_errors_next_to_the_fields(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    problem = {
        "title": "One or more validation errors occurred.",
        "status": 400,
        "errors": {"Title": ["A training with this <title> already exists."]},
    }
    form = await lucca_fails_with(
        driver,
        fake_slack,
        sandbox,
        {
            "method": "POST",
            "status": 400,
            "headers": {"Content-Type": "application/problem+json"},
            "body": json.dumps(problem),
        },
    )
    text = texts_of(form)
    assert "Lucca refused the training, so nothing was created" in text
    blocks = [block["block_id"] for block in form["blocks"]]
    note = blocks.index(f"{ids.TITLE_BLOCK}_note_0")
    assert blocks[note + 1] == ids.TITLE_BLOCK  # right above the title input
    assert "Lucca: A training with this &lt;title&gt; already exists." in text


async def test_lucca_refusing_an_unknown_provider_marks_the_id_box(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    view_id = await driver.open_form()
    await driver.submit(view_id, {**VALID_FORM, ids.PROVIDER_ID_BLOCK: "999"})
    form = await shown(fake_slack, view_id, ids.FORM_CALLBACK)
    blocks = [block["block_id"] for block in form["blocks"]]
    assert f"{ids.PROVIDER_ID_BLOCK}_note_0" in blocks
    assert inputs_of(form)[ids.PROVIDER_ID_BLOCK] == "999"
    assert [entry["status"] for entry in posts(sandbox)] == [400]


async def test_lucca_401_says_the_apps_key_must_be_checked(driver, fake_slack, sandbox):
    form = await lucca_fails_with(driver, fake_slack, sandbox, {"method": "POST", "status": 401})
    assert "Lucca refused this app's access, so nothing was created" in texts_of(form)
    assert "API key must be checked" in texts_of(form)


async def test_lucca_503_says_nothing_was_created_and_a_resubmit_creates(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    form = await lucca_fails_with(driver, fake_slack, sandbox, {"method": "POST", "status": 503})
    assert "Lucca is unavailable right now; nothing was created" in texts_of(form)

    view_id = next(iter(fake_slack.views))
    answer = await driver.submit(view_id, FULL_FORM)  # the restored form, submitted again
    assert answer.body["view"]["callback_id"] == ids.CREATING_CALLBACK
    await shown(fake_slack, view_id, ids.RESULT_CALLBACK)
    assert [entry["status"] for entry in posts(sandbox)] == [503, 201]


async def test_lucca_429_beyond_the_wait_budget_says_when_to_retry(driver, fake_slack, sandbox):
    fault = {"method": "POST", "status": 429, "headers": {"Retry-After": "90"}}
    form = await lucca_fails_with(driver, fake_slack, sandbox, fault)
    assert "50 requests a minute are used up" in texts_of(form)
    assert "Submit again in 90 seconds." in texts_of(form)


async def test_lucca_429_then_success_creates_after_waiting(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox, sleeps
):
    sandbox.add_faults({"method": "POST", "status": 429, "headers": {"Retry-After": "2"}})
    view_id = await driver.open_form()
    await driver.submit(view_id, VALID_FORM)
    result = await shown(fake_slack, view_id, ids.RESULT_CALLBACK)
    assert "Training *#45*" in texts_of(result)
    assert sleeps == [2.0]
    assert [entry["status"] for entry in posts(sandbox)] == [429, 201]


@pytest.mark.parametrize("lucca_timeout_seconds", [LUCCA_TIMEOUT_SECONDS])
@pytest.mark.parametrize(
    "fault",
    [
        {"method": "POST", "delay": 0.8, "when": "after"},  # created, answered after the timeout
        {"method": "POST", "drop": "after"},  # created, then the connection dropped
    ],
)
async def test_a_lost_answer_shows_the_training_found_in_the_catalog(
    driver, fake_slack, sandbox, fault
):
    sandbox.add_faults(fault)
    view_id = await driver.open_form()
    await driver.submit(view_id, VALID_FORM)
    result = await shown(fake_slack, view_id, ids.RESULT_CALLBACK)
    assert "Lucca's answer was lost on the way" in texts_of(result)
    assert "*#45*" in texts_of(result)
    assert len(posts(sandbox)) == 1


async def test_a_request_dropped_before_lucca_saw_it_says_nothing_was_created(
    driver, fake_slack, sandbox
):
    form = await lucca_fails_with(driver, fake_slack, sandbox, {"method": "POST", "drop": "before"})
    assert "nothing was created" in texts_of(form)
    assert len(posts(sandbox)) == 1


async def test_a_closed_modal_gets_the_failure_and_the_typed_values_by_dm(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    sandbox.add_faults({"method": "POST", "status": 503})
    view_id = await driver.open_form()
    await driver.submit(view_id, FULL_FORM, close=True)  # the user closed "Creating..."

    dm = await fake_slack.wait_for(lambda: fake_slack.calls_to("chat.postMessage"))
    text = dm[0].args["text"]
    assert dm[0].args["channel"] == USER
    assert "could not be created" in text and "Lucca is unavailable" in text
    assert "title: Business French &lt;for&gt; calls &amp; meetings" in text
    assert FULL_FORM_SHOWN[ids.DESCRIPTION_BLOCK] in text


async def test_a_closed_modal_still_gets_the_result_by_dm(driver, fake_slack: FakeSlack, sandbox):
    view_id = await driver.open_form()
    await driver.submit(view_id, VALID_FORM, close=True)
    dm = await fake_slack.wait_for(lambda: fake_slack.calls_to("chat.postMessage"))
    assert "*#45*" in dm[0].args["text"]
    assert [call.answer.get("error") for call in fake_slack.calls_to("views.update")] == [
        "not_found"
    ]


# Who may create: checked again on submission.


async def test_a_modal_opened_before_access_was_restricted_is_refused_on_submission(
    driver: SlackDriver, fake_slack: FakeSlack, trainings, sandbox
):
    view_id = await driver.open_form()  # while the app was open to everyone
    settings = slack_settings(fake_slack, slack_allowed_users=("U0BOB",))
    restricted = build_slack_app(settings, trainings)
    later = SlackDriver(fake_slack, SocketDispatch(restricted.app))

    answer = await later.submit(view_id, VALID_FORM)

    assert answer.body["view"]["callback_id"] == ids.REFUSED_CALLBACK
    assert "limited to some people" in texts_of(answer.body["view"])
    await fake_slack.wait_for(lambda: restricted.in_flight == 0)  # no creation is running
    assert posts(sandbox) == []
    assert fake_slack.calls_to("chat.postMessage") == []


async def test_a_title_already_in_the_catalog_offers_to_create_it_anyway(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    first = await driver.open_form()
    await driver.submit(first, VALID_FORM)
    await shown(fake_slack, first, ids.RESULT_CALLBACK)
    second = await driver.open_form()
    other = {**VALID_FORM, ids.LEVEL_BLOCK: "Expert"}  # same title, other content
    await driver.submit(second, other)
    form = await shown(fake_slack, second, ids.FORM_CALLBACK)
    assert "already has a training titled *Negotiation basics*: *#45*" in texts_of(form)
    assert ids.ALLOW_DUPLICATE_BLOCK in [block.get("block_id") for block in form["blocks"]]
    assert len(posts(sandbox)) == 1  # nothing sent for the duplicate
    await driver.submit(second, {**other, ids.ALLOW_DUPLICATE_BLOCK: [ids.YES]})
    result = await shown(fake_slack, second, ids.RESULT_CALLBACK)
    assert "*#46*" in texts_of(result)
    assert len(posts(sandbox)) == 2


async def test_the_same_form_again_shows_the_training_already_there(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    first, second = await driver.open_form(), await driver.open_form()
    await driver.submit(first, VALID_FORM)
    await shown(fake_slack, first, ids.RESULT_CALLBACK)
    await driver.submit(second, VALID_FORM)
    result = await shown(fake_slack, second, ids.RESULT_CALLBACK)
    assert "was already in Lucca Training with the same content" in texts_of(result)
    assert result["title"]["text"] == "Already in Lucca"
    assert len(posts(sandbox)) == 1
