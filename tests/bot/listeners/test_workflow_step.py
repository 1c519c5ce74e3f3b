"""The Workflow Builder step: `function_executed` through the same core and access rules, completed
with the new training's id, or failed with a sentence that names the field and its limit."""

import pytest

from tests.bot.doors import run_step
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import USER, SlackDriver, texts_of

STEP = {
    "user": USER,
    "title": "Negotiation basics",
    "subtitle": "Prepare, open, close",
    "description": "Three half-days of practice.",
    "level": "Beginner",
    "is_certifying": False,
    "is_mandatory": True,
}


async def outcome(fake: FakeSlack, execution_id: str) -> dict:
    return await fake.wait_for(lambda: fake.executions[execution_id])


async def test_a_valid_step_completes_with_the_new_training_s_id(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    execution = await run_step(driver, {**STEP, "type": "internal", "provider_id": "12"})
    done = await outcome(fake_slack, execution)
    assert done == {
        "outputs": {"training_id": 45, "title": "Negotiation basics", "catalog_status": "Ready"}
    }
    (posted,) = [r for r in sandbox.requests_log() if r["method"] == "POST"]
    assert posted["status"] == 201
    (call,) = fake_slack.calls_to("functions.completeSuccess")
    assert call.args["function_execution_id"] == execution
    (home,) = await fake_slack.wait_for(lambda: fake_slack.homes.get(USER))
    assert "*#45* Negotiation basics" in texts_of(home)  # the user's Home tab lists it


async def test_a_251_character_title_fails_naming_the_title_and_its_limit_and_sends_nothing(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    execution = await run_step(driver, {**STEP, "title": "x" * 251})
    done = await outcome(fake_slack, execution)
    assert done["error"] == "Nothing was created. Title: At most 250 characters (this has 251)."
    assert sandbox.requests_log() == []
    assert fake_slack.calls_to("functions.completeSuccess") == []


async def test_every_bad_input_is_named(driver: SlackDriver, fake_slack: FakeSlack, sandbox):
    execution = await run_step(driver, {**STEP, "subtitle": " ", "level": "Guru"})
    error = (await outcome(fake_slack, execution))["error"]
    assert "Subtitle: Must not be blank." in error
    assert "Level:" in error and "Guru" in error
    assert sandbox.requests_log() == []


async def test_what_lucca_said_is_the_step_s_error(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    sandbox.add_faults({"method": "POST", "status": 503})
    execution = await run_step(driver, STEP)
    error = (await outcome(fake_slack, execution))["error"]
    assert error.startswith("Lucca is unavailable right now; nothing was created.")
    assert "*" not in error and ":warning:" not in error


@pytest.mark.parametrize("settings_overrides", [{"slack_allowed_users": ("U0CAROL",)}])
async def test_the_workflow_s_user_must_be_allowed(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    execution = await run_step(driver, STEP)
    error = (await outcome(fake_slack, execution))["error"]
    assert error.startswith(f"<@{USER}> may not create trainings from Slack")
    assert sandbox.requests_log() == []


async def test_a_step_without_its_user_fails(driver: SlackDriver, fake_slack: FakeSlack, sandbox):
    execution = await run_step(driver, {k: v for k, v in STEP.items() if k != "user"})
    assert "nothing was created" in (await outcome(fake_slack, execution))["error"]
    assert sandbox.requests_log() == []


async def test_a_german_workflow_user_reads_the_error_in_german(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    fake_slack.locales[USER] = "de-DE"
    execution = await run_step(driver, {**STEP, "title": "x" * 251})
    error = (await outcome(fake_slack, execution))["error"]
    assert error == "Es wurde nichts erstellt. Titel: Höchstens 250 Zeichen (hier sind es 251)."


async def test_a_title_already_in_the_catalog_fails_and_creates_nothing_twice(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    first = await run_step(driver, STEP)
    assert "outputs" in await outcome(fake_slack, first)
    again = await run_step(driver, {**STEP, "description": "Another text, the same title."})
    error = (await outcome(fake_slack, again))["error"]
    assert error.startswith('Lucca Training already has a training titled "Negotiation basics"')
    assert "#45 Negotiation basics" in error and "tick" not in error
    assert len([r for r in sandbox.requests_log() if r["method"] == "POST"]) == 1
