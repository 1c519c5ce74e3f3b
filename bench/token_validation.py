"""What checking an OAuth access token costs per `/mcp` request, with the issuer's keys cached.

The validator is the server's own (`tools.mcp_server.jwt_tokens`): header, key lookup in the
cached JWKS, signature, `iss`, `aud`, `exp`/`nbf`, then the claims kept for the rules and the
audit. Keys and tokens are made here (RS256, the common choice, and ES256 for context), so no
network is involved: the figure is the CPU a request pays. Target: under 1 ms at the median.

    python bench/token_validation.py [--runs N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time

import jwt
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from bench.common import figure, verdict
from tools.mcp_server.jwt_tokens import JwksCache, JwtValidator
from tools.mcp_server.oauth import access_token
from tools.mcp_server.oauth_settings import OAuthConfig

TARGET_MS = 1.0
ISSUER = "https://login.example.com/tenant"
RESOURCE = "https://mcp.example.com/mcp"
CONFIG = OAuthConfig(
    issuer=ISSUER,
    resource=RESOURCE,
    audiences=(RESOURCE,),
    read_scope="trainings:read",
    create_scope="trainings:write",
    allowed_groups=frozenset({"training-admins"}),
    groups_claim="groups",
    introspection=None,
)


def signed(algorithm: str) -> tuple[dict, str]:
    """A one-key JWKS and a token signed by that key, as an identity provider would issue."""
    key = (
        rsa.generate_private_key(65537, 2048)
        if algorithm == "RS256"
        else ec.generate_private_key(ec.SECP256R1())
    )
    public = json.loads(jwt.get_algorithm_by_name(algorithm).to_jwk(key.public_key()))
    jwks = {"keys": [{**public, "kid": "bench-key", "alg": algorithm, "use": "sig"}]}
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "aud": RESOURCE,
        "sub": "248289761001",
        "email": "alice@example.com",
        "client_id": "claude-connector",
        "scope": "trainings:read trainings:write",
        "groups": ["training-admins", "staff"],
        "iat": now,
        "nbf": now,
        "exp": now + 3600,
    }
    return jwks, jwt.encode(claims, key, algorithm=algorithm, headers={"kid": "bench-key"})


def no_network():  # the cache is fresh: a fetch here would be a bug in what is measured
    raise AssertionError("the benchmark must not fetch the JWKS")


async def measure(algorithm: str, runs: int) -> list[float]:
    jwks, token = signed(algorithm)
    validator = JwtValidator(
        JwksCache("https://login.example.com/keys", no_network, jwks),
        issuer=ISSUER,
        audiences=CONFIG.audiences,
    )
    for _ in range(100):  # warm up
        access_token(await validator.claims(token), CONFIG)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        checked = access_token(await validator.claims(token), CONFIG)
        times.append((time.perf_counter() - started) * 1000)
        assert checked.subject == "248289761001"
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=2000)
    runs = parser.parse_args().runs
    rs256 = statistics.median(asyncio.run(measure("RS256", runs)))
    es256 = statistics.median(asyncio.run(measure("ES256", runs)))
    print(f"Token validation per call, cached JWKS, {runs} calls each")
    print(f"  RS256 median {rs256:.3f} ms, ES256 median {es256:.3f} ms")
    passed = rs256 < TARGET_MS
    figure(
        "token validation per call (RS256, cached JWKS)",
        rs256,
        "ms",
        target="< 1 ms",
        passed=passed,
    )
    figure("token validation per call (ES256, cached JWKS)", es256, "ms")
    verdict(passed)
    return 0  # a missed target is a figure to read, not a crash


if __name__ == "__main__":
    sys.exit(main())
