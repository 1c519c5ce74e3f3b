"""SQLite storage: a file keeps trainings across sandbox restarts, memory does not."""

import sqlite3
from pathlib import Path

from tests.sandbox.helpers import (
    API_KEY,
    AUTH,
    SEEDED_IDS,
    TRAININGS_PATH,
    http_client,
    valid_training,
)
from tools.sandbox.config import SandboxConfig
from tools.sandbox.runner import SandboxServer


def listed_ids(server: SandboxServer) -> list[int]:
    with http_client(server.base_url, headers=AUTH) as c:
        return [item["id"] for item in c.get(TRAININGS_PATH).json()["items"]]


def create(server: SandboxServer, title: str) -> int:
    with http_client(server.base_url, headers=AUTH) as c:
        response = c.post(TRAININGS_PATH, json=valid_training(title=title))
        assert response.status_code == 201
        return int(response.json()["id"])


def test_a_file_keeps_trainings_across_restarts(tmp_path: Path) -> None:
    config = SandboxConfig(api_key=API_KEY, db_path=str(tmp_path / "sandbox.db"))
    with SandboxServer(config) as first:
        created = create(first, "Kept on disk")

    with SandboxServer(config) as second:
        assert listed_ids(second) == [*SEEDED_IDS, created]  # seeds not inserted twice
        with http_client(second.base_url, headers=AUTH) as c:
            kept = c.get(f"{TRAININGS_PATH}/{created}").json()
        assert kept["title"] == "Kept on disk"
        assert kept["provider"]["id"] == 12
        assert create(second, "Next one") == created + 1


def test_the_file_is_plain_sqlite_with_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "sandbox.db"
    with SandboxServer(SandboxConfig(api_key=API_KEY, db_path=str(path))) as server:
        create(server, "Inspectable")

    with sqlite3.connect(path) as conn:
        titles = [row[0] for row in conn.execute("SELECT title FROM trainings ORDER BY id")]
    conn.close()
    assert titles[-1] == "Inspectable"
    assert len(titles) == len(SEEDED_IDS) + 1


def test_memory_starts_fresh_each_time() -> None:
    config = SandboxConfig(api_key=API_KEY)
    with SandboxServer(config) as first:
        create(first, "Forgotten")

    with SandboxServer(config) as second:
        assert listed_ids(second) == SEEDED_IDS


def test_reset_on_a_file_goes_back_to_the_seeds(tmp_path: Path) -> None:
    config = SandboxConfig(api_key=API_KEY, db_path=str(tmp_path / "sandbox.db"))
    with SandboxServer(config) as first:
        create(first, "Removed by reset")
        first.reset()

    with SandboxServer(config) as second:
        assert listed_ids(second) == SEEDED_IDS
