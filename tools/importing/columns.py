"""Which column holds which field, and the values people type turned into Lucca's.

Headers are compared folded (no case, no accents, no spaces or punctuation), so `Sous-titre`,
`sous titre` and `SOUS_TITRE` are one header. Lucca's own names always work; `--map column=field`
names the rest (`--map "Intitulé long=description"`), and `--map column=` ignores a column.

Values are only translated when they are recognised (`oui` -> true, `Débutant` -> Beginner, `12`
-> 12); anything else is passed on as typed, so that the core's own check names the field and what
it allows, exactly as for the other faces. A provider or a category that is not a number is a
name, resolved later through the catalog (`names.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tools.core.draft import FIELD_NAMES
from tools.core.folding import folded

REFERENCE_FIELDS = ("providerId", "categoryId")
BOOLEAN_FIELDS = ("isCertifying", "isMandatory")

# Usual French and English headers, folded (see `header_key`); Lucca's names are added below.
_HEADERS = {
    "title": "titre intitule libelle nom formation nomdelaformation titredelaformation name",
    "subtitle": "soustitre resume accroche summary shortdescription",
    "description": "descriptif detail details programme contenu content",
    "level": "niveau",
    "isCertifying": "certifying certifiante certifiant certification diplomante",
    "isMandatory": "mandatory obligatoire required",
    "type": "typedeformation modalite internalexternal interneexterne",
    "providerId": "provider organisme organismedeformation prestataire fournisseur providername",
    "categoryId": "category categorie theme domaine categoryname",
}

_TRUE = {"oui", "o", "yes", "y", "x", "1", "true", "vrai", "v", "✓", "✔"}
_FALSE = {"non", "n", "no", "0", "false", "faux", "-"}
_LEVELS = {
    "Beginner": "beginner debutant initiation decouverte novice basique base 1",
    "Middle": "middle intermediaire intermediate moyen 2",
    "Expert": "expert avance advanced perfectionnement expertise 3",
}
_TYPES = {"External": "external externe ext", "Internal": "internal interne int"}


def header_key(text: str) -> str:
    """`Sous-titre ` -> `soustitre`: how two ways of writing a header are found to be one."""
    return re.sub(r"[\W_]+", "", folded(text))


FIELD_OF_HEADER = {
    key: field
    for field, words in _HEADERS.items()
    for key in (*words.split(), header_key(field), header_key(field.removesuffix("Id")))
}
LEVEL_OF = {word: level for level, words in _LEVELS.items() for word in words.split()}
TYPE_OF = {word: kind for kind, words in _TYPES.items() for word in words.split()}


class ColumnProblem(ValueError):
    """The columns cannot be matched as asked: `str()` says which and why."""


def parse_map(option: str) -> tuple[str, str | None]:
    """`--map "Intitulé=title"` -> ("Intitulé", "title"); `--map "Notes="` ignores Notes."""
    column, sep, field = option.partition("=")
    if not sep or not column.strip():
        raise ColumnProblem(f"--map {option!r} must be COLUMN=FIELD (or COLUMN= to ignore it)")
    field = field.strip()
    if field and field not in FIELD_NAMES:
        known = {header_key(name): name for name in FIELD_NAMES}
        field = known.get(header_key(field), field)
        if field not in FIELD_NAMES:
            raise ColumnProblem(
                f"--map {option!r}: {field!r} is not a field (fields: {', '.join(FIELD_NAMES)})"
            )
    return column.strip(), field or None


@dataclass(frozen=True)
class ColumnPlan:
    field_of: dict[str, str]  # header as written -> Lucca's field name
    ignored: tuple[str, ...]  # headers that give no field (said to the user, never sent)


def plan_columns(headers: list[str], mapped: dict[str, str | None]) -> ColumnPlan:
    by_key = {header_key(column): field for column, field in mapped.items()}
    unknown = [column for column in mapped if header_key(column) not in map(header_key, headers)]
    if unknown:
        raise ColumnProblem(
            f"--map names the column {unknown[0]!r}, which the file does not have "
            f"(its columns: {', '.join(headers)})"
        )
    field_of: dict[str, str] = {}
    ignored: list[str] = []
    for header in headers:
        key = header_key(header)
        field = by_key[key] if key in by_key else FIELD_OF_HEADER.get(key)
        if field is None:
            ignored.append(header)
            continue
        twin = next((h for h, f in field_of.items() if f == field), None)
        if twin is not None:
            raise ColumnProblem(
                f"the columns {twin!r} and {header!r} both give {field}: "
                f'ignore one with --map "{header}="'
            )
        field_of[header] = field
    return ColumnPlan(field_of, tuple(ignored))


@dataclass(frozen=True)
class RowValues:
    fields: dict[str, Any]  # for `accept_draft`, in Lucca's names and types where recognised
    names: dict[str, str]  # providerId/categoryId given by name, to resolve through the catalog


def row_values(cells: dict[str, Any], plan: ColumnPlan) -> RowValues:
    fields: dict[str, Any] = {}
    names: dict[str, str] = {}
    for header, value in cells.items():
        field = plan.field_of.get(header)
        if field is None:
            continue
        converted = lucca_value(field, value)
        if converted is None:
            continue
        if field in REFERENCE_FIELDS and isinstance(converted, str):
            names[field] = converted
        else:
            fields[field] = converted
    return RowValues(fields, names)


def lucca_value(field: str, value: Any) -> Any:
    """The cell as the core takes it; None for an empty cell (the field is then not given)."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a spreadsheet's numbers: 12.0 is 12
    if field in BOOLEAN_FIELDS:
        return _boolean(value)
    if field in REFERENCE_FIELDS:
        return _reference(value)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return value  # JSON's true or a list: the core names the field and what it takes
    text = str(value).strip()
    if not text:
        return None
    if field == "level":
        return LEVEL_OF.get(header_key(text), text)
    if field == "type":
        return TYPE_OF.get(header_key(text), text)
    return text


def _boolean(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if not isinstance(value, str):
        return value
    word = folded(value).strip()
    if not word:
        return None
    if word in _TRUE:
        return True
    return False if word in _FALSE else value.strip()


def _reference(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | str):
        return value
    if isinstance(value, int):
        return value
    text = value.strip()
    if not text:
        return None
    digits = text.removeprefix("#").strip()
    return int(digits) if digits.isascii() and digits.isdigit() else text
