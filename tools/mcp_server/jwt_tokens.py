"""Validating JWT access tokens against the issuer's published keys (PyJWT).

What a token must show: a signature by a key in the issuer's JWKS, with an asymmetric algorithm
from the allow-list (never `none`, never an HMAC: a server that accepted HS256 could be handed a
token "signed" with the issuer's public key); `iss` the configured issuer; `aud` this resource
(RFC 8707); `exp` and `nbf` within a small leeway for clock drift.

The key set is fetched at start, kept for an hour, and fetched again when a token names a key id
it lacks (the issuer rotated its keys); such refreshes are limited, so a stream of made-up key ids
cannot turn this server into a flood of requests to the identity provider.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import anyio
import httpx
import jwt
from jwt import PyJWK

ALLOWED_ALGORITHMS = (
    "RS256",
    "RS384",
    "RS512",
    "PS256",
    "PS384",
    "PS512",
    "ES256",
    "ES384",
    "ES512",
    "EdDSA",
)
KEY_TYPES = {"RS": "RSA", "PS": "RSA", "ES": "EC", "Ed": "OKP"}
LEEWAY_SECONDS = 30
JWKS_MAX_AGE_SECONDS = 3600.0
UNKNOWN_KEY_REFRESHES = 6  # at most this many fetches for unknown key ids...
UNKNOWN_KEY_WINDOW_SECONDS = 60.0  # ...in this window


class TokenRefused(Exception):
    """Why a token was refused, written for the person who must get another one. Never holds the
    token or any of its claims."""


@dataclass(frozen=True)
class SigningKey:
    jwk: PyJWK
    declared_algorithm: str | None  # the JWK's own `alg`, when it says

    def fits(self, algorithm: str) -> bool:
        if self.jwk.key_type != KEY_TYPES[algorithm[:2]]:
            return False
        return self.declared_algorithm in (None, algorithm)


def usable_keys(jwks: Any) -> dict[str | None, SigningKey]:
    """The signing keys of a JWK Set by key id; encryption keys and unknown types are skipped."""
    keys: dict[str | None, SigningKey] = {}
    for data in jwks.get("keys", []) if isinstance(jwks, dict) else []:
        if not isinstance(data, dict) or data.get("use") not in (None, "sig"):
            continue
        try:
            keys[data.get("kid")] = SigningKey(PyJWK(data), data.get("alg"))
        except (jwt.PyJWKError, jwt.InvalidKeyError):
            continue
    return keys


class JwksCache:
    def __init__(
        self,
        jwks_uri: str,
        http: Callable[[], httpx.AsyncClient],
        initial: dict,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._uri = jwks_uri
        self._http = http
        self._clock = clock
        self._keys = usable_keys(initial)
        self._fetched_at = clock()
        self._unknown_key_fetches: deque[float] = deque()
        self._lock = anyio.Lock()

    async def key(self, kid: str | None) -> SigningKey:
        if self._clock() - self._fetched_at > JWKS_MAX_AGE_SECONDS:
            await self._refresh(self._fetched_at)
        found = self._pick(kid)
        if found is None and self._may_fetch_for_unknown_key():
            await self._refresh(self._fetched_at)
            found = self._pick(kid)
        if found is None:
            raise TokenRefused(
                "the token is signed with a key the issuer does not publish (an old, rotated-out "
                "key, or another issuer's). Sign in again to get a new token."
            )
        return found

    def _pick(self, kid: str | None) -> SigningKey | None:
        if kid is None and len(self._keys) == 1:
            return next(iter(self._keys.values()))
        return self._keys.get(kid) if kid is not None else None

    def _may_fetch_for_unknown_key(self) -> bool:
        now = self._clock()
        while self._unknown_key_fetches and now - self._unknown_key_fetches[0] > (
            UNKNOWN_KEY_WINDOW_SECONDS
        ):
            self._unknown_key_fetches.popleft()
        if len(self._unknown_key_fetches) >= UNKNOWN_KEY_REFRESHES:
            return False
        self._unknown_key_fetches.append(now)
        return True

    async def _refresh(self, seen_at: float) -> None:
        """Fetch the key set once for all the callers that found it stale at `seen_at`."""
        async with self._lock:
            if self._fetched_at != seen_at:
                return  # another caller refreshed it while this one waited
            try:
                response = await self._http().get(self._uri, headers={"Accept": "application/json"})
                response.raise_for_status()
                keys = usable_keys(response.json())
            except (httpx.HTTPError, ValueError, AttributeError):
                raise TokenRefused(
                    "the identity provider's signing keys could not be fetched just now. "
                    "Try again in a moment."
                ) from None
            self._keys, self._fetched_at = keys, self._clock()


class JwtValidator:
    def __init__(self, keys: JwksCache, *, issuer: str, audiences: Iterable[str]) -> None:
        self._keys = keys
        self._issuer = issuer
        audiences = tuple(audiences)
        # A trailing slash is not a different resource (clients differ on it).
        self._audiences = list(dict.fromkeys([*audiences, *(a.rstrip("/") for a in audiences)]))
        self._audiences += [a + "/" for a in self._audiences if not a.endswith("/")]
        self._shown_audience = audiences[0]

    async def claims(self, token: str) -> dict[str, Any]:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.DecodeError:
            raise TokenRefused("the token is not a readable JWT.") from None
        algorithm = header.get("alg")
        if algorithm not in ALLOWED_ALGORITHMS:
            raise TokenRefused(
                "the token's signing algorithm is not accepted (only asymmetric ones: "
                f"{', '.join(ALLOWED_ALGORITHMS)}; never none or an HMAC)."
            )
        key = await self._keys.key(header.get("kid"))
        if not key.fits(algorithm):
            raise TokenRefused("the token's algorithm does not match its signing key.")
        try:
            return jwt.decode(
                token,
                key.jwk.key,
                algorithms=[algorithm],
                audience=self._audiences,
                issuer=self._issuer,
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.PyJWTError as error:
            raise TokenRefused(self._reason(error)) from None

    def _reason(self, error: jwt.PyJWTError) -> str:
        if isinstance(error, jwt.ExpiredSignatureError):
            return "the token has expired. Sign in again (or let the client refresh it)."
        if isinstance(error, jwt.ImmatureSignatureError):
            return "the token is not valid yet (nbf or iat is in the future): check the clocks."
        if isinstance(error, jwt.InvalidIssuerError):
            return f"the token was not issued by {self._issuer}, the issuer this server trusts."
        if isinstance(error, jwt.InvalidAudienceError):
            return (
                f"the token is not meant for this server: its audience must be "
                f"{self._shown_audience} (the resource the client asks the token for)."
            )
        if isinstance(error, jwt.MissingRequiredClaimError):
            return f"the token has no {error.claim} claim."
        if isinstance(error, jwt.InvalidSignatureError):
            return "the token's signature does not match the issuer's key."
        return "the token is not a valid JWT."
