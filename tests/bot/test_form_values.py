"""Reading the form's state into a draft, and the description's two boxes."""

import pytest

from bot import ids
from bot.form_values import FormValues, Picked, check_form, split_within
from bot.strings import texts
from tests.bot.slack_driver import VALID_FORM, state_of
from tools.core.draft import utf16_length
from tools.core.events import Caller

SLACK_CALLER = Caller(face="slack", who="U0ANN", team="T0ACME")


def test_the_split_keeps_each_part_within_3000_utf16_units():
    text = "a" * 2999 + "🙂" + "b" * 10
    first, rest = split_within(text)
    assert (first, rest) == ("a" * 2999, "🙂" + "b" * 10)  # the emoji is not cut in two
    assert first + rest == text
    assert split_within("short") == ("short", "")
    assert split_within("é" * 3000) == ("é" * 3000, "")


@pytest.mark.parametrize(
    ("typed", "boxes"),
    [
        (("a" * 100, "b" * 50), ("a" * 100 + "b" * 50, None)),
        (("a" * 3000, "b" * 3000), ("a" * 3000, "b" * 3000)),
        (("a" * 2998 + "🙂", "b" * 3000), ("a" * 2998 + "🙂", "b" * 3000)),
        ((None, "only the second box"), ("only the second box", None)),
        ((None, None), (None, None)),
    ],
)
def test_the_description_comes_back_split_at_3000(typed, boxes):
    values = FormValues(description=typed[0], description_more=typed[1])
    assert values.description_boxes() == boxes


def test_a_description_that_cannot_be_split_within_limits_comes_back_as_typed():
    # Typed where Slack counts characters, not UTF-16 units: 3000 characters are 3001 units.
    values = FormValues(description="a" * 2999 + "🙂", description_more="b" * 2999)
    assert values.description_boxes() == ("a" * 2999 + "🙂", "b" * 2999)
    assert utf16_length(values.joined_description) == 6000


def form(**values) -> FormValues:
    from bot.form import form_view

    view = form_view(texts("en"), private_metadata="{}")
    return FormValues.from_state(state_of(view, {**VALID_FORM, **values}))


def test_a_valid_form_is_the_draft_the_core_validates():
    checked = check_form(
        form(
            **{
                ids.DESCRIPTION_MORE_BLOCK: " and more",
                ids.PROVIDER_BLOCK: ("12", "L'Élan Français (#12)"),
                ids.CATEGORY_ID_BLOCK: " #2 ",
                ids.TYPE_BLOCK: "Internal",
            }
        ),
        texts("en"),
        SLACK_CALLER,
    )
    assert checked.errors == {}
    assert checked.draft.model_dump(exclude_none=True) == {
        "title": "Negotiation basics",
        "subtitle": "Prepare, open, close",
        "description": "Three half-days of practice. and more",
        "level": "Beginner",
        "isCertifying": False,
        "isMandatory": True,
        "type": "Internal",
        "providerId": 12,
        "categoryId": 2,
    }


@pytest.mark.parametrize("typed", ["12a", "١٢", "-3", "1e3", "0x10", "9" * 13])
def test_an_id_box_takes_plain_digits_only(typed):
    checked = check_form(form(**{ids.PROVIDER_ID_BLOCK: typed}), texts("en"), SLACK_CALLER)
    assert list(checked.errors) == [ids.PROVIDER_ID_BLOCK]


def test_an_id_out_of_lucca_range_is_the_cores_error_on_the_id_box():
    checked = check_form(form(**{ids.CATEGORY_ID_BLOCK: "0"}), texts("en"), SLACK_CALLER)
    assert checked.errors[ids.CATEGORY_ID_BLOCK].startswith("Must be an existing id between")


def test_the_same_id_picked_and_typed_is_fine():
    checked = check_form(
        form(**{ids.PROVIDER_BLOCK: ("7", "SafeWork (#7)"), ids.PROVIDER_ID_BLOCK: "7"}),
        texts("en"),
        SLACK_CALLER,
    )
    assert checked.draft is not None and checked.draft.providerId == 7


def test_errors_are_worded_in_french_for_a_french_user():
    checked = check_form(
        form(**{ids.TITLE_BLOCK: "T" * 300, ids.LEVEL_BLOCK: None, ids.PROVIDER_ID_BLOCK: "x"}),
        texts("fr"),
        SLACK_CALLER,
    )
    assert checked.errors == {
        ids.TITLE_BLOCK: "250 caractères au maximum (ici 300).",
        ids.LEVEL_BLOCK: "Ce champ est requis.",
        ids.PROVIDER_ID_BLOCK: "Doit être un nombre, comme 12 (ou laissez vide).",
    }


def test_a_state_of_another_shape_reads_as_empty_and_is_reported_not_crashed():
    values = FormValues.from_state({ids.TITLE_BLOCK: "not an object", ids.LEVEL_BLOCK: {}})
    checked = check_form(values, texts("en"), SLACK_CALLER)
    assert checked.errors[ids.TITLE_BLOCK] == "Required."
    assert checked.errors[ids.LEVEL_BLOCK] == "Required."


def test_a_picked_option_keeps_the_text_it_showed():
    values = form(**{ids.CATEGORY_BLOCK: ("5", "Health and safety (#5)")})
    assert values.category == Picked("5", "Health and safety (#5)")
