"""The import's own setting: how long a row may wait for its turn in the pacer.

The interactive faces refuse a request that would wait more than `LUCCA_MAX_QUEUE_SECONDS` (150 s):
a person is waiting. An import of 300 rows against 50 requests a minute must wait six minutes in
all and refuse nothing, so its pacer has a bound of its own; the rate and its window stay the
tenant's (`LUCCA_RATE_LIMIT`, `LUCCA_RATE_WINDOW_SECONDS`).
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from tools.core.settings import read_settings


class ImportSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    lucca_import_max_queue_seconds: float = Field(3600.0, gt=0, le=86_400)


def load_import_settings() -> ImportSettings:
    return read_settings(ImportSettings)
