"""A PostgreSQL outage while users submit: the form stays open with what they typed and a clear
message, nothing reaches Lucca, and the same form submitted once the database is back creates."""

from collections.abc import AsyncIterator

import pytest

from bot import ids
from bot.app import SlackFace
from tests.bot.conftest import slack_face
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import VALID_FORM, SlackDriver
from tests.support import posts
from tools.core.trainings import Trainings
from tools.state.store import open_store


@pytest.fixture
async def slack_app(
    fake_slack: FakeSlack, trainings: Trainings, postgres_url: str
) -> AsyncIterator[SlackFace]:
    """The Slack face with its journal on the test's PostgreSQL server."""
    async with open_store(postgres_url) as store:
        face = slack_face(fake_slack, trainings, store=store)
        yield face
        await face.drain(timeout=5.0)


async def test_a_submission_during_an_outage_keeps_the_form_and_resumes_after(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox, postgres_server
):
    view_id = await driver.open_form()
    form = fake_slack.views[view_id].view
    postgres_server.stop()
    try:
        refused = await driver.submit(view_id, VALID_FORM)
    finally:
        postgres_server.start()
    assert refused.body["response_action"] == "errors"
    assert "store is not answering" in refused.body["errors"][ids.TITLE_BLOCK]
    assert "nothing was created" in refused.body["errors"][ids.TITLE_BLOCK]
    assert fake_slack.views[view_id].view == form  # still the form, with the user's input
    assert posts(sandbox) == []

    again = await driver.submit(view_id, VALID_FORM)  # the database is back
    assert again.body["view"]["callback_id"] == ids.CREATING_CALLBACK
    await fake_slack.wait_for(
        lambda: fake_slack.views[view_id].view.get("callback_id") == ids.RESULT_CALLBACK
    )
    assert [entry["status"] for entry in posts(sandbox)] == [201]
