"""What can go wrong when creating a training: a small typed tree each face converts in one place.

    TrainingError                 every failure: `message` (what happened), `next_step` (what to do)
    ├── InvalidDraft              the input breaks the schema; nothing was sent to Lucca
    ├── ConfigurationError        settings are missing or unusable (base URL, API key)
    ├── DuplicateTraining         the catalog already has a training with this title; nothing sent
    ├── DuplicateCheckIncomplete  the catalog could not be searched in full; nothing sent
    ├── TitleBusy                 another replica holds the title's lease, or the store is down
    └── LuccaError                Lucca, or the way to it, failed
        ├── LuccaRejected         400/4xx: Lucca refused the data (field errors when it gave them)
        ├── LuccaAuthFailed       401 (bad key) or 403 (key without the right)
        ├── LuccaNotFound         404: the base URL is not a Lucca Training account
        ├── LuccaRateLimited      429: the tenant's 50 requests a minute are used up
        ├── LuccaUnavailable      408, 503, unreachable, or the catalog shows nothing was created
        ├── OutcomeUnknown        sent, but no usable answer: the training may exist
        └── UnexpectedAnswer      an answer we cannot read (not JSON, a redirect, no id)

Messages are written for the person (or the model) who must act on them. They never contain a
secret: the API key is never put into one, and text that comes from Lucca is scrubbed of it.

The facts behind a message are attributes, so that a face that speaks another language translates
them from its own table and nobody parses a message: each `FieldError` has a `code` (one of
`FIELD_CODES`) with its `limit` and what it `got`, a `LuccaRejected` keeps what Lucca said in
`lucca_said`, a `DuplicateTraining` the trainings already there in `existing`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# What can be wrong with one field. `limit` and `got` are set for the codes that measure.
FIELD_CODES = (
    "required",  # missing, or null
    "blank",  # text made of spaces only
    "too_long",  # limit: max characters, got: characters given
    "too_long_as_lucca_counts",  # limit and got in UTF-16 units (an emoji counts 2)
    "unknown_field",  # not a field of a training
    "not_allowed_value",  # not one of the allowed values (level, type)
    "out_of_range",  # an id outside Lucca's range
    "not_boolean",
    "not_integer",
    "not_text",
    "invalid",  # anything else, said in `message`
    "lucca",  # Lucca refused it: `message` is what Lucca said
)


@dataclass(frozen=True)
class FieldError:
    """One problem with one input field, named as in the tool's schema (e.g. `title`).

    `message` is the English sentence for people and models; `code`, `limit` and `got` are the
    same facts for a face that says them in another language."""

    field: str
    message: str
    code: str = "invalid"
    limit: int | None = None
    got: int | None = None

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class TrainingError(Exception):
    kind = "error"
    # Whether sending the same request again later can succeed and cannot create a duplicate.
    safe_to_retry = False
    status: int | None = None  # Lucca's HTTP status, when it answered
    retry_after: float | None = None  # seconds Lucca asked us to wait, when it said
    field_errors: tuple[FieldError, ...] = ()

    def __init__(self, message: str, next_step: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.next_step = next_step

    def __str__(self) -> str:
        return f"{self.message} {self.next_step}".strip()


class InvalidDraft(TrainingError):
    kind = "invalid_input"

    def __init__(self, field_errors: Iterable[FieldError]) -> None:
        self.field_errors = tuple(field_errors)
        listed = "; ".join(str(error) for error in self.field_errors)
        super().__init__(
            f"The training is not valid: {listed}.",
            "Correct these fields and try again; nothing was sent to Lucca.",
        )


class ConfigurationError(TrainingError):
    kind = "configuration"


@dataclass(frozen=True)
class ExistingTraining:
    id: int
    title: str

    def __str__(self) -> str:
        return f'#{self.id} "{self.title}"'


class DuplicateCheckIncomplete(TrainingError):
    """Refused before sending: the catalog could not be searched for this title in full, so a
    duplicate could hide in what was not read. Asking for a duplicate explicitly goes ahead."""

    kind = "duplicate_check_incomplete"
    safe_to_retry = True

    def __init__(self, title: str, reason: str) -> None:
        self.reason = reason
        super().__init__(
            f'Could not check the whole catalog for a training titled "{title}" ({reason}), '
            "so nothing was sent: a duplicate may be in the part that was not read.",
            "Look for the title in the Lucca Training catalog; if it is not there, ask "
            "explicitly to create it anyway.",
        )


class TitleBusy(TrainingError):
    """Refused before anything was sent: the title's lease (shared by the replicas) could not be
    had, because another replica kept it too long or the store did not answer."""

    kind = "title_busy"
    safe_to_retry = True

    def __init__(self, title: str, reason: str) -> None:
        self.reason = reason
        super().__init__(
            f'Could not start creating "{title}": {reason}. Nothing was sent to Lucca.',
            "Try again in a moment.",
        )


class DuplicateTraining(TrainingError):
    """Refused before sending: the catalog has a training with the same title but other content."""

    kind = "duplicate"

    def __init__(self, title: str, existing: Iterable[ExistingTraining]) -> None:
        self.existing = tuple(existing)
        named = ", ".join(str(training) for training in self.existing)
        super().__init__(
            f'The catalog already has a training titled "{title}": {named}. Nothing was sent.',
            "Use a different title, or ask explicitly for a duplicate if a second one is meant.",
        )


class LuccaError(TrainingError):
    kind = "lucca_error"

    def __init__(self, message: str, next_step: str = "", *, status: int | None = None) -> None:
        super().__init__(message, next_step)
        self.status = status


class LuccaRejected(LuccaError):
    kind = "rejected"

    def __init__(
        self,
        message: str,
        next_step: str = "",
        *,
        status: int | None = None,
        field_errors: Iterable[FieldError] = (),
        lucca_said: str | None = None,
    ) -> None:
        self.field_errors = tuple(field_errors)
        self.lucca_said = lucca_said  # Lucca's own words (scrubbed, short), when it gave some
        if self.field_errors:
            message = f"{message} " + "; ".join(str(error) for error in self.field_errors) + "."
        elif lucca_said:
            message = f"{message} Lucca said: {lucca_said}"
        super().__init__(message, next_step, status=status)


class LuccaAuthFailed(LuccaError):
    kind = "auth"


class LuccaNotFound(LuccaError):
    kind = "not_found"


class LuccaRateLimited(LuccaError):
    kind = "rate_limited"
    safe_to_retry = True

    def __init__(self, message: str, next_step: str = "", *, retry_after: float | None) -> None:
        super().__init__(message, next_step, status=429)
        self.retry_after = retry_after


class LuccaUnavailable(LuccaError):
    kind = "unavailable"
    safe_to_retry = True


CHECK_BEFORE_RETRY = (
    "Look for it in the Lucca Training catalog before trying again, "
    "so that it is not created twice."
)


class OutcomeUnknown(LuccaError):
    kind = "outcome_unknown"


class UnexpectedAnswer(LuccaError):
    kind = "unexpected_answer"
