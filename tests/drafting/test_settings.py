"""LLM_* settings: all three or none, never a value echoed, https unless on this machine."""

import pytest

from tools.core.errors import ConfigurationError
from tools.drafting.settings import LlmConnection, LlmSettings, load_llm_settings

KEY = "sk-settings-key-do-not-leak"
ALL = {
    "llm_base_url": "https://llm.example.com/v1/",
    "llm_api_key": KEY,
    "llm_model": "gpt-4o-mini",
}


def settings(**values: object) -> LlmSettings:
    return load_llm_settings(_env_file=None, **values)


def test_nothing_set_means_drafting_is_off(monkeypatch):
    for name in ("LLM_BASE_URL", "LLM_API_KEY", "LLM_MODEL"):
        monkeypatch.delenv(name, raising=False)
    assert settings().connection() is None
    assert settings(llm_base_url="", llm_api_key="", llm_model=" ").connection() is None


def test_all_three_set_give_the_connection_and_the_key_stays_out_of_repr():
    connection = settings(**ALL, llm_timeout_seconds=12).connection()
    assert connection == LlmConnection("https://llm.example.com/v1", KEY, "gpt-4o-mini", 12.0)
    assert connection.completions_url == "https://llm.example.com/v1/chat/completions"
    assert KEY not in repr(connection)
    assert KEY not in repr(settings(**ALL)) and KEY not in str(settings(**ALL))


def test_the_environment_is_read(monkeypatch):
    monkeypatch.setenv("LLM_BASE_URL", "http://127.0.0.1:11434/v1")
    monkeypatch.setenv("LLM_API_KEY", KEY)
    monkeypatch.setenv("LLM_MODEL", "llama3.1:8b")
    connection = settings().connection()
    assert (connection.base_url, connection.model) == ("http://127.0.0.1:11434/v1", "llama3.1:8b")


@pytest.mark.parametrize(
    ("given", "missing"),
    [
        ({"llm_base_url": ALL["llm_base_url"]}, "LLM_API_KEY and LLM_MODEL are not set"),
        ({"llm_api_key": KEY}, "LLM_BASE_URL and LLM_MODEL are not set"),
        ({"llm_api_key": KEY, "llm_model": "m"}, "LLM_BASE_URL is not set"),
        ({"llm_base_url": ALL["llm_base_url"], "llm_model": "m"}, "LLM_API_KEY is not set"),
    ],
)
def test_one_or_two_set_is_an_error_naming_the_missing_ones(given, missing):
    with pytest.raises(ConfigurationError) as raised:
        settings(**given).connection()
    assert missing in str(raised.value)
    assert KEY not in str(raised.value) and "llm.example.com" not in str(raised.value)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://llm.example.com/v1", "must use https"),
        ("https://user:pw@llm.example.com/v1", "must not contain a user name"),
        ("https://llm.example.com/v1?key=x", "must not have a query"),
        ("ftp://llm.example.com", "must be an absolute address"),
        ("https://llm.example.com/v1/chat/completions", "without /chat/completions"),
    ],
)
def test_a_bad_base_url_is_refused_without_echoing_it(url, reason):
    with pytest.raises(ConfigurationError) as raised:
        settings(**{**ALL, "llm_base_url": url})
    message = str(raised.value)
    assert "LLM_BASE_URL" in message and reason in message
    assert url not in message and "llm.example.com" not in message


def test_a_key_with_spaces_is_refused_without_echoing_it():
    with pytest.raises(ConfigurationError) as raised:
        settings(**{**ALL, "llm_api_key": "sk-with a-space-do-not-leak"}).connection()
    assert "LLM_API_KEY" in str(raised.value)
    assert "do-not-leak" not in str(raised.value)


def test_a_model_name_with_spaces_is_refused_and_not_echoed():
    with pytest.raises(ConfigurationError) as raised:
        settings(**{**ALL, "llm_model": "my secret model"})
    assert "LLM_MODEL" in str(raised.value) and "secret" not in str(raised.value)
