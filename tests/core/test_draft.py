"""Every bad input is refused with a message that names the field and its limit."""

import pytest

from tests.support import VALID_DRAFT
from tools.core.draft import FIELD_NAMES, validate_draft
from tools.core.errors import InvalidDraft

VALID = VALID_DRAFT


def refusal(data) -> dict[str, str]:
    with pytest.raises(InvalidDraft) as caught:
        validate_draft(data)
    return {error.field: error.message for error in caught.value.field_errors}


@pytest.mark.parametrize(
    ("change", "field", "expected"),
    [
        ({"title": "t" * 251}, "title", "must be at most 250 characters (got 251)"),
        ({"subtitle": "s" * 1001}, "subtitle", "must be at most 1000 characters (got 1001)"),
        ({"description": "d" * 6001}, "description", "must be at most 6000 characters (got 6001)"),
        ({"title": "   "}, "title", "must not be blank"),
        ({"title": None}, "title", "is required"),
        ({"level": "Guru"}, "level", "must be one of Beginner, Middle, Expert (got 'Guru')"),
        ({"type": "Online"}, "type", "must be one of External, Internal (got 'Online')"),
        ({"providerId": 0}, "providerId", "must be an existing id between 1 and 2147483647"),
        ({"categoryId": -3}, "categoryId", "must be an existing id between 1 and 2147483647"),
        ({"providerId": "12"}, "providerId", "must be a whole number (got '12')"),
        ({"isCertifying": "true"}, "isCertifying", "must be true or false (got 'true')"),
        ({"title": 42}, "title", "must be text (got 42)"),
        ({"colour": "red"}, "colour", "is not a field of a training (allowed: title, subtitle"),
    ],
)
def test_bad_field_is_named_with_its_limit(change, field, expected):
    assert expected in refusal({**VALID, **change})[field]


def test_lengths_are_counted_as_lucca_counts_them():
    assert validate_draft({**VALID, "title": "\U0001f680" * 125}).title == "\U0001f680" * 125
    fields = refusal({**VALID, "title": "\U0001f680" * 126, "subtitle": "a" * 999 + "\U0001f4da"})
    assert fields["title"] == (
        "must be at most 250 characters as Lucca counts them "
        "(got 252: emoji and other rare characters count as 2)"
    )
    assert fields["subtitle"].startswith("must be at most 1000 characters as Lucca counts them")
    assert validate_draft({**VALID, "title": "é" * 250}).title == "é" * 250  # BMP: one unit each


def test_every_missing_required_field_is_named():
    assert refusal({"type": "Internal"}) == {
        name: "is required"
        for name in ("title", "subtitle", "description", "level", "isCertifying", "isMandatory")
    }


def test_all_problems_are_reported_at_once_in_the_message():
    with pytest.raises(InvalidDraft) as caught:
        validate_draft({**VALID, "title": "t" * 300, "level": "Guru", "extra": 1})
    message = str(caught.value)
    for part in ("title: must be at most 250", "level: must be one of", "extra: is not a field"):
        assert part in message
    assert "nothing was sent to Lucca" in message


def test_texts_are_trimmed_and_limits_count_the_trimmed_text():
    draft = validate_draft({**VALID, "title": "  " + "t" * 250 + "\n", "subtitle": " Sub "})
    assert draft.title == "t" * 250
    assert draft.subtitle == "Sub"


def test_optional_fields_absent_or_null_are_not_sent():
    draft = validate_draft({**VALID, "providerId": None})
    assert draft.to_lucca_body() == VALID
    with_ids = validate_draft({**VALID, "type": "Internal", "providerId": 12, "categoryId": 2})
    assert with_ids.to_lucca_body() == {
        **VALID,
        "type": "Internal",
        "providerId": 12,
        "categoryId": 2,
    }


def test_input_that_is_not_an_object_is_refused():
    assert refusal(["title"]) == {"input": "must be an object with the training's fields"}


def test_a_huge_unknown_field_name_is_shortened_in_the_message():
    fields = refusal({**VALID, "x" * 100_000: 1})
    (name,) = fields
    assert len(name) <= 60 and name.endswith("...")


def test_field_errors_carry_a_code_and_the_figures_for_faces_to_translate():
    with pytest.raises(InvalidDraft) as caught:
        validate_draft({**VALID, "title": "t" * 251, "subtitle": "  ", "level": None, "x": 1})
    found = {(e.field, e.code, e.limit, e.got) for e in caught.value.field_errors}
    assert found == {
        ("title", "too_long", 250, 251),
        ("subtitle", "blank", None, None),
        ("level", "required", None, None),
        ("x", "unknown_field", None, None),
    }
    assert FIELD_NAMES[:6] == tuple(VALID)
