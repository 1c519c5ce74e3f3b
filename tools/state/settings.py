"""Where the store lives: one setting, `STATE_URL`."""

from __future__ import annotations

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from tools.core.settings import read_settings

DEFAULT_STATE_URL = "sqlite:///lucca-training-state.sqlite3"  # a file in the working directory
MEMORY_STATE_URL = "sqlite://"  # nothing kept once the process ends: --sandbox and the demo


class StateSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # A secret: a PostgreSQL URL may hold a password. None: a file, or memory with --sandbox.
    state_url: SecretStr | None = None

    def url(self, *, sandbox: bool) -> str:
        """The store's URL: the one set wins; else memory with the sandbox, a file otherwise."""
        given = self.state_url.get_secret_value().strip() if self.state_url else ""
        if given:
            return given
        return MEMORY_STATE_URL if sandbox else DEFAULT_STATE_URL


def load_state_settings(**overrides: object) -> StateSettings:
    return read_settings(StateSettings, **overrides)
