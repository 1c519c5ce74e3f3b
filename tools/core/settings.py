"""Settings, read once at the entry point from the environment and `.env`, then passed down.

Only what the code uses is declared here; each is documented in docs/settings.md and `.env.example`.
"""

from __future__ import annotations

import ipaddress
import os
import re
from typing import TypeVar
from urllib.parse import SplitResult, urlsplit

import httpx
from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from tools.core.client import DEFAULT_TIMEOUT_SECONDS
from tools.core.coordination import SharedBudget
from tools.core.errors import ConfigurationError
from tools.core.pacing import RequestPacer

AnySettings = TypeVar("AnySettings", bound=BaseSettings)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    lucca_base_url: str | None = None
    lucca_api_key: SecretStr | None = None
    lucca_timeout_seconds: float = Field(DEFAULT_TIMEOUT_SECONDS, gt=0, le=120)
    lucca_max_retry_wait_seconds: float = Field(60.0, ge=0, le=600)
    # The tenant's budget for this app (Lucca: 50 per 60 s for the whole account, shared by every
    # integration): every replica's together on a shared store, this process's alone otherwise.
    # 0 turns pacing off.
    lucca_rate_limit: int = Field(50, ge=0, le=10_000)
    lucca_rate_window_seconds: float = Field(60.0, gt=0, le=3600)
    # How long a queued request may wait for its turn before it is refused (nothing sent).
    lucca_max_queue_seconds: float = Field(150.0, ge=0, le=3600)

    @field_validator("lucca_base_url")
    @classmethod
    def _base_url(cls, value: str | None) -> str | None:
        return normalize_base_url(value) if value and value.strip() else None

    def lucca_connection(self) -> tuple[str, str]:
        """The base URL and API key, or a `ConfigurationError` saying which one to set."""
        if not self.lucca_base_url:
            raise ConfigurationError(
                "LUCCA_BASE_URL is not set.",
                "Set it to your Lucca account's address (like https://acme.ilucca.net), "
                "or use --sandbox to try the tool on the embedded emulator.",
            )
        key = self.lucca_api_key.get_secret_value().strip() if self.lucca_api_key else ""
        if not key:
            raise ConfigurationError(
                "LUCCA_API_KEY is not set.",
                "Create an API key in Lucca (Administration > API keys) and set LUCCA_API_KEY, "
                "or use --sandbox.",
            )
        if not HEADER_SAFE.fullmatch(key):
            raise ConfigurationError(
                "LUCCA_API_KEY has characters an API key cannot have "
                "(spaces, line breaks or non-ASCII letters).",
                "Copy the key again from Lucca.",
            )
        return self.lucca_base_url, key

    def new_pacer(self, shared: SharedBudget | None = None) -> RequestPacer:
        """The process's one pacer: every request to Lucca takes a slot from it; from the
        tenant's budget in the store when replicas share one."""
        return RequestPacer(
            self.lucca_rate_limit,
            self.lucca_rate_window_seconds,
            self.lucca_max_queue_seconds,
            shared=shared if self.lucca_rate_limit else None,
        )


def load_settings(**overrides: object) -> Settings:
    return read_settings(Settings, **overrides)


# A folder of files, each named after a setting and holding its value: how Kubernetes mounts a
# Secret as files (deploy/kubernetes). Environment variables and `.env` win over these files.
SECRETS_DIR_VARIABLE = "SECRETS_DIR"


def read_settings(kind: type[AnySettings], **overrides: object) -> AnySettings:
    """Settings of any face from the environment, `.env` and SECRETS_DIR; a bad value becomes a
    `ConfigurationError` naming the variable, its value never shown."""
    secrets_dir = os.environ.get(SECRETS_DIR_VARIABLE, "").strip() or None
    if secrets_dir and not os.path.isdir(secrets_dir):
        raise ConfigurationError(
            f"{SECRETS_DIR_VARIABLE} is not a folder that exists.",
            "Point it at the folder where the secrets are mounted as files, or unset it.",
        )
    try:
        return kind(_secrets_dir=secrets_dir, **overrides)
    except ValidationError as exc:
        raise settings_error(exc) from None


def settings_error(exc: ValidationError) -> ConfigurationError:
    """Every face's settings errors, alike: each variable named, its value never shown."""
    problems = "; ".join(
        f"{'.'.join(str(p) for p in error['loc']).upper()}: {_reason(error)}"
        for error in exc.errors(include_url=False, include_input=False)
    )
    return ConfigurationError(f"Invalid settings: {problems}.", "Fix them and retry.")


def comma_separated(raw: str) -> list[str]:
    """`"a, b,,"` -> `["a", "b"]`: how environment variables hold lists."""
    return [entry.strip() for entry in raw.split(",") if entry.strip()]


def _reason(error: dict) -> str:
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


# What can travel in an HTTP header value: visible ASCII, no spaces.
HEADER_SAFE = re.compile(r"[\x21-\x7e]+")
_HOST_NAME = re.compile(r"[A-Za-z0-9.-]+")


def normalize_base_url(value: str) -> str:
    """`https://acme.ilucca.net/` -> `https://acme.ilucca.net`; refuses what could misroute calls.

    The value is never echoed back in the error: it might hold a password in its user-info part.
    """
    parts = urlsplit(value.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError("must be an absolute address like https://acme.ilucca.net")
    if parts.username is not None or parts.password is not None:
        raise ValueError("must not contain a user name or password (the key goes in LUCCA_API_KEY)")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValueError("must be the account's root address, like https://acme.ilucca.net")
    host = parts.hostname.lower()
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0:
        raise ValueError("has an invalid port (a number from 1 to 65535)")
    if not (_HOST_NAME.fullmatch(host) or _is_ip(host)):
        raise ValueError("has an invalid host name")
    if parts.scheme == "http" and not is_loopback(host):
        raise ValueError("must use https (plain http is accepted only for localhost)")
    shown_host = f"[{host}]" if ":" in host else host
    normalized = f"{parts.scheme}://{shown_host}" + (f":{port}" if port is not None else "")
    try:
        httpx.URL(normalized).host  # noqa: B018 - IDNA-decodes the host, as a request would
    except (httpx.InvalidURL, UnicodeError):
        raise ValueError("has an invalid host name") from None
    return normalized


def checked_service_address(value: str, example: str, key_hint: str = "") -> SplitResult:
    """The parts of a service's base address (Slack's Web API, a model's API) once it is one:
    absolute http(s) with a host, no user or password (`key_hint` says where the key goes), no
    query or fragment, a valid port, and https unless on this machine. Never echoes the value."""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError(f"must be an absolute address like {example}")
    if parts.username is not None or parts.password is not None:
        raise ValueError("must not contain a user name or password" + key_hint)
    if parts.query or parts.fragment:
        raise ValueError("must not have a query or a fragment")
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number from 0 to 65535
    except ValueError:
        raise ValueError("has an invalid port (a number from 1 to 65535)") from None
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise ValueError("must use https (plain http is accepted only for localhost)")
    return parts


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
