"""Settings refuse what would send the key to the wrong place, and never print the key."""

import pytest

from tools.core.errors import ConfigurationError
from tools.core.settings import load_settings


@pytest.fixture(autouse=True)
def no_ambient_settings(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no developer .env
    for name in ("LUCCA_BASE_URL", "LUCCA_API_KEY"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("https://acme.ilucca.net/", "https://acme.ilucca.net"),
        (
            "  https://acme-sbx.sandbox.eu1.luccasoftware.com  ",
            "https://acme-sbx.sandbox.eu1.luccasoftware.com",
        ),
        ("http://127.0.0.1:8765", "http://127.0.0.1:8765"),
        ("http://localhost:8765/", "http://localhost:8765"),
        ("HTTPS://Acme.ILUCCA.net", "https://acme.ilucca.net"),
        ("http://[::1]:8765", "http://[::1]:8765"),
    ],
)
def test_base_url_is_normalized(given, kept):
    assert load_settings(lucca_base_url=given).lucca_base_url == kept


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        ("http://acme.ilucca.net", "must use https"),
        ("https://admin:hunter2@acme.ilucca.net", "must not contain a user name or password"),
        ("https://acme.ilucca.net/talent-training", "root address"),
        ("acme.ilucca.net", "absolute address"),
        ("https://acme.ilucca.net:99999", "invalid port"),
        ("https://acme.ilucca.net:abc", "invalid port"),
        ("http://127.0.0.1:0", "invalid port"),
        ("https://a b.ilucca.net", "invalid host name"),
        ("https://xn--.net", "invalid host name"),
    ],
)
def test_bad_base_url_is_refused_without_echoing_it(given, reason):
    with pytest.raises(ConfigurationError) as caught:
        load_settings(lucca_base_url=given)
    assert "LUCCA_BASE_URL" in str(caught.value) and reason in str(caught.value)
    assert "hunter2" not in str(caught.value)


def test_settings_come_from_a_dotenv_file(tmp_path):
    (tmp_path / ".env").write_text("LUCCA_BASE_URL=https://acme.ilucca.net\nLUCCA_API_KEY=k-123\n")
    assert load_settings().lucca_connection() == ("https://acme.ilucca.net", "k-123")


def test_missing_settings_say_what_to_set():
    with pytest.raises(ConfigurationError, match="LUCCA_BASE_URL is not set"):
        load_settings().lucca_connection()
    with pytest.raises(ConfigurationError, match="LUCCA_API_KEY is not set"):
        load_settings(lucca_base_url="https://acme.ilucca.net").lucca_connection()


@pytest.mark.parametrize("key", ["two words", "clé-accentuée", "line\nbreak"])
def test_a_key_that_cannot_be_sent_is_refused_without_echoing_it(key):
    settings = load_settings(lucca_base_url="https://acme.ilucca.net", lucca_api_key=key)
    with pytest.raises(ConfigurationError, match="LUCCA_API_KEY has characters") as caught:
        settings.lucca_connection()
    assert key not in str(caught.value)


def test_the_key_never_shows_in_a_repr(monkeypatch):
    monkeypatch.setenv("LUCCA_API_KEY", "canary-key-42")
    settings = load_settings()
    assert "canary-key-42" not in repr(settings) and "canary-key-42" not in str(settings)
