"""What can go wrong asking the model for a draft: a small tree, each with a short reason.

    DraftingError           every failure; `kind` names it for faces, `reason` says it in English
    ├── ModelTimedOut       no answer within LLM_TIMEOUT_SECONDS
    ├── ModelUnavailable    unreachable, or it failed (5xx, 429): worth trying again later
    ├── ModelRefused        it refused the request: the key (401/403), the model name or the
    │                       request (other 4xx); whoever runs the app must look at the settings
    └── UnreadableAnswer    it answered, but not with the JSON the prompt asks for

A reason never holds the key, nor the model's or the user's text: it is fit for a log line and
for a person's screen.
"""

from __future__ import annotations


class DraftingError(Exception):
    kind = "error"

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ModelTimedOut(DraftingError):
    kind = "timeout"


class ModelUnavailable(DraftingError):
    kind = "unavailable"


class ModelRefused(DraftingError):
    kind = "refused"


class UnreadableAnswer(DraftingError):
    kind = "unreadable"
