"""Hostile input, generated: drafts from the tool's own JSON schema, and the values an attacker,
a confused model or a broken script would put in them.

`schema_drafts()` draws drafts the listed schema accepts; `hostile_drafts()` takes a valid draft
and breaks one field (the one a refusal must name) with a value of the wrong kind, or adds a field.
Examples are few and reproducible (`BOUNDED`): the suite must stay fast and CI deterministic.
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, example, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from tests.support import VALID_DRAFT, WRITABLE_FIELDS
from tools.core.draft import TEXT_LIMITS, utf16_length
from tools.mcp_server.create_tool import input_schema

BOUNDED = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
OPTIONAL_FIELDS = ("type", "providerId", "categoryId")
DRAFT_FIELDS = tuple(WRITABLE_FIELDS)

# Characters that have broken text handling somewhere: controls, bidi overrides, zero-widths,
# line separators, astral characters (2 UTF-16 units each), a lone combining mark, a NUL.
HOSTILE_CHARACTERS = [
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u0301",
    "\ud7ff",
    "\U0001f600",
    "\U0001f469\u200d\U0001f4bb",
    "\U00010000",
    "\U0010ffff",
    "<@U123>",
    "<!channel>",
    "*",
    "&lt;",
    "\r\n",
    "%s",
    "{0}",
    "\\",
]
hostile_text = st.lists(
    st.one_of(st.sampled_from(HOSTILE_CHARACTERS), st.text(max_size=5)), min_size=1, max_size=30
).map("".join)


def schema_drafts() -> st.SearchStrategy[dict[str, Any]]:
    """Drafts as the tool's listed schema describes them (without its own flags).

    Each property is drawn from its own schema; the object is assembled here from the schema's
    `required` list, because hypothesis-jsonschema's object strategy fails on this Hypothesis
    version (`'many' object has no attribute 'more'`).
    """
    schema = copy.deepcopy(input_schema())
    properties = {k: v for k, v in schema["properties"].items() if k in DRAFT_FIELDS}
    assert schema.get("additionalProperties") is False
    required = set(schema["required"])
    return st.fixed_dictionaries(
        {name: from_schema(spec) for name, spec in properties.items() if name in required},
        optional={
            name: from_schema(spec) for name, spec in properties.items() if name not in required
        },
    )


def fits_lucca(draft: dict[str, Any]) -> list[str]:
    """The text fields the schema lets through but the core must refuse: Lucca counts UTF-16
    units, and blank text (after trimming) is no text."""
    refused = []
    for name, limit in TEXT_LIMITS.items():
        value = draft.get(name)
        if isinstance(value, str) and (not value.strip() or utf16_length(value.strip()) > limit):
            refused.append(name)
    return refused


def deep_json(levels: int) -> Any:
    value: Any = "x"
    for index in range(levels):
        value = [value] if index % 2 else {"a": value}
    return value


# A value of the wrong kind for each field: what a refusal must name.
WRONG_VALUES = st.one_of(
    st.none(),
    st.sampled_from(["", "   ", "\u200b", "true", "false", "1", "12", "-1", "null", "NaN"]),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.builds(deep_json, st.integers(min_value=2, max_value=60)),
    hostile_text,
)


def _wrong_for(name: str, value: Any) -> bool:
    """Whether `value` cannot be accepted for the field `name` (strict JSON types)."""
    if value is None:
        return name not in OPTIONAL_FIELDS  # null means "not given"
    if name in TEXT_LIMITS:
        if not isinstance(value, str):
            return True
        text = value.strip()
        return not text or utf16_length(text) > TEXT_LIMITS[name]
    if name == "level":
        return value not in ("Beginner", "Middle", "Expert")
    if name == "type":
        return value not in ("External", "Internal")
    if name in ("isCertifying", "isMandatory"):
        return not isinstance(value, bool)
    # providerId, categoryId: an existing id, a JSON integer.
    return isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 2**31 - 1


@st.composite
def hostile_drafts(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """A valid draft with one field broken (or one unknown field added); that field's name."""
    draft = dict(VALID_DRAFT)
    if draw(st.integers(0, 5)) == 0:
        name = draw(st.one_of(hostile_text, st.sampled_from(["Title", "id", "__proto__", "url"])))
        if name in DRAFT_FIELDS or name == "dryRun" or name in input_schema()["properties"]:
            name = name + "_"
        draft[name] = draw(WRONG_VALUES)
        return draft, name
    name = draw(st.sampled_from(DRAFT_FIELDS))
    value = draw(WRONG_VALUES.filter(lambda v: _wrong_for(name, v)))
    draft[name] = value
    return draft, name


# The classic mistakes, always tried (Hypothesis may not draw them in a bounded run).
CLASSIC_MISTAKES: list[tuple[str, Any]] = [
    ("providerId", "12"),
    ("categoryId", 12.0),
    ("providerId", True),
    ("providerId", 2**31),
    ("isCertifying", "true"),
    ("isMandatory", 1),
    ("isMandatory", "false"),
    ("title", None),
    ("title", 42),
    ("level", "beginner"),
    ("level", None),
    ("type", "external"),
    ("subtitle", "\u3000\t "),
    ("description", "\U0001f600" * 3001),
    ("title", "T" * 251),
]


def classic_cases() -> list[tuple[dict[str, Any], str]]:
    return [({**VALID_DRAFT, name: value}, name) for name, value in CLASSIC_MISTAKES]


def with_classic_mistakes(test: Any) -> Any:
    """`@example` for each classic mistake, on a test taking `case` from `hostile_drafts()`."""
    for case in classic_cases():
        test = example(case=case)(test)
    return test
