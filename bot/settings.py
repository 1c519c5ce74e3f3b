"""The Slack face's settings, read once at the entry point and passed down.

Secrets are `SecretStr`: they print as `**********` and reach code only through
`get_secret_value()` at the one place that hands them to Bolt. Which secrets are required depends
on the mode, so each mode asks for its own (`require_socket_mode`, `require_http_mode`) and a
missing one is named in a `ConfigurationError`.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from tools.core.errors import ConfigurationError
from tools.core.settings import checked_service_address, comma_separated, read_settings

DEFAULT_API_URL = "https://slack.com/api/"
# Slack ids: users U.../W..., user groups S...; upper-case letters and digits.
_SLACK_ID = re.compile(r"[A-Z][A-Z0-9]{2,}")


def _id_list(value: object) -> object:
    """`"U1, U2"` -> `["U1", "U2"]`: environment variables hold comma-separated lists."""
    return comma_separated(value) if isinstance(value, str) else value


class SlackSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_api_url: str = DEFAULT_API_URL
    slack_allowed_users: Annotated[tuple[str, ...], NoDecode] = ()
    slack_allowed_usergroups: Annotated[tuple[str, ...], NoDecode] = ()

    @field_validator("slack_allowed_users", "slack_allowed_usergroups", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        return _id_list(value)

    @field_validator("slack_allowed_users", "slack_allowed_usergroups")
    @classmethod
    def _check_ids(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for position, item in enumerate(value, start=1):
            if not _SLACK_ID.fullmatch(item):
                # Not echoed: a token pasted into the wrong variable must not reach a terminal.
                raise ValueError(
                    f"entry {position} is not a Slack id (like U012ABCDEF for a user, "
                    "S012ABCDEF for a user group)"
                )
        return value

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        # An empty `SLACK_API_URL=` line in .env means the default, like the other settings.
        return normalize_api_url(value) if value.strip() else DEFAULT_API_URL

    @property
    def restricted(self) -> bool:
        """True when only listed users or groups may create; False: everyone in the workspace."""
        return bool(self.slack_allowed_users or self.slack_allowed_usergroups)

    @property
    def http_mode_configured(self) -> bool:
        """Whether `/slack/events` can be served: a bot token and a signing secret are set."""
        return bool(_secret(self.slack_bot_token) and _secret(self.slack_signing_secret))

    def bot_token(self) -> str:
        token = _secret(self.slack_bot_token)
        if not token:
            raise ConfigurationError(
                "SLACK_BOT_TOKEN is not set.",
                "Copy the Bot User OAuth Token (xoxb-...) from your Slack app's "
                "OAuth & Permissions page.",
            )
        if not token.startswith("xoxb-"):
            raise ConfigurationError(
                "SLACK_BOT_TOKEN is not a bot token (it must start with xoxb-).",
                "Copy the Bot User OAuth Token from your Slack app's OAuth & Permissions page.",
            )
        return token

    def signing_secret(self) -> str | None:
        return _secret(self.slack_signing_secret) or None

    def require_http_mode(self) -> None:
        """HTTP mode needs the bot token and the signing secret that proves a request is Slack's."""
        self.bot_token()
        if not self.signing_secret():
            raise ConfigurationError(
                "SLACK_SIGNING_SECRET is not set: requests to /slack/events cannot be verified.",
                "Copy the Signing Secret from your Slack app's Basic Information page.",
            )

    def require_socket_mode(self) -> str:
        """Socket Mode needs the bot token and an app-level token; returns the latter."""
        self.bot_token()
        token = _secret(self.slack_app_token)
        if not token:
            raise ConfigurationError(
                "SLACK_APP_TOKEN is not set: Socket Mode needs an app-level token.",
                "Create one with the connections:write scope on your Slack app's Basic "
                "Information page (App-Level Tokens) and set SLACK_APP_TOKEN to it (xapp-...).",
            )
        if not token.startswith("xapp-"):
            raise ConfigurationError(
                "SLACK_APP_TOKEN is not an app-level token (it must start with xapp-).",
                "Use the App-Level Token from your Slack app's Basic Information page.",
            )
        return token


def load_slack_settings(**overrides: object) -> SlackSettings:
    """Settings from the environment and `.env`; a bad value becomes a `ConfigurationError`.

    Values are never echoed: a token pasted into the wrong variable must not reach a terminal.
    """
    return read_settings(SlackSettings, **overrides)


def normalize_api_url(value: str) -> str:
    """The Web API base URL with its trailing slash; https unless on this machine (tests)."""
    checked_service_address(value, "https://slack.com/api/")
    text = value.strip()
    return text if text.endswith("/") else text + "/"


def _secret(value: SecretStr | None) -> str:
    return value.get_secret_value().strip() if value is not None else ""
