"""Every text of Slack drafting: the `DRAFTING` part of each language table in `bot.strings`
(apart from `Texts`: the form's own texts stay there). What a user or the model wrote is escaped by
the caller before it goes into mrkdwn."""

from __future__ import annotations

from bot.strings import LANGUAGES, DraftingTexts, texts
from bot.strings import drafting_table as drafting_texts

# What the model is told about the person's language (it writes the texts in the notes' language).
MODEL_LANGUAGE_NAMES = {code: texts(code).language_name for code in LANGUAGES}


__all__ = ["MODEL_LANGUAGE_NAMES", "DraftingTexts", "drafting_texts"]
