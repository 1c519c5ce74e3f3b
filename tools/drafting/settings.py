"""LLM_* settings: the optional language model behind drafting, read once at the entry point.

Drafting is on only when LLM_BASE_URL, LLM_API_KEY and LLM_MODEL are all set; none set means off
(and nothing about drafting shows); one or two set is a mistake, reported naming the missing ones.
Values are never echoed in an error: a key pasted into the wrong variable must not reach a log.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from tools.core.errors import ConfigurationError
from tools.core.settings import HEADER_SAFE, checked_service_address, read_settings

DEFAULT_TIMEOUT_SECONDS = 30.0
COMPLETIONS_PATH = "/chat/completions"
_MODEL_NAME_MAX_LENGTH = 200


@dataclass(frozen=True)
class LlmConnection:
    """Where the model is and how to ask it; the key stays out of `repr`."""

    base_url: str  # without a trailing slash, e.g. https://api.example.com/v1
    api_key: str = field(repr=False)
    model: str = ""
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS

    @property
    def completions_url(self) -> str:
        return self.base_url + COMPLETIONS_PATH


class LlmSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_model: str | None = None
    llm_timeout_seconds: float = Field(DEFAULT_TIMEOUT_SECONDS, gt=0, le=300)

    @field_validator("llm_base_url")
    @classmethod
    def _base_url(cls, value: str | None) -> str | None:
        # An empty `LLM_BASE_URL=` line in .env means unset, like the other settings.
        return normalize_model_url(value) if value and value.strip() else None

    @field_validator("llm_model")
    @classmethod
    def _model(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        name = value.strip()
        if len(name) > _MODEL_NAME_MAX_LENGTH or not HEADER_SAFE.fullmatch(name):
            raise ValueError(
                f"must be a model name like gpt-4o-mini (no spaces, at most "
                f"{_MODEL_NAME_MAX_LENGTH} characters)"
            )
        return name

    def connection(self) -> LlmConnection | None:
        """The model to draft with; None when drafting is off; `ConfigurationError` if half set."""
        key = self.llm_api_key.get_secret_value().strip() if self.llm_api_key else ""
        given = {
            "LLM_BASE_URL": bool(self.llm_base_url),
            "LLM_API_KEY": bool(key),
            "LLM_MODEL": bool(self.llm_model),
        }
        if not any(given.values()):
            return None
        missing = [name for name, present in given.items() if not present]
        if missing:
            verb = "is" if len(missing) == 1 else "are"
            raise ConfigurationError(
                "Drafting with a language model needs LLM_BASE_URL, LLM_API_KEY and LLM_MODEL "
                f"together; {' and '.join(missing)} {verb} not set.",
                "Set the missing ones, or unset all three to turn drafting off.",
            )
        if not HEADER_SAFE.fullmatch(key):
            raise ConfigurationError(
                "LLM_API_KEY has characters a key cannot have (spaces, line breaks or "
                "non-ASCII letters).",
                "Copy the key again from the model provider.",
            )
        assert self.llm_base_url is not None and self.llm_model is not None
        return LlmConnection(self.llm_base_url, key, self.llm_model, self.llm_timeout_seconds)


def load_llm_settings(**overrides: object) -> LlmSettings:
    return read_settings(LlmSettings, **overrides)


def normalize_model_url(value: str) -> str:
    """`https://api.example.com/v1/` -> `https://api.example.com/v1`: the base the chat-completions
    path is added to. https unless on this machine (a local model server, tests)."""
    parts = checked_service_address(
        value, "https://api.example.com/v1", " (the key goes in LLM_API_KEY)"
    )
    path = parts.path.rstrip("/")
    if path.endswith(COMPLETIONS_PATH):
        raise ValueError(f"must be the API's base address, without {COMPLETIONS_PATH}")
    return f"{parts.scheme}://{parts.netloc}{path}"
