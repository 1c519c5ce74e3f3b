"""Query parameters of the trainings list, and its prev/next links.

Filters accept both repeated parameters (`id[]=1&id[]=2`) and comma-separated values (`id[]=1,2`),
as Lucca's list endpoints do. Bad values are refused with the parameter's name rather than
ignored, so a client that builds a wrong query learns it here and not from a silently wrong page.
"""

from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote_plus

from tools.sandbox.lucca_facts import (
    CATEGORY_FILTER_PARAM,
    ID_FILTER_PARAM,
    LIMIT_PARAM,
    PAGE_PARAM,
    PROVIDER_FILTER_PARAM,
    ROOT_FIELDS_PARAM,
    SEARCH_PARAM,
    TRAININGS_PATH,
)
from tools.sandbox.store import TrainingFilter

DEFAULT_LIMIT = 25
MAX_LIMIT = 100
ROOT_FIELDS = ("count", "prev", "next")
_INT32_MAX = 2**31 - 1


class InvalidQuery(Exception):
    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("invalid list query")
        self.errors = errors


@dataclass(frozen=True)
class ListQuery:
    page: int
    limit: int
    where: TrainingFilter
    root_fields: frozenset[str]

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.limit


def parse_list_query(query_string: bytes) -> ListQuery:
    """The list query, or InvalidQuery with every bad parameter named."""
    pairs = parse_qsl(query_string.decode("utf-8", "replace"), keep_blank_values=True)
    values: dict[str, list[str]] = {}
    for name, value in pairs:
        values.setdefault(name, []).append(value)
    errors: dict[str, list[str]] = {}
    page = _positive(values, PAGE_PARAM, 1, _INT32_MAX, errors)
    limit = _positive(values, LIMIT_PARAM, DEFAULT_LIMIT, MAX_LIMIT, errors)
    where = TrainingFilter(
        ids=_id_list(values, ID_FILTER_PARAM, errors),
        provider_ids=_id_list(values, PROVIDER_FILTER_PARAM, errors),
        category_ids=_id_list(values, CATEGORY_FILTER_PARAM, errors),
        search=(values.get(SEARCH_PARAM) or [""])[0].strip() or None,
    )
    root_fields = _root_fields(values, errors)
    if errors:
        raise InvalidQuery(errors)
    return ListQuery(page, limit, where, root_fields)


def _positive(
    values: dict[str, list[str]],
    name: str,
    default: int,
    maximum: int,
    errors: dict[str, list[str]],
) -> int:
    """The first value of `name` (as ASP.NET binds a scalar), between 1 and `maximum`."""
    if name not in values:
        return default
    raw = values[name][0]
    number = _to_int(raw)
    if number is None:
        errors[name] = [f"The value '{raw}' is not valid for {name}."]
    elif not 1 <= number <= maximum:
        errors[name] = [f"The field {name} must be between 1 and {maximum}."]
    else:
        return number
    return default


def _id_list(
    values: dict[str, list[str]], name: str, errors: dict[str, list[str]]
) -> tuple[int, ...] | None:
    if name not in values:
        return None
    pieces = [piece.strip() for value in values[name] for piece in value.split(",")]
    ids = [_to_int(piece) for piece in pieces]
    bad = [piece for piece, number in zip(pieces, ids, strict=True) if number is None]
    if bad:
        errors[name] = [f"The value '{piece}' is not valid for {name}." for piece in bad]
        return None
    return tuple(number for number in ids if number is not None)


def _root_fields(values: dict[str, list[str]], errors: dict[str, list[str]]) -> frozenset[str]:
    asked = {f.strip() for value in values.get(ROOT_FIELDS_PARAM, []) for f in value.split(",")}
    asked.discard("")
    if unknown := sorted(asked - set(ROOT_FIELDS)):
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


def page_link(query_string: bytes, page: int) -> str:
    """A relative URL of `page`, keeping the other parameters exactly as the client wrote them."""
    kept: list[str] = []
    replaced = False
    for segment in query_string.decode("latin-1").split("&"):
        if not segment:
            continue
        if unquote_plus(segment.split("=", 1)[0]) == PAGE_PARAM:
            if not replaced:
                kept.append(f"{PAGE_PARAM}={page}")
                replaced = True
            continue
        kept.append(segment)
    if not replaced:
        kept.append(f"{PAGE_PARAM}={page}")
    return f"{TRAININGS_PATH}?{'&'.join(kept)}"
