"""How the core compares texts people typed with texts the catalog holds."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any


def title_key(title: str) -> str:
    """Two titles are the same training's when they differ only in case and surrounding spaces."""
    return unicodedata.normalize("NFC", title).strip().casefold()


def folded(text: str) -> str:
    """Lower case, no accents, spaces collapsed: `élan` finds `L'Élan Français`."""
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Where Lucca's free-text search looks (its list page: "title, subtitle and description").
SEARCHED_FIELDS = ("title", "subtitle", "description")


def holds_text(training: Mapping[str, Any], text: str) -> bool:
    """Whether a training found by a search holds the searched text where Lucca searches: one
    that does not shows the search was ignored."""
    wanted = folded(text)
    return any(
        isinstance(training.get(name), str) and wanted in folded(training[name])
        for name in SEARCHED_FIELDS
    )
