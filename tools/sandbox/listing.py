"""Query parameters of the trainings list, read the way Lucca's "get-trainings-v1" page writes them.

Filters are `id`, `providerIds` and `categoryIds`, repeated (`id=1&id=2`) or comma-separated
(`id=1,2`, our guess: see lucca_facts). `fields.root` takes one root field per parameter, repeated,
the only form the docs show. `page` is a page index or a cursor from `next`/`prev`.

What a careless client might send is refused with the parameter's name rather than ignored: the
`[]` filter names another API might expect, a comma-joined `fields.root`, a garbled cursor. A
client that builds a wrong query learns it here, not from a silently wrong page.
"""

from dataclasses import dataclass
from urllib.parse import parse_qsl

from tools.sandbox import cursors
from tools.sandbox.lucca_facts import (
    CATEGORY_FILTER_PARAM,
    DEFAULT_LIMIT,
    FILTERS_ACCEPT_COMMAS,
    FIRST_PAGE_INDEX,
    ID_FILTER_PARAM,
    LIMIT_PARAM,
    MAX_LIMIT,
    MIN_LIMIT,
    PAGE_PARAM,
    PROVIDER_FILTER_PARAM,
    ROOT_FIELDS,
    ROOT_FIELDS_PARAM,
    SEARCH_PARAM,
)
from tools.sandbox.store import TrainingFilter

_INT32_MAX = 2**31 - 1
_FILTERS = (ID_FILTER_PARAM, PROVIDER_FILTER_PARAM, CATEGORY_FILTER_PARAM)

Errors = dict[str, list[str]]


class InvalidQuery(Exception):
    def __init__(self, errors: Errors) -> None:
        super().__init__("invalid list query")
        self.errors = errors


@dataclass(frozen=True)
class ListQuery:
    position: int | cursors.Cursor  # a page index, or where a cursor points
    limit: int
    where: TrainingFilter
    root_fields: frozenset[str]


def parse_list_query(query_string: bytes) -> ListQuery:
    """The list query, or InvalidQuery with every bad parameter named."""
    pairs = parse_qsl(query_string.decode("utf-8", "replace"), keep_blank_values=True)
    values: dict[str, list[str]] = {}
    for name, value in pairs:
        values.setdefault(name, []).append(value)
    errors: Errors = {}
    for name in _FILTERS:
        if f"{name}[]" in values:
            errors[f"{name}[]"] = [f"Unknown parameter '{name}[]': write {name}=1&{name}=2."]
    position = _position(values.get(PAGE_PARAM), errors)
    limit = _limit(values.get(LIMIT_PARAM), errors)
    where = TrainingFilter(
        ids=_id_list(values, ID_FILTER_PARAM, errors),
        provider_ids=_id_list(values, PROVIDER_FILTER_PARAM, errors),
        category_ids=_id_list(values, CATEGORY_FILTER_PARAM, errors),
        search=(values.get(SEARCH_PARAM) or [""])[0].strip() or None,
    )
    root_fields = _root_fields(values.get(ROOT_FIELDS_PARAM, []), errors)
    if errors:
        raise InvalidQuery(errors)
    return ListQuery(position, limit, where, root_fields)


def _position(raw_values: list[str] | None, errors: Errors) -> int | cursors.Cursor:
    """The first `page` (as ASP.NET binds a scalar): digits are an index, anything else a cursor."""
    if raw_values is None:
        return FIRST_PAGE_INDEX
    raw = raw_values[0]
    if raw.isascii() and raw.isdigit():
        index = int(raw)
        if FIRST_PAGE_INDEX <= index <= _INT32_MAX:
            return index
        errors[PAGE_PARAM] = [
            f"The page index must be between {FIRST_PAGE_INDEX} and {_INT32_MAX}."
        ]
        return FIRST_PAGE_INDEX
    try:
        return cursors.decode(raw)
    except cursors.InvalidCursor:
        errors[PAGE_PARAM] = [f"The value '{raw}' is neither a page index nor a known cursor."]
        return FIRST_PAGE_INDEX


def _limit(raw_values: list[str] | None, errors: Errors) -> int:
    if raw_values is None:
        return DEFAULT_LIMIT
    raw = raw_values[0]
    number = _to_int(raw)
    if number is None:
        errors[LIMIT_PARAM] = [f"The value '{raw}' is not valid for {LIMIT_PARAM}."]
    elif not MIN_LIMIT <= number <= MAX_LIMIT:
        errors[LIMIT_PARAM] = [
            f"The field {LIMIT_PARAM} must be between {MIN_LIMIT} and {MAX_LIMIT}."
        ]
    else:
        return number
    return DEFAULT_LIMIT


def _id_list(values: dict[str, list[str]], name: str, errors: Errors) -> tuple[int, ...] | None:
    if name not in values:
        return None
    separator = "," if FILTERS_ACCEPT_COMMAS else None
    pieces = [
        piece.strip()
        for value in values[name]
        for piece in (value.split(separator) if separator else [value])
    ]
    ids = [_to_int(piece) for piece in pieces]
    bad = [piece for piece, number in zip(pieces, ids, strict=True) if number is None]
    if bad:
        errors[name] = [f"The value '{piece}' is not valid for {name}." for piece in bad]
        return None
    return tuple(number for number in ids if number is not None)


def _root_fields(asked: list[str], errors: Errors) -> frozenset[str]:
    if joined := [value for value in asked if "," in value]:
        errors[ROOT_FIELDS_PARAM] = [
            f"'{value}' names several root fields: give one per {ROOT_FIELDS_PARAM} parameter."
            for value in joined
        ]
    elif unknown := sorted(set(asked) - set(ROOT_FIELDS)):
        allowed = ", ".join(ROOT_FIELDS)
        errors[ROOT_FIELDS_PARAM] = [
            f"Unknown root field '{f}' (allowed: {allowed})." for f in unknown
        ]
    return frozenset(asked)


def _to_int(raw: str) -> int | None:
    """An int32 written in plain digits (optionally signed), as .NET's binder accepts."""
    text = raw.strip()
    digits = text[1:] if text[:1] in "+-" else text
    if not digits.isascii() or not digits.isdigit():
        return None
    number = int(text)
    return number if -_INT32_MAX - 1 <= number <= _INT32_MAX else None
