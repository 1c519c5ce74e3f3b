"""Operations settings: how the process logs, how long it may stop in, what its HTTP edge holds."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from tools.core.settings import read_settings

LogFormat = Literal["json", "text"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]
# Kubernetes' default terminationGracePeriodSeconds is 30: stop within it, with room to spare.
DEFAULT_SHUTDOWN_GRACE_SECONDS = 25.0
DEFAULT_HEADER_TIMEOUT_SECONDS = 15.0
DEFAULT_KEEP_ALIVE_SECONDS = 75.0  # longer than proxies' own (nginx, AWS ALB: 60 s)
DEFAULT_MAX_CONNECTIONS = 1000


class OpsSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    log_format: LogFormat | None = None  # None: the command's own (json for serve, else text)
    log_level: LogLevel | None = None  # None: INFO (DEBUG with -v)
    shutdown_grace_seconds: float = Field(DEFAULT_SHUTDOWN_GRACE_SECONDS, gt=0, le=600)
    # The HTTP edge of `serve` (see tools.ops.http_edge): a request head (from the connection or
    # its first byte) and then its body must each come within the header timeout; a keep-alive
    # connection silent this long is closed; past the cap, idle connections make room or a 503.
    http_header_timeout_seconds: float = Field(DEFAULT_HEADER_TIMEOUT_SECONDS, ge=1, le=300)
    http_keep_alive_seconds: float = Field(DEFAULT_KEEP_ALIVE_SECONDS, ge=1, le=600)
    http_max_connections: int = Field(DEFAULT_MAX_CONNECTIONS, ge=16, le=1_000_000)

    @field_validator("log_format", "log_level", mode="before")
    @classmethod
    def _normalized(cls, value: object, info: ValidationInfo) -> object:
        """Blank means the default; `JSON`, `debug` are read as `json`, `DEBUG`."""
        if not isinstance(value, str):
            return value
        value = value.strip()
        if not value:
            return None
        return value.lower() if info.field_name == "log_format" else value.upper()


def load_ops_settings(**overrides: object) -> OpsSettings:
    return read_settings(OpsSettings, **overrides)
