"""Every text the Slack face shows, one table per language: `bot/strings/<code>.py`.

`texts(language)` gives one `Texts` (and `drafting_texts` in `bot.drafting.strings` its
`DraftingTexts`); templates take named values with `str.format`. Text that comes from a user or
from Lucca is escaped with `mrkdwn_escape` before it goes into a template rendered as mrkdwn, so
nobody can mention a channel or inject formatting through a title.

Adding a language is one new module here, named by its code (ISO 639-1), that defines `TEXTS` and
`DRAFTING`: it is found by its name, Slack locales starting with that code choose it
(`bot.locale`), and a test fails while it misses a text or breaks a Block Kit limit.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from types import ModuleType

from bot.strings.fields import DraftingTexts, Texts

ENGLISH, FRENCH = "en", "fr"


def _tables() -> dict[str, ModuleType]:
    codes = [
        info.name
        for info in pkgutil.iter_modules(__path__)
        if len(info.name) == 2 and info.name.isalpha()
    ]
    codes.sort(key=lambda code: (code != ENGLISH, code))  # English first: the fallback
    return {code: importlib.import_module(f"{__name__}.{code}") for code in codes}


_TABLES = _tables()
LANGUAGES: tuple[str, ...] = tuple(_TABLES)


def texts(language: str | None) -> Texts:
    """The texts for a language code from `locale.language_of`; English for anything else."""
    return _TABLES.get(language or ENGLISH, _TABLES[ENGLISH]).TEXTS


def drafting_table(language: str | None) -> DraftingTexts:
    return _TABLES.get(language or ENGLISH, _TABLES[ENGLISH]).DRAFTING


# Marks that make mrkdwn bold, italic, struck or code; mrkdwn has no escape for them, so a
# zero-width space after each keeps it from pairing with the next (it reads as typed).
_FORMATTING_MARK = re.compile(r"([*_~`])")


def mrkdwn_escape(text: str) -> str:
    """User or Lucca text, shown as typed: no mention (`<!channel>`, `<@U1>`), link or format."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _FORMATTING_MARK.sub("\\1\u200b", escaped)


def mrkdwn_unescape(text: str) -> str:
    """Slash command text arrives escaped; the form shows it as the user typed it."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


__all__ = [
    "ENGLISH",
    "FRENCH",
    "LANGUAGES",
    "DraftingTexts",
    "Texts",
    "drafting_table",
    "mrkdwn_escape",
    "mrkdwn_unescape",
    "texts",
]
