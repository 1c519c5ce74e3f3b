"""Trainings, providers and categories in SQLite.

One code path for both modes: ":memory:" when no file is given (each sandbox starts fresh) and a
file otherwise (trainings survive restarts). The schema is created when missing and the seeds are
written only into an empty database, so reopening a file never duplicates or resurrects anything.
"""

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tools.sandbox import catalog_seed

_SCHEMA = """
CREATE TABLE IF NOT EXISTS providers (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, website_href TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS categories (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_t9n TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS trainings (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL, subtitle TEXT NOT NULL, description TEXT NOT NULL,
    level TEXT NOT NULL, is_certifying INTEGER NOT NULL, is_mandatory INTEGER NOT NULL,
    type TEXT NOT NULL, state TEXT NOT NULL,
    provider_id INTEGER REFERENCES providers(id), category_id INTEGER REFERENCES categories(id));
"""

_SELECT = """
SELECT t.*, p.name AS provider_name, p.website_href, c.name AS category_name, c.name_t9n
FROM trainings t
LEFT JOIN providers p ON p.id = t.provider_id
LEFT JOIN categories c ON c.id = t.category_id
"""

_TRAINING_COLUMNS = (
    "id, title, subtitle, description, level, is_certifying, is_mandatory, type, state, "
    "provider_id, category_id"
)


@dataclass(frozen=True)
class TrainingFilter:
    """The list endpoint's filters; None means "not filtered on this"."""

    ids: tuple[int, ...] | None = None
    provider_ids: tuple[int, ...] | None = None
    category_ids: tuple[int, ...] | None = None
    search: str | None = None


@dataclass(frozen=True)
class Window:
    """Where a page of the list lies: ids strictly after `after` and before `before` (None: no
    bound), skipping `offset` of them. A cursor gives one bound, a page index an offset."""

    after: int | None = None
    before: int | None = None
    offset: int = 0


class TrainingStore:
    """The tenant's catalog. Used from the sandbox's single event-loop thread only."""

    def __init__(self, db_path: str | None) -> None:
        """Opens (and seeds if new) the database; ValueError naming `--db` if it cannot.

        The message is for the person who gave the path, not a raw sqlite3 error: the CLI
        prints a ValueError as is.
        """
        # check_same_thread=False: the store may be built in one thread and used in the server's.
        try:
            self._conn = sqlite3.connect(db_path or ":memory:", check_same_thread=False)
        except (sqlite3.Error, ValueError) as err:  # ValueError: a NUL byte in the path
            raise ValueError(_cannot_open(db_path, err)) from None
        self._conn.row_factory = sqlite3.Row
        self._conn.create_function("contains_ci", 2, _contains_ci, deterministic=True)
        try:
            with self._conn:
                self._conn.executescript(_SCHEMA)
                if self._conn.execute("SELECT COUNT(*) FROM providers").fetchone()[0] == 0:
                    self._insert_seeds()
        except sqlite3.Error as err:  # e.g. "file is not a database"
            self._conn.close()
            raise ValueError(_cannot_open(db_path, err)) from None

    def close(self) -> None:
        self._conn.close()

    def reset(self) -> None:
        """Back to the seeded trainings: what a user rehearsing a scenario wants to start from."""
        with self._conn:
            self._conn.execute("DELETE FROM trainings")
            self._insert_seed_trainings()

    def provider_exists(self, provider_id: int) -> bool:
        return self._exists("providers", provider_id)

    def category_exists(self, category_id: int) -> bool:
        return self._exists("categories", category_id)

    def create(self, fields: dict[str, Any]) -> dict[str, Any]:
        """Store a validated training as given (no trimming) and return it as the API shows it."""
        (training_id,) = self.insert_many([fields])
        created = self.get(training_id)
        assert created is not None  # just inserted in this thread
        return created

    def insert_many(self, trainings: list[dict[str, Any]]) -> list[int]:
        """Store validated trainings in one transaction; their new ids, in the same order.

        The ids are given explicitly (after the highest one) because SQLite tells the id of only
        the last row of an executemany; the store is used from one thread, so none can interleave.
        """
        with self._conn:
            highest = self._conn.execute("SELECT COALESCE(MAX(id), 0) FROM trainings").fetchone()
            ids = list(range(highest[0] + 1, highest[0] + 1 + len(trainings)))
            self._conn.executemany(
                f"INSERT INTO trainings ({_TRAINING_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Ready', ?, ?)",
                [_new_row(new_id, fields) for new_id, fields in zip(ids, trainings, strict=True)],
            )
        return ids

    def get(self, training_id: int) -> dict[str, Any] | None:
        row = self._conn.execute(_SELECT + "WHERE t.id = ?", (training_id,)).fetchone()
        return _training_json(row) if row else None

    def count(self, where: TrainingFilter) -> int:
        clause, params = _where_clause(where)
        return int(
            self._conn.execute(f"SELECT COUNT(*) FROM trainings t {clause}", params).fetchone()[0]
        )

    def window(self, where: TrainingFilter, at: Window, limit: int) -> list[dict[str, Any]]:
        """Up to `limit` matching trainings at `at`, by ascending id."""
        clause, params = _where_clause(where, at.after, at.before)
        # Before a boundary, the nearest ones are wanted: read them backwards, then turn them.
        order = "DESC" if at.before is not None and at.after is None else "ASC"
        rows = self._conn.execute(
            f"{_SELECT} {clause} ORDER BY t.id {order} LIMIT ? OFFSET ?",
            [*params, limit, at.offset],
        )
        trainings = [_training_json(row) for row in rows]
        return trainings[::-1] if order == "DESC" else trainings

    def any_in(self, where: TrainingFilter, at: Window) -> bool:
        """Whether some matching training lies in `at` (its bounds; its offset is ignored)."""
        clause, params = _where_clause(where, at.after, at.before)
        query = f"SELECT EXISTS (SELECT 1 FROM trainings t {clause})"
        return bool(self._conn.execute(query, params).fetchone()[0])

    def _exists(self, table: str, row_id: int) -> bool:
        query = f"SELECT 1 FROM {table} WHERE id = ?"
        return self._conn.execute(query, (row_id,)).fetchone() is not None

    def _insert_seeds(self) -> None:
        self._conn.executemany(
            "INSERT INTO providers VALUES (?, ?, ?)",
            [(p.id, p.name, p.website_href) for p in catalog_seed.PROVIDERS],
        )
        self._conn.executemany(
            "INSERT INTO categories VALUES (?, ?, ?)",
            [(c.id, c.name, json.dumps(c.name_t9n)) for c in catalog_seed.CATEGORIES],
        )
        self._insert_seed_trainings()

    def _insert_seed_trainings(self) -> None:
        self._conn.executemany(
            f"INSERT INTO trainings ({_TRAINING_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Ready', ?, ?)",
            [_seed_row(t) for t in catalog_seed.TRAININGS],
        )


def _cannot_open(db_path: str | None, err: Exception) -> str:
    """Why `db_path` cannot serve as the database, said in terms a person can act on."""
    path = Path(str(db_path))
    if path.is_dir():
        reason = "it is a folder, not a file"
    elif not path.parent.is_dir():
        reason = f"the folder {path.parent} does not exist"
    else:
        reason = str(err)
    return f"--db: cannot open SQLite file {db_path}: {reason}"


def _new_row(training_id: int, fields: dict[str, Any]) -> tuple[Any, ...]:
    return (
        training_id,
        fields["title"],
        fields["subtitle"],
        fields["description"],
        fields["level"],
        fields["isCertifying"],
        fields["isMandatory"],
        fields.get("type") or "External",
        fields.get("providerId"),
        fields.get("categoryId"),
    )


def _seed_row(t: catalog_seed.SeedTraining) -> tuple[Any, ...]:
    return (
        t.id,
        t.title,
        t.subtitle,
        t.description,
        t.level,
        t.is_certifying,
        t.is_mandatory,
        t.type,
        t.provider_id,
        t.category_id,
    )


def _contains_ci(haystack: str | None, needle: str) -> bool:
    """Case-insensitive substring test that, unlike SQLite's LIKE, also folds non-ASCII."""
    return haystack is not None and needle.casefold() in haystack.casefold()


def _where_clause(
    where: TrainingFilter, after: int | None = None, before: int | None = None
) -> tuple[str, list[Any]]:
    # json_each takes the whole id list as one parameter, so no SQLite variable limit applies.
    conditions: list[str] = []
    params: list[Any] = []
    for condition, bound in (("t.id > ?", after), ("t.id < ?", before)):
        if bound is not None:
            conditions.append(condition)
            params.append(bound)
    for column, values in (
        ("t.id", where.ids),
        ("t.provider_id", where.provider_ids),
        ("t.category_id", where.category_ids),
    ):
        if values is not None:
            conditions.append(f"{column} IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(values)))
    if where.search:
        conditions.append(
            "(contains_ci(t.title, ?) OR contains_ci(t.subtitle, ?) "
            "OR contains_ci(t.description, ?))"
        )
        params.extend([where.search] * 3)
    return ("WHERE " + " AND ".join(conditions) if conditions else ""), params


def _training_json(row: sqlite3.Row) -> dict[str, Any]:
    """The spec's v1.Training; provider and category are left out, not null, when unset."""
    training: dict[str, Any] = {
        "id": row["id"],
        "state": row["state"],
        "type": row["type"],
        "title": row["title"],
        "subtitle": row["subtitle"],
        "description": row["description"],
        "level": row["level"],
        "isCertifying": bool(row["is_certifying"]),
        "isMandatory": bool(row["is_mandatory"]),
    }
    if row["provider_id"] is not None:
        training["provider"] = {
            "id": row["provider_id"],
            "name": row["provider_name"],
            "websiteHref": row["website_href"],
        }
    if row["category_id"] is not None:
        training["category"] = {
            "id": row["category_id"],
            "name": row["category_name"],
            "t9n": {"name": json.loads(row["name_t9n"])},
        }
    return training
