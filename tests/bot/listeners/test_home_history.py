"""The Home tab's history lives in the store: a creation made through one replica is listed by
another (or by the same process after a restart), and a store that does not answer still opens
the tab, saying why the list is missing."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from tests.bot.conftest import DRAIN_SECONDS, driving, slack_face
from tests.bot.doors import open_home
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import USER, VALID_FORM, SlackDriver, texts_of
from tools.core.trainings import Trainings
from tools.state.store import Store, open_store


@asynccontextmanager
async def replica(
    fake_slack: FakeSlack, trainings: Trainings, store: Store
) -> AsyncIterator[SlackDriver]:
    """One Slack face on `store`, driven through signed requests, as a replica of `serve`."""
    face = slack_face(fake_slack, trainings, store=store)
    async with driving(fake_slack, face) as driver:
        yield driver
    await face.drain(timeout=DRAIN_SECONDS)


async def test_a_creation_made_on_one_replica_is_listed_on_the_other(
    fake_slack: FakeSlack, trainings: Trainings, sandbox, tmp_path
):
    url = f"sqlite:///{tmp_path / 'state.sqlite3'}"
    async with open_store(url) as first_store, open_store(url) as second_store:
        async with replica(fake_slack, trainings, first_store) as first:
            view_id = await first.open_form()
            await first.submit(view_id, VALID_FORM)
            await fake_slack.wait_for(lambda: len(fake_slack.homes.get(USER, [])) >= 1)
        fake_slack.homes.clear()
        async with replica(fake_slack, trainings, second_store) as second:
            await open_home(second)
            (home,) = await fake_slack.wait_for(lambda: fake_slack.homes.get(USER))
    shown = texts_of(home)
    assert "*#45* Negotiation basics" in shown
    assert "None yet" not in shown


async def test_a_store_that_does_not_answer_still_opens_the_tab_and_says_so(
    fake_slack: FakeSlack, trainings: Trainings, tmp_path
):
    unreachable = f"sqlite:///{tmp_path / 'no-such-folder' / 'state.sqlite3'}"
    async with open_store(unreachable) as store, replica(fake_slack, trainings, store) as driver:
        await open_home(driver)
        (home,) = await fake_slack.wait_for(lambda: fake_slack.homes.get(USER))
    shown = texts_of(home)
    assert "cannot be shown right now" in shown
    assert "Create a training" in shown  # the button is still there
    assert "None yet" not in shown  # an empty history is not what it says
