"""The form at its limits: a 250-character title and a 6000-character description typed in full
stay valid views at every step (form, "Creating...", result, restored form), in both languages."""

import pytest

from bot import ids
from tests.bot.block_kit import view_problems
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import USER, VALID_FORM, SlackDriver, inputs_of
from tests.support import posts

LONGEST = {
    **VALID_FORM,
    ids.TITLE_BLOCK: "T" * 249 + "é",
    ids.SUBTITLE_BLOCK: "S" * 1000,
    ids.DESCRIPTION_BLOCK: "D" * 2998 + "🙂",  # 3000 UTF-16 units, as Lucca counts
    ids.DESCRIPTION_MORE_BLOCK: "<@U0BOSS> " + "d" * 2990,
}


@pytest.mark.parametrize("locale", ["en-GB", "fr-FR"])
async def test_the_longest_training_makes_valid_views_all_the_way(
    driver: SlackDriver, fake_slack: FakeSlack, sandbox, locale
):
    fake_slack.locales[USER] = locale
    sandbox.add_faults(
        {"method": "POST", "status": 503}
    )  # first attempt fails: the form comes back full
    view_id = await driver.open_form(text="T" * 249 + "é")

    await driver.submit(view_id, LONGEST)
    await fake_slack.wait_for(lambda: len(fake_slack.views[view_id].history) == 3)
    restored = fake_slack.views[view_id].history[2]  # `view` is set just after the history
    assert restored["callback_id"] == ids.FORM_CALLBACK
    assert inputs_of(restored) == LONGEST

    await driver.submit(view_id, LONGEST)
    await fake_slack.wait_for(
        lambda: fake_slack.views[view_id].view["callback_id"] == ids.RESULT_CALLBACK
    )
    history = fake_slack.views[view_id].history
    assert [view["callback_id"] for view in history] == [
        ids.FORM_CALLBACK,
        ids.CREATING_CALLBACK,
        ids.FORM_CALLBACK,
        ids.CREATING_CALLBACK,
        ids.RESULT_CALLBACK,
    ]
    for view in history:
        assert view_problems(view) == []
    assert [entry["status"] for entry in posts(sandbox)] == [503, 201]


async def test_a_joined_description_is_exactly_the_two_boxes(driver, fake_slack, lucca):
    view_id = await driver.open_form()
    await driver.submit(view_id, LONGEST)
    await fake_slack.wait_for(
        lambda: fake_slack.views[view_id].view["callback_id"] == ids.RESULT_CALLBACK
    )
    training = (await lucca.list_trainings(ids=[45])).items[0]
    assert training["description"] == (
        LONGEST[ids.DESCRIPTION_BLOCK] + LONGEST[ids.DESCRIPTION_MORE_BLOCK]
    )
