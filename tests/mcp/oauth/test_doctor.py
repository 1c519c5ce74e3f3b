"""`lucca-training doctor` reads the identity provider as `serve` would: a real authorization
server (npm oauth2-mock-server) on loopback, then one that is not the configured issuer."""

from tests.cli.test_doctor_command import checks_of, doctor
from tests.mcp.oauth.conftest import oauth_env
from tests.servers import free_port
from tests.support import SANDBOX_KEY

PART = "Identity provider (OAuth)"


def settings(sandbox, issuer: str) -> dict[str, str]:
    return {
        "LUCCA_BASE_URL": sandbox.base_url,
        "LUCCA_API_KEY": SANDBOX_KEY,
        **oauth_env(issuer),
    }


def test_the_issuers_metadata_and_keys_are_read(authorization_server, sandbox, tmp_path):
    result = doctor(settings(sandbox, authorization_server.issuer), tmp_path, "--output", "json")
    check = checks_of(result)[PART]
    assert check["status"] == "ok", check
    assert "signing key(s) read" in check["detail"]
    assert result.returncode == 0, result.stdout


def test_a_wrong_issuer_is_named_with_its_fix_and_the_exit_code_is_set(
    authorization_server, sandbox, tmp_path
):
    wrong = f"http://127.0.0.1:{free_port()}/nobody-here"
    result = doctor(settings(sandbox, wrong), tmp_path, "--output", "json")
    check = checks_of(result)[PART]
    assert check["status"] == "failed"
    assert "MCP_OAUTH_ISSUER" in check["detail"] and check["fix"]
    assert result.returncode == 1


def test_an_issuer_whose_metadata_names_another_is_refused(authorization_server, sandbox, tmp_path):
    other = authorization_server.issuer + "/"  # its metadata names the issuer without the slash
    result = doctor(settings(sandbox, other), tmp_path, "--output", "json")
    check = checks_of(result)[PART]
    assert check["status"] == "failed", check
    assert result.returncode == 1
