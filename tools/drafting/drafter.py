"""`Drafter`: the prompt files, the user's words as data, and one chance to shorten.

Every call sends two messages: the instructions (a prompt file from `prompts/`, rendered by the
one loader the MCP server also uses) as the system message, and the user's words as a JSON object
in the user message, which the instructions say is data. Nothing a user typed is ever put into the
instructions. A draft over one of Lucca's limits is sent back once with the problems (the
`shorten_draft` prompt); if the second answer is still over, or cannot be had, the draft is
returned with its problems for the face to state.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from prompts.loader import PromptTemplate, prompts_for
from tools.drafting.answers import Overlong, ProposedDraft, check_draft, read_json_object
from tools.drafting.client import Message, ModelClient
from tools.drafting.errors import DraftingError, UnreadableAnswer

logger = logging.getLogger("lucca_training.drafting")

NOTES_PROMPT = "draft_from_notes"
CONVERSATION_PROMPT = "draft_in_conversation"
SHORTEN_PROMPT = "shorten_draft"
# Bounds on what is sent: a thread can grow, and the model's context and cost with it.
MAX_TURNS = 40
MAX_TEXT_LENGTH = 8000
MAX_MESSAGE_LENGTH = 2500  # the model's message to the person, shown in one Slack section

Answer = TypeVar("Answer")


@dataclass(frozen=True)
class FormNotes:
    """What a person typed in a form before asking for a draft."""

    title: str | None
    notes: str | None
    chosen: Mapping[str, Any] = field(default_factory=dict)  # other choices, by field name
    language: str = "English"  # the form's language, for notes that show none


@dataclass(frozen=True)
class Turn:
    author: Literal["user", "you"]  # the person, or the app's earlier answer
    text: str
    draft: ProposedDraft | None = None


@dataclass(frozen=True)
class Reply:
    """The next message of a conversation: a question (no draft), or a draft and a word on it."""

    message: str
    draft: ProposedDraft | None = None


class Drafter:
    def __init__(
        self, model: ModelClient, prompts: Mapping[str, PromptTemplate] | None = None
    ) -> None:
        self._model = model
        self._prompts = prompts if prompts is not None else prompts_for("slack")

    @property
    def timeout_seconds(self) -> float:
        return self._model.timeout_seconds

    async def draft_from_notes(self, notes: FormNotes) -> ProposedDraft:
        data = {
            "title": _bounded(notes.title),
            "notes": _bounded(notes.notes),
            "alreadyChosen": dict(notes.chosen),
            "formLanguage": notes.language,
        }
        messages = self._messages(NOTES_PROMPT, data)
        return await self._ask(messages, check_draft, lambda draft: draft)

    async def reply(self, turns: Sequence[Turn], language: str = "English") -> Reply:
        recent = list(turns)[-MAX_TURNS:]
        data = {
            "conversation": [_turn_data(turn) for turn in recent],
            "interfaceLanguage": language,
        }
        messages = self._messages(CONVERSATION_PROMPT, data)
        return await self._ask(messages, _read_reply, lambda reply: reply.draft)

    def _messages(self, prompt: str, data: Mapping[str, Any]) -> list[Message]:
        return [
            {"role": "system", "content": self._prompts[prompt].render({})},
            {"role": "user", "content": json.dumps(data, ensure_ascii=False)},
        ]

    async def _ask(
        self,
        messages: list[Message],
        read: Callable[[Mapping[str, Any]], Answer],
        draft_of: Callable[[Answer], ProposedDraft | None],
    ) -> Answer:
        content = await self._model.chat(messages)
        answer = read(read_json_object(content))
        draft = draft_of(answer)
        if draft is None or not draft.overlong:
            return answer
        logger.info("The draft is over a limit (%s): asking once to shorten it", _fields(draft))
        shorten = self._prompts[SHORTEN_PROMPT].render({"problems": _problems(draft.overlong)})
        again = [
            *messages,
            {"role": "assistant", "content": content},
            {"role": "user", "content": shorten},
        ]
        try:
            second = read(read_json_object(await self._model.chat(again)))
        except DraftingError as error:
            logger.info("No shorter draft (%s): showing the first with its problems", error.kind)
            return answer
        return second if draft_of(second) is not None else answer


def _read_reply(data: Mapping[str, Any]) -> Reply:
    kind, message = data.get("reply"), data.get("message")
    message = message.strip()[:MAX_MESSAGE_LENGTH] if isinstance(message, str) else ""
    if kind == "question" and message:
        return Reply(message)
    if kind == "draft":
        return Reply(message, check_draft(data))
    raise UnreadableAnswer("the model answered neither a question nor a draft")


def _turn_data(turn: Turn) -> dict[str, Any]:
    data: dict[str, Any] = {"from": turn.author, "text": _bounded(turn.text)}
    if turn.draft is not None:
        data["draft"] = turn.draft.to_payload()
    return data


def _bounded(text: str | None) -> str:
    return (text or "")[:MAX_TEXT_LENGTH]


def _problems(overlong: Sequence[Overlong]) -> str:
    return "\n".join(
        f"- {item.field}: {item.length} characters, the limit is {item.limit}" for item in overlong
    )


def _fields(draft: ProposedDraft) -> str:
    return ", ".join(item.field for item in draft.overlong)
