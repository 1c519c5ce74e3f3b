"""Reading the model's JSON, and judging the draft with the core's limits and levels."""

import pytest

from tools.core.draft import DESCRIPTION_MAX_LENGTH, SUBTITLE_MAX_LENGTH, TITLE_MAX_LENGTH
from tools.drafting.answers import Overlong, check_draft, read_json_object
from tools.drafting.errors import UnreadableAnswer

DRAFT = {
    "title": "Negotiation basics",
    "subtitle": "For new account managers.",
    "description": "Three half-days of practice.",
    "suggestedLevel": "Beginner",
}


@pytest.mark.parametrize(
    "content",
    [
        '{"a": 1}',
        '```json\n{"a": 1}\n```',
        'Here is the draft:\n{"a": 1}\nHope it helps.',
    ],
)
def test_the_json_object_is_found_in_the_text(content):
    assert read_json_object(content) == {"a": 1}


@pytest.mark.parametrize("content", ["no json here", "[1, 2]", '{"a": ', ""])
def test_text_without_a_json_object_is_unreadable(content):
    with pytest.raises(UnreadableAnswer):
        read_json_object(content)


def test_a_good_draft_has_no_problem():
    draft = check_draft(DRAFT)
    assert (draft.title, draft.level, draft.problems, draft.overlong) == (
        "Negotiation basics",
        "Beginner",
        (),
        (),
    )
    assert check_draft(draft.to_payload()) == draft


def test_a_level_lucca_does_not_know_is_no_suggestion():
    assert check_draft({**DRAFT, "suggestedLevel": "Guru"}).level is None
    assert check_draft({**DRAFT, "suggestedLevel": "beginner"}).level is None


@pytest.mark.parametrize(
    ("field", "limit"),
    [
        ("title", TITLE_MAX_LENGTH),
        ("subtitle", SUBTITLE_MAX_LENGTH),
        ("description", DESCRIPTION_MAX_LENGTH),
    ],
)
def test_a_text_over_the_cores_limit_is_overlong_and_a_problem(field, limit):
    at_limit = check_draft({**DRAFT, field: "x" * limit})
    assert at_limit.overlong == () and at_limit.problems == ()
    over = check_draft({**DRAFT, field: "x" * (limit + 1)})
    assert over.overlong == (Overlong(field, limit + 1, limit),)
    assert [problem.field for problem in over.problems] == [field]


def test_length_is_counted_as_lucca_counts_emoji_as_two():
    draft = check_draft({**DRAFT, "title": "🙂" * (TITLE_MAX_LENGTH // 2 + 1)})
    assert draft.overlong == (Overlong("title", TITLE_MAX_LENGTH + 2, TITLE_MAX_LENGTH),)


def test_a_missing_or_non_text_field_is_a_problem_not_a_crash():
    draft = check_draft({"title": 12, "description": "D"})
    assert draft.title == "" and draft.subtitle == ""
    assert {problem.field for problem in draft.problems} == {"title", "subtitle"}
