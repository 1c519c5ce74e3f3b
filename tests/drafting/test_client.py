"""`ModelClient` against a fake OpenAI-compatible server over real HTTP."""

import logging

import httpx
import pytest

from tests.drafting.conftest import TIMEOUT_SECONDS
from tests.drafting.fake_llm import FAKE_KEY, FAKE_MODEL, FakeLlm
from tools.drafting.client import ModelClient
from tools.drafting.errors import (
    DraftingError,
    ModelRefused,
    ModelTimedOut,
    ModelUnavailable,
    UnreadableAnswer,
)
from tools.drafting.settings import LlmConnection

MESSAGES = [{"role": "system", "content": "Answer in JSON."}, {"role": "user", "content": "{}"}]


async def test_it_posts_the_model_and_messages_with_the_key_and_returns_the_text(
    model: ModelClient, fake_llm: FakeLlm
):
    fake_llm.answer({"title": "T"})
    assert await model.chat(MESSAGES) == '{"title": "T"}'
    (request,) = fake_llm.requests
    assert request["model"] == FAKE_MODEL
    assert request["messages"] == MESSAGES


async def test_a_wrong_key_is_a_refusal_that_does_not_show_the_key(fake_llm: FakeLlm):
    wrong = LlmConnection(fake_llm.base_url, "sk-wrong-key-do-not-leak", FAKE_MODEL, 2.0)
    async with httpx.AsyncClient() as http:
        with pytest.raises(ModelRefused) as raised:
            await ModelClient(http, wrong).chat(MESSAGES)
    assert "401" in raised.value.reason and "key" in raised.value.reason
    assert "do-not-leak" not in str(raised.value)


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (500, ModelUnavailable),
        (503, ModelUnavailable),
        (429, ModelUnavailable),
        (404, ModelRefused),
    ],
)
async def test_an_http_failure_is_a_typed_error(model, fake_llm, status, error):
    fake_llm.answer_status(status)
    with pytest.raises(error) as raised:
        await model.chat(MESSAGES)
    assert str(status) in raised.value.reason


@pytest.mark.parametrize("timeout_seconds", [TIMEOUT_SECONDS])
async def test_a_slow_model_times_out(model: ModelClient, fake_llm: FakeLlm):
    fake_llm.answer({"late": True}, delay=1.0)  # the connection's timeout is 0.5 s
    with pytest.raises(ModelTimedOut, match=r"within 0\.5 seconds"):
        await model.chat(MESSAGES)


async def test_an_unreachable_model_is_unavailable():
    closed = LlmConnection("http://127.0.0.1:9/v1", FAKE_KEY, FAKE_MODEL, 2.0)
    async with httpx.AsyncClient() as http:
        with pytest.raises(ModelUnavailable, match="could not be reached"):
            await ModelClient(http, closed).chat(MESSAGES)


@pytest.mark.parametrize(
    "body", ["not json", '{"choices": []}', '{"choices": [{"message": {"content": "  "}}]}']
)
async def test_an_answer_without_text_is_unreadable(model, fake_llm, body):
    fake_llm.answer_body(body)
    with pytest.raises(UnreadableAnswer):
        await model.chat(MESSAGES)


async def test_the_key_is_in_no_log_line_and_no_repr(model, fake_llm, caplog):
    caplog.set_level(logging.DEBUG)  # httpx's and httpcore's debug lines too
    fake_llm.answer({"ok": True})
    fake_llm.answer_status(500)
    await model.chat(MESSAGES)
    with pytest.raises(DraftingError):
        await model.chat(MESSAGES)
    logged = caplog.text + "".join(str(record.args) for record in caplog.records)
    assert "Model answered 200" in logged
    assert FAKE_KEY not in logged
    assert FAKE_KEY not in repr(model)
