"""Every language table: every text, the same placeholders as English, within Block Kit's limits."""

import string
from dataclasses import fields

import pytest

from bot.drafting.strings import drafting_texts
from bot.strings import LANGUAGES, mrkdwn_escape, mrkdwn_unescape, texts
from tools.core.draft import LEVELS, TEXT_LIMITS, TRAINING_TYPES

MODAL_TITLE, VIEW_BUTTON, BUTTON, OPTION, PLACEHOLDER, HEADER = 24, 24, 75, 75, 150, 150
OTHER_LANGUAGES = [code for code in LANGUAGES if code != "en"]


def placeholders(value) -> object:
    if isinstance(value, str):
        return sorted({name for _, name, _, _ in string.Formatter().parse(value) if name})
    if isinstance(value, dict):
        return {key: placeholders(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [placeholders(item) for item in value]
    return None


def test_the_six_languages_lucca_and_slack_share_have_a_table():
    assert set(LANGUAGES) >= {"en", "fr", "de", "es", "it", "pt"}
    assert LANGUAGES[0] == "en"  # the fallback


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
@pytest.mark.parametrize("table", [texts, drafting_texts], ids=["texts", "drafting"])
def test_a_table_has_every_text_with_the_placeholders_of_english(language, table):
    english, other = table("en"), table(language)
    for field in fields(english):
        if field.name in ("language", "language_name"):
            continue
        mine, theirs = getattr(english, field.name), getattr(other, field.name)
        assert placeholders(theirs) == placeholders(mine), (language, field.name)
        assert theirs, (language, field.name)
        if isinstance(mine, dict):
            assert all(theirs.values()), (language, field.name)
    assert other is not english


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_table_is_named_after_its_language(language):
    assert texts(language).language == language
    assert texts(language).language_name.isalpha()


@pytest.mark.parametrize("language", LANGUAGES)
def test_texts_fit_block_kit_limits(language):
    words, drafting = texts(language), drafting_texts(language)
    for title in (
        words.modal_title,
        words.result_title,
        words.refused_title,
        words.already_there_title,
        drafting.loading_title,
    ):
        assert len(title) <= MODAL_TITLE, title
    for button in (words.submit, words.cancel, words.close):
        assert len(button) <= VIEW_BUTTON, button
    for button in (words.home_create, drafting.button, drafting.open_form):
        assert len(button) <= BUTTON, button
    assert set(words.level_names) == set(LEVELS)
    assert set(words.type_names) == set(TRAINING_TYPES)
    for name, meaning in words.level_names.values():
        assert len(name) <= OPTION and len(meaning) <= OPTION
    for option in (*words.type_names.values(), words.allow_duplicate_option, words.yes, words.no):
        assert len(option) <= OPTION, option
    assert len(words.thread_share_option) <= OPTION
    for placeholder in (
        words.type_placeholder,
        words.provider_placeholder,
        words.category_placeholder,
    ):
        assert len(placeholder) <= PLACEHOLDER, placeholder
    assert len(words.home_header) <= HEADER


def test_the_limits_a_table_quotes_are_lucca_s():
    help_text = texts("de").home_help.format(
        title_limit=TEXT_LIMITS["title"],
        subtitle_limit=TEXT_LIMITS["subtitle"],
        description_limit=TEXT_LIMITS["description"],
    )
    assert "250" in help_text and "6000" in help_text


def test_an_unknown_language_is_english():
    assert texts("ja") is texts("en") is texts(None)
    assert drafting_texts("ko") is drafting_texts("en")
    assert texts("fr").language == "fr"


def test_escaping_defuses_mentions_and_links():
    assert mrkdwn_escape("<!channel> & <@U1|x>") == "&lt;!channel&gt; &amp; &lt;@U1|x&gt;"
    assert mrkdwn_unescape(mrkdwn_escape("a <b> & c &amp;")) == "a <b> & c &amp;"
