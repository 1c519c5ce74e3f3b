"""`TrainingDraft`: what a caller asks Lucca to create, validated before anything is sent.

The fields and limits mirror `spec.training_input_schema()` (a test fails if they drift apart). The
model is strict: JSON types must be the right ones (no "true" for a boolean, no "12" for an id),
unknown fields are refused by name, and texts are trimmed and must not be blank.

Lengths are also checked as Lucca, an ASP.NET service, counts them: in UTF-16 code units, where an
emoji or another character beyond U+FFFF counts as 2. A JSON schema cannot say that, so for such
text the model is the stricter of the two, and Lucca never gets a text it is bound to refuse.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)
from pydantic_core import PydanticCustomError

from tools.core.errors import FieldError, InvalidDraft
from tools.core.spec import ID_MAXIMUM, ID_MINIMUM

TITLE_MAX_LENGTH = 250
SUBTITLE_MAX_LENGTH = 1000
DESCRIPTION_MAX_LENGTH = 6000
# The free-text fields and their limits, as Lucca counts (UTF-16 units).
TEXT_LIMITS = {
    "title": TITLE_MAX_LENGTH,
    "subtitle": SUBTITLE_MAX_LENGTH,
    "description": DESCRIPTION_MAX_LENGTH,
}

Level = Literal["Beginner", "Middle", "Expert"]
TrainingType = Literal["External", "Internal"]
LEVELS: tuple[str, ...] = get_args(Level)
TRAINING_TYPES: tuple[str, ...] = get_args(TrainingType)


def utf16_length(text: str) -> int:
    """The length .NET's `string.Length` gives: characters beyond U+FFFF count twice."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _fits_lucca(max_length: int) -> AfterValidator:
    def check(text: str) -> str:
        units = utf16_length(text)
        if units > max_length:
            raise PydanticCustomError(
                "lucca_length",
                "too long as Lucca counts it",
                {"max_length": max_length, "units": units},
            )
        return text

    return AfterValidator(check)


def _text(max_length: int) -> Any:
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length),
        _fits_lucca(max_length),
    ]


LuccaId = Annotated[int, Field(ge=ID_MINIMUM, le=ID_MAXIMUM)]


class TrainingDraft(BaseModel):
    """A training to create, with Lucca's own field names."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    title: _text(TITLE_MAX_LENGTH)  # type: ignore[valid-type]
    subtitle: _text(SUBTITLE_MAX_LENGTH)  # type: ignore[valid-type]
    description: _text(DESCRIPTION_MAX_LENGTH)  # type: ignore[valid-type]
    level: Level
    # Lucca's own camelCase field names: they are the tool's argument names too.
    isCertifying: bool
    isMandatory: bool
    type: TrainingType | None = None
    providerId: LuccaId | None = None
    categoryId: LuccaId | None = None

    def to_lucca_body(self) -> dict[str, Any]:
        """The POST body: only what was given, so Lucca applies its own defaults."""
        return self.model_dump(exclude_none=True)


FIELD_NAMES: tuple[str, ...] = tuple(TrainingDraft.model_fields)


def validate_draft(data: Mapping[str, Any]) -> TrainingDraft:
    """Return a valid draft or raise `InvalidDraft` naming every bad field and its limit.

    Faces call `intake.accept_draft`, which also reports a refused input."""
    if not isinstance(data, Mapping):
        raise InvalidDraft([FieldError("input", "must be an object with the training's fields")])
    try:
        return TrainingDraft.model_validate(dict(data))
    except ValidationError as exc:
        raise InvalidDraft(_field_errors(exc)) from None


def _field_errors(exc: ValidationError) -> list[FieldError]:
    errors: list[FieldError] = []
    for error in exc.errors(include_url=False):
        field = _shown_name(error["loc"][0]) if error["loc"] else "input"
        errors.append(_explain(field, error))
    return errors


def _explain(field: str, error: Mapping[str, Any]) -> FieldError:
    kind, ctx, given = error["type"], error.get("ctx") or {}, error.get("input")
    if kind == "missing" or (given is None and kind != "extra_forbidden"):
        return FieldError(field, "is required", "required")
    if kind == "extra_forbidden":
        allowed = ", ".join(FIELD_NAMES)
        return FieldError(
            field, f"is not a field of a training (allowed: {allowed})", "unknown_field"
        )
    if kind == "string_too_long":
        limit, got = ctx["max_length"], len(given.strip())
        return FieldError(
            field, f"must be at most {limit} characters (got {got})", "too_long", limit, got
        )
    if kind == "lucca_length":
        limit, got = ctx["max_length"], ctx["units"]
        message = (
            f"must be at most {limit} characters as Lucca counts them "
            f"(got {got}: emoji and other rare characters count as 2)"
        )
        return FieldError(field, message, "too_long_as_lucca_counts", limit, got)
    if kind == "string_too_short":
        return FieldError(field, "must not be blank", "blank")
    if kind == "literal_error":
        allowed = LEVELS if field == "level" else TRAINING_TYPES
        message = f"must be one of {', '.join(allowed)} (got {_shown(given)})"
        return FieldError(field, message, "not_allowed_value")
    if kind in ("greater_than_equal", "less_than_equal"):
        message = f"must be an existing id between {ID_MINIMUM} and {ID_MAXIMUM} (got {given})"
        return FieldError(field, message, "out_of_range")
    if kind.startswith("bool"):
        return FieldError(field, f"must be true or false (got {_shown(given)})", "not_boolean")
    if kind.startswith("int"):
        return FieldError(field, f"must be a whole number (got {_shown(given)})", "not_integer")
    if kind.startswith("string"):
        return FieldError(field, f"must be text (got {_shown(given)})", "not_text")
    return FieldError(field, str(error["msg"]))


def _shown_name(name: object, limit: int = 60) -> str:
    """A field name as given: an unknown one may be anything, even megabytes long."""
    text = str(name)
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


def _shown(value: Any, limit: int = 40) -> str:
    """A short, safe rendering of what the caller gave, for messages."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 3]}..."
