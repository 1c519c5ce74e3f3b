"""Hostile input through the Slack face: whatever a submission's state holds, the parser gives a
draft or errors on the form's own inputs, never a crash; forged values are refused by block and
nothing is sent; and text a user typed, shown back, can neither mention, link nor format."""

import json
import logging
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import ids
from bot.form_values import FormValues, check_form
from bot.strings import texts
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import VALID_FORM, SlackDriver
from tests.hostile.strategies import BOUNDED, hostile_text
from tests.support import posts
from tools.core.events import Caller

ENGLISH = texts("en")
INPUT_BLOCKS = {
    ids.TITLE_BLOCK,
    ids.SUBTITLE_BLOCK,
    ids.DESCRIPTION_BLOCK,
    ids.DESCRIPTION_MORE_BLOCK,
    ids.LEVEL_BLOCK,
    ids.TYPE_BLOCK,
    ids.CERTIFYING_BLOCK,
    ids.MANDATORY_BLOCK,
    ids.PROVIDER_BLOCK,
    ids.PROVIDER_ID_BLOCK,
    ids.CATEGORY_BLOCK,
    ids.CATEGORY_ID_BLOCK,
}
ACTIONS = {
    ids.TITLE_BLOCK: ids.TITLE_ACTION,
    ids.SUBTITLE_BLOCK: ids.SUBTITLE_ACTION,
    ids.DESCRIPTION_BLOCK: ids.DESCRIPTION_ACTION,
    ids.DESCRIPTION_MORE_BLOCK: ids.DESCRIPTION_MORE_ACTION,
    ids.LEVEL_BLOCK: ids.LEVEL_ACTION,
    ids.TYPE_BLOCK: ids.TYPE_ACTION,
    ids.CERTIFYING_BLOCK: ids.CERTIFYING_ACTION,
    ids.MANDATORY_BLOCK: ids.MANDATORY_ACTION,
    ids.PROVIDER_BLOCK: ids.PROVIDER_ACTION,
    ids.PROVIDER_ID_BLOCK: ids.PROVIDER_ID_ACTION,
    ids.CATEGORY_BLOCK: ids.CATEGORY_ACTION,
    ids.CATEGORY_ID_BLOCK: ids.CATEGORY_ID_ACTION,
}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=15,
)
# Slack's element shapes, filled with anything: what a forged or broken request could hold.
element = st.fixed_dictionaries(
    {},
    optional={
        "type": st.sampled_from(["plain_text_input", "radio_buttons", "external_select"]),
        "value": json_values,
        "selected_option": st.one_of(
            json_values,
            st.fixed_dictionaries(
                {"value": json_values},
                optional={"text": st.fixed_dictionaries({"text": json_values})},
            ),
        ),
    },
)
state_values = st.dictionaries(
    st.sampled_from(sorted(ACTIONS)) | hostile_text,
    st.one_of(
        json_values,
        st.builds(lambda block, e: (block, e), st.sampled_from(sorted(ACTIONS)), element),
    ),
    max_size=12,
).map(
    lambda state: {
        block: ({ACTIONS[value[0]]: value[1]} if isinstance(value, tuple) else value)
        for block, value in state.items()
    }
)


SLACK = Caller(face="slack", who="U0ANN")


@BOUNDED
@given(state=state_values)
def test_any_view_state_gives_a_draft_or_errors_on_the_forms_inputs(state: dict[str, Any]):
    checked = check_form(FormValues.from_state(state), ENGLISH, SLACK)

    assert (checked.draft is None) == bool(checked.errors)
    assert set(checked.errors) <= INPUT_BLOCKS
    assert all(isinstance(message, str) and message for message in checked.errors.values())


@BOUNDED
@given(
    block=st.sampled_from([ids.TITLE_BLOCK, ids.SUBTITLE_BLOCK, ids.PROVIDER_ID_BLOCK]),
    typed=hostile_text,
)
def test_hostile_text_typed_in_a_box_is_accepted_or_refused_on_that_box(block: str, typed: str):
    state = {
        name: {ACTIONS[name]: {"type": "plain_text_input", "value": value}}
        for name, value in {**VALID_FORM, block: typed}.items()
        if name in (ids.TITLE_BLOCK, ids.SUBTITLE_BLOCK, ids.DESCRIPTION_BLOCK, block)
    }
    for name in (ids.LEVEL_BLOCK, ids.CERTIFYING_BLOCK, ids.MANDATORY_BLOCK):
        state[name] = {ACTIONS[name]: {"selected_option": {"value": VALID_FORM[name]}}}

    checked = check_form(FormValues.from_state(state), ENGLISH, SLACK)

    assert set(checked.errors) <= {block}, checked.errors


FORGED_SUBMISSIONS = {
    "a level that is no option": ({ids.LEVEL_BLOCK: "Beginner\u202e\x00"}, ids.LEVEL_BLOCK),
    "a number as a provider id": ({ids.PROVIDER_ID_BLOCK: "12abc"}, ids.PROVIDER_ID_BLOCK),
    "an Arabic-Indic provider id": ({ids.PROVIDER_ID_BLOCK: "\u0661\u0662"}, ids.PROVIDER_ID_BLOCK),
    "a title of 251 emoji": ({ids.TITLE_BLOCK: "\U0001f600" * 126}, ids.TITLE_BLOCK),
    "a blank subtitle": ({ids.SUBTITLE_BLOCK: " \t\u3000 "}, ids.SUBTITLE_BLOCK),
    "a yes/no that is neither": ({ids.MANDATORY_BLOCK: "true"}, ids.MANDATORY_BLOCK),
    "no title at all": ({ids.TITLE_BLOCK: None}, ids.TITLE_BLOCK),
}


@pytest.mark.parametrize("forged", sorted(FORGED_SUBMISSIONS))
async def test_a_forged_submission_is_refused_on_its_block_and_nothing_is_sent(
    forged: str, http_driver: SlackDriver, sandbox, slack_app
):
    values, block = FORGED_SUBMISSIONS[forged]
    view_id = await http_driver.open_form()

    answer = await http_driver.submit(view_id, {**VALID_FORM, **values})

    assert answer.body["response_action"] == "errors", answer.body
    assert block in answer.body["errors"], answer.body
    assert "Traceback" not in answer.text
    await http_driver.fake.wait_for(lambda: slack_app.in_flight == 0)  # no creation is running
    assert posts(sandbox) == []


# Shown back, what a user typed must not mention, link or format (Slack's mrkdwn).
HOSTILE_TITLE = "Hi <@U123> <!channel> <!here> <#C1|general> <https://evil.example|click> &lt;"
FORMATTING_TITLE = "Plain *bold* _italic_ ~struck~ `code` end"
MENTIONS = re.compile(r"<[@#!]|<https?:|<mailto:")


def mrkdwn_texts(fake_slack: FakeSlack) -> list[str]:
    """Every mrkdwn text the app had Slack show: views, messages, notes in the channel."""
    texts_found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "mrkdwn" and isinstance(node.get("text"), str):
                texts_found.append(node["text"])
            for key, value in node.items():
                if key not in ("private_metadata", "initial_value"):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for opened in fake_slack.views.values():
        walk(opened.history)
    for call in fake_slack.calls_to("chat.postMessage"):
        texts_found.append(call.args["text"])
        walk(call.args.get("blocks"))
    texts_found += [response.get("text", "") for response in fake_slack.responses]
    return texts_found


async def submit_and_finish(
    driver: SlackDriver, fake_slack: FakeSlack, title: str, fault: dict | None, sandbox
) -> None:
    if fault:
        sandbox.add_faults({**fault, "method": "POST"})
    view_id = await driver.open_form()
    await driver.submit(view_id, {**VALID_FORM, ids.TITLE_BLOCK: title})
    opened = fake_slack.views[view_id]
    ends = (ids.RESULT_CALLBACK, ids.FORM_CALLBACK)
    await fake_slack.wait_for(
        lambda: opened.view["callback_id"] in ends and len(opened.history) > 2
    )
    if fault is None:
        await fake_slack.wait_for(lambda: fake_slack.responses)  # the note in the channel too


@pytest.mark.parametrize("fault", [None, {"status": 500}], ids=["created", "failed"])
async def test_typed_text_shown_back_cannot_mention_or_link(
    http_driver: SlackDriver, fake_slack: FakeSlack, sandbox, fault
):
    await submit_and_finish(http_driver, fake_slack, HOSTILE_TITLE, fault, sandbox)

    shown = mrkdwn_texts(fake_slack)
    with_title = [text for text in shown if "Hi " in text]
    assert with_title, shown  # the title was shown back
    for text in shown:
        assert not MENTIONS.search(text), text
    assert any("&amp;lt;" in text for text in with_title)  # "&lt;" typed reads as typed


async def test_typed_text_shown_back_cannot_format(
    http_driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    await submit_and_finish(http_driver, fake_slack, FORMATTING_TITLE, None, sandbox)

    shown = mrkdwn_texts(fake_slack)
    assert any("Plain" in text for text in shown), shown
    for marked in ("*bold*", "_italic_", "~struck~", "`code`"):
        assert not any(marked in text for text in shown), marked


FORGED_LINE = "\n2026-01-01 00:00:00 ERROR lucca_training FORGED-LINE admin deleted the catalog"


async def test_typed_text_written_to_logs_cannot_forge_a_line(
    http_driver: SlackDriver, fake_slack: FakeSlack, sandbox
):
    records: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(self.format(record))

    keep = Keep(logging.DEBUG)
    logging.getLogger().addHandler(keep)
    try:
        for fault in (None, {"status": 500}):
            await submit_and_finish(
                http_driver, fake_slack, "Negotiation" + FORGED_LINE, fault, sandbox
            )
    finally:
        logging.getLogger().removeHandler(keep)

    assert records
    forged = [record for record in records if "\n2026-01-01 00:00:00 ERROR" in record]
    assert forged == [], json.dumps(forged)[:2000]
