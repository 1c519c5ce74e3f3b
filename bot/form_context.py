"""Where the form was opened from, carried in the modal's `private_metadata`.

A view submission carries no channel, so the slash command's channel, user and `response_url` (to
post a note in that channel afterwards) travel with the modal; opened from a message (the message
shortcut), its channel and thread, where the result is posted. Slack allows 3000 characters; if an
unusually long `response_url` would not fit, it is left out (the result still comes by DM).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from bot.strings import ENGLISH, LANGUAGES

PRIVATE_METADATA_MAX_LENGTH = 3000


@dataclass(frozen=True)
class FormContext:
    user_id: str
    channel_id: str | None = None
    response_url: str | None = None
    language: str = ENGLISH
    thread_ts: str | None = None  # the message's thread, when opened from a message

    def encode(self) -> str:
        data = {"u": self.user_id, "c": self.channel_id, "r": self.response_url, "l": self.language}
        if self.thread_ts:
            data["t"] = self.thread_ts
        text = _compact(data)
        if len(text) > PRIVATE_METADATA_MAX_LENGTH:
            text = _compact({**data, "r": None})
        return text if len(text) <= PRIVATE_METADATA_MAX_LENGTH else _compact({"l": self.language})

    @classmethod
    def decode(cls, text: object, user_id: str) -> FormContext:
        """Read it back; whatever is missing or malformed reads as unknown, never as an error."""
        try:
            data = json.loads(text) if isinstance(text, str) and text else {}
        except ValueError:
            data = {}
        data = data if isinstance(data, dict) else {}
        language = data.get("l") if data.get("l") in LANGUAGES else ENGLISH
        return cls(
            user_id=user_id,
            channel_id=_string(data.get("c")),
            response_url=_string(data.get("r")),
            language=language,
            thread_ts=_string(data.get("t")),
        )


def _compact(data: dict) -> str:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def _string(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
