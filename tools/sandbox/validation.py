"""Checks on a POST trainings body, answered the way ASP.NET Core would answer them.

ASP.NET reports two kinds of problems under different keys: System.Text.Json conversion failures
under the JSON path (`$.level`, camelCase), and DataAnnotations failures under the C# property name
(`Title`, PascalCase). Where .NET's behaviour depends on configuration we cannot see (enum values
given as numbers or in another case, numbers given as strings, property-name casing) the sandbox
takes the strict reading, so a client that passes here does not rely on a leniency Lucca may lack.
Unlike System.Text.Json, which stops at the first conversion error, all problems are collected.
Lengths are counted as .NET's `string.Length` counts them, in UTF-16 code units (see utf16_length).
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Errors = dict[str, list[str]]

_INT32 = (-(2**31), 2**31 - 1)
# Half of a surrogate pair on its own: JSON can escape one ("\ud83d"), UTF-16 cannot hold it.
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


class InvalidBody(Exception):
    """The body cannot be read as a training; `errors` is the problem's errors object."""

    def __init__(self, errors: Errors) -> None:
        super().__init__("invalid training body")
        self.errors = errors


@dataclass(frozen=True)
class _Field:
    json_name: str
    clr_type: str  # the type .NET names in its conversion error
    accepts: Callable[[Any], bool]
    required: bool
    max_length: int | None = None  # in UTF-16 code units, see utf16_length

    @property
    def property_name(self) -> str:
        return self.json_name[0].upper() + self.json_name[1:]


def _is_string(value: Any) -> bool:
    # System.Text.Json will not read a lone surrogate into a .NET string: a conversion error.
    return isinstance(value, str) and _LONE_SURROGATE.search(value) is None


def utf16_length(text: str) -> int:
    """The length ASP.NET's [MaxLength] compares: `string.Length`, in UTF-16 code units.

    A character outside the Basic Multilingual Plane (most emoji, e.g. U+1F680) is a surrogate
    pair there, so it counts 2 where Python's len() counts 1; a title that fits here by len()
    could still be refused by Lucca.
    """
    return len(text.encode("utf-16-le")) // 2


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def _is_int32(value: Any) -> bool:
    return (
        isinstance(value, int) and not isinstance(value, bool) and _INT32[0] <= value <= _INT32[1]
    )


def _enum(*names: str) -> Callable[[Any], bool]:
    return lambda value: isinstance(value, str) and value in names


_FIELDS = (
    _Field("title", "System.String", _is_string, True, 250),
    _Field("subtitle", "System.String", _is_string, True, 1000),
    _Field("description", "System.String", _is_string, True, 6000),
    _Field("level", "Lucca.Training.Level", _enum("Beginner", "Middle", "Expert"), True),
    _Field("isCertifying", "System.Nullable`1[System.Boolean]", _is_bool, True),
    _Field("isMandatory", "System.Nullable`1[System.Boolean]", _is_bool, True),
    _Field("type", "Lucca.Training.TrainingType", _enum("External", "Internal"), False),
    _Field("providerId", "System.Nullable`1[System.Int32]", _is_int32, False),
    _Field("categoryId", "System.Nullable`1[System.Int32]", _is_int32, False),
)

TOO_DEEP = "The maximum configured depth of 64 has been exceeded. Path: $."
# Optional fields whose .NET type is nullable: JSON null is simply "not given".
_NULLABLE_OPTIONAL = {"providerId", "categoryId"}


def parse_object(body: bytes) -> dict[str, Any]:
    """The body as a JSON object, or InvalidBody under the root path `$`."""
    if not body.strip():
        raise InvalidBody({"$": ["A non-empty request body is required."]})
    try:
        # .NET rejects NaN/Infinity literals that Python's json module would accept.
        value = json.loads(body.decode("utf-8-sig"), parse_constant=_reject_constant)
    except UnicodeDecodeError:
        raise InvalidBody({"$": ["The request body is not valid UTF-8. Path: $"]}) from None
    except json.JSONDecodeError as err:
        where = f"LineNumber: {err.lineno - 1} | BytePositionInLine: {err.colno - 1}"
        raise InvalidBody({"$": [f"{err.msg}. Path: $ | {where}."]}) from None
    except RecursionError:  # System.Text.Json stops at a depth of 64; Python's parser far later
        raise InvalidBody({"$": [TOO_DEEP]}) from None
    if not isinstance(value, dict):
        message = "The JSON value could not be converted to Lucca.Training.TrainingInput. Path: $"
        raise InvalidBody({"$": [message]})
    return value


def _reject_constant(name: str) -> Any:
    raise json.JSONDecodeError(f"'{name}' is an invalid JSON literal", name, 0)


def check_training(
    data: dict[str, Any],
    provider_exists: Callable[[int], bool],
    category_exists: Callable[[int], bool],
) -> dict[str, Any]:
    """The writable fields of a valid training, or InvalidBody listing every problem found.

    Unknown and read-only fields (id, state, provider, category) are dropped, as .NET does.
    """
    errors: Errors = {}
    accepted: dict[str, Any] = {}
    for field in _FIELDS:
        value = data.get(field.json_name)
        problem = _field_problem(field, value, field.json_name in data)
        if problem is not None:
            errors.setdefault(problem[0], []).append(problem[1])
        elif value is not None:
            accepted[field.json_name] = value
    for name, exists, label in (
        ("providerId", provider_exists, "Provider"),
        ("categoryId", category_exists, "Category"),
    ):
        if name in accepted and not exists(accepted[name]):
            key = label + "Id"
            errors.setdefault(key, []).append(f"{label} {accepted[name]} does not exist.")
    if errors:
        raise InvalidBody(errors)
    return accepted


def _field_problem(field: _Field, value: Any, present: bool) -> tuple[str, str] | None:
    """(errors key, message) for one field, or None when the field is fine."""
    if value is None:
        if field.required:
            return field.property_name, f"The {field.property_name} field is required."
        if not present or field.json_name in _NULLABLE_OPTIONAL:
            return None
        # A null for a non-nullable .NET type (the `type` enum) falls through to a conversion error.
    if not field.accepts(value):
        path = f"$.{field.json_name}"
        return path, f"The JSON value could not be converted to {field.clr_type}. Path: {path}"
    if isinstance(value, str) and field.required and not value.strip():
        return field.property_name, f"The {field.property_name} field is required."
    if field.max_length is not None and utf16_length(value) > field.max_length:
        return field.property_name, (
            f"The field {field.property_name} must be a string or array type "
            f"with a maximum length of '{field.max_length}'."
        )
    return None
