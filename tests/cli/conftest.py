"""Fixtures shared by the command tests that run `tools.cli.main.main` in this process."""

import pytest

from tests.support import SANDBOX_KEY


@pytest.fixture
def lucca_env(sandbox, monkeypatch, tmp_path):
    """The CLI's settings point at the test's sandbox; no developer .env is read."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LUCCA_BASE_URL", sandbox.base_url)
    monkeypatch.setenv("LUCCA_API_KEY", SANDBOX_KEY)
    return sandbox
