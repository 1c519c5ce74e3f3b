"""The fault matrix through the Slack modal: a signed view_submission over real HTTP, then what
the fake Slack was told: "Creating...", then the result (and a DM) or the form back with why."""

import json

import pytest

from bot import ids
from bot.app import SlackFace
from bot.strings import texts
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import SlackDriver, inputs_of, texts_of
from tests.faults.matrix import CASES, DRAFT, FIRST_NEW_ID, RAW_HTML, Case, Witness, case_ids

FORM = {
    ids.TITLE_BLOCK: DRAFT["title"],
    ids.SUBTITLE_BLOCK: DRAFT["subtitle"],
    ids.DESCRIPTION_BLOCK: DRAFT["description"],
    ids.LEVEL_BLOCK: DRAFT["level"],
    ids.CERTIFYING_BLOCK: ids.NO,
    ids.MANDATORY_BLOCK: ids.YES,
}
ENGLISH = texts("en")
ENDS = (ids.RESULT_CALLBACK, ids.FORM_CALLBACK)


def notice_of(kind: str) -> str:
    """The fixed start of the reason Slack users get for this kind of failure."""
    assert kind in ENGLISH.failure, f"no Slack text for {kind!r}: it would read as another kind"
    return ENGLISH.failure[kind].split("{", 1)[0].split("*", 1)[0]


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
async def test_slack_submission_under_each_fault(
    case: Case,
    http_driver: SlackDriver,
    fake_slack: FakeSlack,
    slack_app: SlackFace,
    witness: Witness,
):
    witness.prepare(case)
    view_id = await http_driver.open_form()

    answer = await http_driver.submit(view_id, FORM)

    assert answer.body and answer.body["view"]["callback_id"] == ids.CREATING_CALLBACK
    opened = fake_slack.views[view_id]
    final = await fake_slack.wait_for(lambda: opened.view["callback_id"] in ENDS and opened.view)
    await slack_app.drain()
    shown = texts_of(final)
    everything = json.dumps([call.args for call in fake_slack.calls], ensure_ascii=False)
    assert not RAW_HTML.search(everything) and "Traceback" not in everything, everything
    if case.succeeds:
        assert final["callback_id"] == ids.RESULT_CALLBACK, shown
        assert f"#{FIRST_NEW_ID}" in shown
        (dm,) = fake_slack.calls_to("chat.postMessage")
        assert f"#{FIRST_NEW_ID}" in dm.args["text"]
    else:
        assert final["callback_id"] == ids.FORM_CALLBACK, shown
        assert notice_of(case.outcome) in shown, shown
        assert inputs_of(final)[ids.TITLE_BLOCK] == DRAFT["title"]  # nothing typed is lost
        for name in case.fields:  # Lucca's words, next to the field
            said = next(iter(_problem_for(name)))
            assert said in shown
    witness.check(case)


def _problem_for(field: str) -> list[str]:
    from tests.faults.matrix import PROBLEM_400

    return PROBLEM_400["errors"][field.capitalize()]
