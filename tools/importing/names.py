"""A provider or a category given by name, resolved through the catalog's references.

Lucca has no list of providers or categories: the core reads the ones in use off the catalog's
trainings (`CatalogReader.references`), with their translations. A name is compared ignoring case
and accents (`folding.folded`): first the whole name (in any language Lucca translates it to),
then, when no name is exactly that, the names holding it (`Choice.matches`). One choice is the
answer; none, or several, is that row's error, naming what there is to choose from.
"""

from __future__ import annotations

from tools.core.catalog import Choice, References
from tools.core.errors import FieldError
from tools.core.folding import folded

SHOWN_CHOICES = 6
_WHAT = {"providerId": ("provider", "providers"), "categoryId": ("category", "categories")}


def resolve_name(field: str, typed: str, references: References) -> int | FieldError:
    """The id `typed` names, or a `FieldError` for `field` saying why there is none."""
    one, many = _WHAT[field]
    choices = references.providers if field == "providerId" else references.categories
    wanted = folded(typed)
    exact = {choice.id: choice for choice in choices if wanted in map(folded, _names(choice))}
    found = exact or {choice.id: choice for choice in choices if choice.matches(typed)}
    if len(found) == 1:
        return next(iter(found))
    if found:
        listed = ", ".join(_shown(choice) for choice in list(found.values())[:SHOWN_CHOICES])
        return FieldError(
            field, f"{typed!r} names more than one {one} ({listed}): give its id", "ambiguous_name"
        )
    in_use = ", ".join(_shown(choice) for choice in choices[:SHOWN_CHOICES]) or "none"
    partly = "" if references.complete else " (read off the catalog's first 1,000 trainings)"
    return FieldError(
        field,
        f"no {one} named {typed!r} among the {many} in use in the catalog{partly}: "
        f"give its id (in use: {in_use})",
        "unknown_name",
    )


def _names(choice: Choice) -> set[str]:
    return {choice.name, *choice.translations.values()}


def _shown(choice: Choice) -> str:
    return f"{choice.name} (#{choice.id})"
