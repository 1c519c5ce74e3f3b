"""OAuth settings that cannot work stop the server at start, with a message naming the setting."""

import subprocess

import pytest

from tests.servers import clean_env, free_port
from tests.support import CONSOLE_SCRIPT
from tools.core.errors import ConfigurationError
from tools.mcp_server.oauth_settings import oauth_config
from tools.mcp_server.settings import load_mcp_settings

ISSUER = "https://login.example.com/tenant"


def config(host: str = "127.0.0.1", **settings):
    return oauth_config(load_mcp_settings(**settings), host=host, port=8000)


@pytest.mark.parametrize(
    ("settings", "named"),
    [
        ({"mcp_allowed_groups": "admins"}, "MCP_ALLOWED_GROUPS"),
        ({"mcp_oauth_audience": "api://lucca"}, "MCP_OAUTH_AUDIENCE"),
        ({"mcp_oauth_introspection_url": f"{ISSUER}/introspect"}, "MCP_OAUTH_ISSUER"),
        ({"mcp_oauth_issuer": "http://login.example.com"}, "MCP_OAUTH_ISSUER must use https"),
        ({"mcp_oauth_issuer": "login.example.com"}, "MCP_OAUTH_ISSUER must be an absolute"),
        (
            {"mcp_oauth_issuer": ISSUER, "mcp_oauth_introspection_url": f"{ISSUER}/introspect"},
            "MCP_OAUTH_INTROSPECTION_CLIENT_ID, MCP_OAUTH_INTROSPECTION_CLIENT_SECRET is not set",
        ),
        (
            {"mcp_oauth_issuer": ISSUER, "mcp_oauth_read_scope": "trainings read"},
            "MCP_OAUTH_READ_SCOPE must be one scope name",
        ),
        (
            {"mcp_oauth_issuer": ISSUER, "mcp_public_url": "https://mcp.example.com/other"},
            "MCP_PUBLIC_URL must be the address of /mcp",
        ),
        (
            {"mcp_oauth_issuer": ISSUER, "mcp_public_url": "http://mcp.example.com/mcp"},
            "MCP_PUBLIC_URL must use https",
        ),
    ],
)
def test_contradictory_or_unsafe_settings_are_refused_by_name(settings, named):
    with pytest.raises(ConfigurationError, match=named):
        config(**settings)


def test_off_loopback_the_public_url_must_be_given():
    with pytest.raises(ConfigurationError, match="MCP_PUBLIC_URL is not set"):
        config(host="0.0.0.0", mcp_oauth_issuer=ISSUER)


def test_the_audience_defaults_to_the_public_url_of_mcp():
    checked = config(mcp_oauth_issuer=ISSUER, mcp_public_url="https://mcp.example.com")
    assert checked.resource == "https://mcp.example.com/mcp"
    assert checked.audiences == ("https://mcp.example.com/mcp",)
    assert checked.scopes == ["trainings:read", "trainings:write"]
    overridden = config(mcp_oauth_issuer=ISSUER, mcp_oauth_audience="api://lucca-training")
    assert overridden.audiences == ("api://lucca-training",)


def test_without_an_issuer_there_is_no_oauth():
    assert config() is None


def test_serve_stops_when_the_issuer_cannot_be_reached(tmp_path):
    unreachable = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    env = clean_env({"MCP_OAUTH_ISSUER": unreachable, "LOG_FORMAT": "text"})
    done = subprocess.run(
        [str(CONSOLE_SCRIPT), "serve", "--sandbox", "--port", str(free_port())],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "MCP_OAUTH_ISSUER: the issuer's metadata could not be read" in done.stderr
