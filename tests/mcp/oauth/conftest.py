"""A real authorization server (npm oauth2-mock-server, tests/mcp/oauth/authorization_server.mjs)
on a loopback port, and `lucca-training serve` as a resource server that trusts it.

The server is installed by `.ci/run` (`npm ci` in this folder). Locally, without node or that
install, these tests are skipped with the reason; in CI (CI=true) a missing server is an error.
"""

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.servers import Served, free_port, served

HERE = Path(__file__).parent
SCRIPT = HERE / "authorization_server.mjs"
INTROSPECTION_ID = "lucca-training-rs"
INTROSPECTION_SECRET = "introspection-CANARY-secret-do-not-leak"
STATIC_TOKEN = "mcp-CANARY-static-beside-oauth-0123"
ADMINS = "training-admins"
READ, CREATE = "trainings:read", "trainings:write"


def _missing() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed (.ci/run installs it)"
    if not (HERE / "node_modules" / "oauth2-mock-server").is_dir():
        return "oauth2-mock-server is not installed: run `npm ci` in tests/mcp/oauth"
    return None


@dataclass
class AuthorizationServer:
    issuer: str
    kid: str

    def _post(self, path: str, body: dict | None = None) -> dict:
        response = httpx.post(f"{self.issuer}{path}", json=body or {}, trust_env=False)
        response.raise_for_status()
        return response.json()

    def token(self, claims: dict, *, expires_in: int = 3600, kid: str | None = None) -> str:
        body = {"claims": claims, "expiresIn": expires_in, "kid": kid or self.kid}
        return self._post("/test/token", body)["token"]

    def rotate(self) -> str:
        """A new signing key; the older ones leave the published JWKS (but can still sign)."""
        self.kid = self._post("/test/rotate")["kid"]
        return self.kid

    def opaque(self, token: str, answer: dict) -> None:
        self._post("/test/opaque", {"token": token, "answer": answer})

    def sign_in(self, claims: dict) -> None:
        """The user /authorize signs in without asking: its codes' tokens carry these claims."""
        self._post("/test/user", {"claims": claims})


@pytest.fixture(scope="module")
def authorization_server() -> Iterator[AuthorizationServer]:
    reason = _missing()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"The OAuth tests must run in CI, but {reason}.")
        pytest.skip(reason)
    process = subprocess.Popen(
        ["node", str(SCRIPT), str(free_port()), f"{INTROSPECTION_ID}:{INTROSPECTION_SECRET}"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        first_line = process.stdout.readline()  # printed once it listens
        if not first_line:
            raise AssertionError(f"the authorization server exited ({process.wait()})")
        started = json.loads(first_line)
        yield AuthorizationServer(started["issuer"], started["kid"])
    finally:
        process.terminate()
        process.wait(timeout=10)


def oauth_env(issuer: str, **extra: str) -> dict[str, str]:
    return {
        "MCP_OAUTH_ISSUER": issuer,
        "MCP_ALLOWED_GROUPS": ADMINS,
        "MCP_AUTH_TOKENS": f"ci:{STATIC_TOKEN}",
        "MCP_OAUTH_INTROSPECTION_URL": f"{issuer}/introspect",
        "MCP_OAUTH_INTROSPECTION_CLIENT_ID": INTROSPECTION_ID,
        "MCP_OAUTH_INTROSPECTION_CLIENT_SECRET": INTROSPECTION_SECRET,
        "MCP_CONFIRM": "never",
        "LOG_FORMAT": "json",
        **extra,
    }


def serve_with_oauth(issuer: str, cwd: Path, **extra: str):
    port = free_port()
    env = oauth_env(issuer, MCP_PUBLIC_URL=f"http://127.0.0.1:{port}/mcp", **extra)
    return served(["serve", "--sandbox"], env, str(cwd), port)


@pytest.fixture(scope="module")
def resource_server(
    authorization_server: AuthorizationServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    with serve_with_oauth(authorization_server.issuer, tmp_path_factory.mktemp("rs")) as server:
        yield server
