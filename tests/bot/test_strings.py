"""English and French texts: the same templates, within Block Kit's limits in both languages."""

import string
from dataclasses import fields

import pytest

from bot.strings import LANGUAGES, mrkdwn_escape, mrkdwn_unescape, texts
from tools.core.draft import LEVELS, TRAINING_TYPES


def placeholders(value) -> object:
    if isinstance(value, str):
        return sorted({name for _, name, _, _ in string.Formatter().parse(value) if name})
    if isinstance(value, dict):
        return {key: placeholders(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [placeholders(item) for item in value]
    return None


def test_both_languages_have_every_text_with_the_same_placeholders():
    english, french = texts("en"), texts("fr")
    for field in fields(english):
        if field.name == "language":
            continue
        assert placeholders(getattr(english, field.name)) == placeholders(
            getattr(french, field.name)
        ), field.name
        assert getattr(french, field.name), field.name


@pytest.mark.parametrize("language", LANGUAGES)
def test_texts_fit_block_kit_limits(language):
    words = texts(language)
    for title in (words.modal_title, words.result_title, words.refused_title):
        assert len(title) <= 24, title
    for button in (words.submit, words.cancel, words.close):
        assert len(button) <= 24
    assert set(words.level_names) == set(LEVELS)
    assert set(words.type_names) == set(TRAINING_TYPES)
    for name, meaning in words.level_names.values():
        assert len(name) <= 75 and len(meaning) <= 75
    for name in words.type_names.values():
        assert len(name) <= 75
    for placeholder in (words.type_placeholder, words.provider_placeholder):
        assert len(placeholder) <= 150


def test_an_unknown_language_is_english():
    assert texts("de") is texts("en") is texts(None)
    assert texts("fr").language == "fr"


def test_escaping_defuses_mentions_and_links():
    assert mrkdwn_escape("<!channel> & <@U1|x>") == "&lt;!channel&gt; &amp; &lt;@U1|x&gt;"
    assert mrkdwn_unescape(mrkdwn_escape("a <b> & c &amp;")) == "a <b> & c &amp;"
