"""`lucca-training doctor`: one small check per part a deployment talks to.

Each check reads the settings of its part as `serve` would and answers ok, not configured (the part
is off, which is fine) or failed, with what to do. A check costs at most one request to its
service. Messages name variables and addresses, never a secret: the settings errors never echo a
value, and what a service answered is reduced to its status or error code.

The list is `CHECKS`, in the order a reader fixes things.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import httpx

from tools.core.client import LuccaClient
from tools.core.errors import ConfigurationError, LuccaRateLimited, TrainingError
from tools.ops.readiness import NO_WAITING

if TYPE_CHECKING:
    from bot.settings import SlackSettings

Status = Literal["ok", "not configured", "failed"]
# Each check is bounded: a doctor that hangs on one part tells nothing about the others.
CHECK_TIMEOUT_SECONDS = 10.0
# Slack's signing secrets are 32 hexadecimal characters, but its own docs show one that is not:
# accept visible ASCII of a plausible length, and catch the usual mistake of pasting a token.
_SIGNING_SECRET = re.compile(r"[\x21-\x7e]{20,128}")
_TOKEN_PREFIXES = ("xoxb-", "xoxp-", "xapp-", "xoxe")
_SLACK_TOKEN_FIXES = {
    "invalid_auth": "the token is wrong or was revoked",
    "token_revoked": "the token was revoked",
    "account_inactive": "the app or its workspace was deactivated",
    "not_authed": "no token reached Slack",
}


@dataclass(frozen=True)
class CheckResult:
    part: str
    status: Status
    detail: str
    fix: str = ""

    def as_json(self) -> dict[str, str]:
        return dataclasses.asdict(self)


def ok(part: str, detail: str) -> CheckResult:
    return CheckResult(part, "ok", detail)


def off(part: str, detail: str) -> CheckResult:
    return CheckResult(part, "not configured", detail)


def failed(part: str, detail: str, fix: str) -> CheckResult:
    return CheckResult(part, "failed", detail, fix)


Check = Callable[[httpx.AsyncClient], Awaitable[CheckResult]]


async def check_lucca(http: httpx.AsyncClient) -> CheckResult:
    """The address and key: one list request for one training, as `/readyz` asks."""
    from tools.core.settings import load_settings

    part = "Lucca"
    try:
        settings = load_settings()
        if not settings.lucca_base_url and not settings.lucca_api_key:
            return failed(
                part,
                "LUCCA_BASE_URL and LUCCA_API_KEY are not set.",
                "Set them to your account's address and an API key "
                "(or try everything with --sandbox).",
            )
        base_url, key = settings.lucca_connection()
    except ConfigurationError as error:
        return failed(part, error.message, error.next_step)
    client = LuccaClient(http, base_url, key, retry=NO_WAITING)
    try:
        page = await client.list_trainings(limit=1)
    except LuccaRateLimited:
        return ok(part, f"{base_url} accepts the key (rate limited right now).")
    except TrainingError as error:
        return failed(part, error.message, error.next_step)
    counted = f", {page.count} trainings in the catalog" if page.count is not None else ""
    return ok(part, f"{base_url} answers and accepts the key{counted}.")


async def check_slack_bot_token(http: httpx.AsyncClient) -> CheckResult:
    """SLACK_BOT_TOKEN: its form, then `auth.test` against SLACK_API_URL."""
    part = "Slack bot token"
    settings = _slack_settings()
    if isinstance(settings, CheckResult):
        return dataclasses.replace(settings, part=part)
    if settings.slack_bot_token is None or not settings.slack_bot_token.get_secret_value():
        return off(part, "SLACK_BOT_TOKEN is not set: the Slack app is off.")
    try:
        token = settings.bot_token()
    except ConfigurationError as error:
        return failed(part, error.message, error.next_step)
    answer = await _slack_call(http, settings.slack_api_url, "auth.test", token)
    if isinstance(answer, str):
        return failed(part, answer, "Check SLACK_API_URL (default https://slack.com/api/).")
    if not answer.get("ok"):
        code = str(answer.get("error") or "unknown_error")[:60]
        why = _SLACK_TOKEN_FIXES.get(code, "Slack refused it")
        return failed(
            part,
            f"Slack answered {code} to auth.test: {why}.",
            "Reinstall the app to your workspace and copy the Bot User OAuth Token (xoxb-...) "
            "from its OAuth & Permissions page into SLACK_BOT_TOKEN.",
        )
    team, user = answer.get("team") or "?", answer.get("user") or "?"
    return ok(part, f"auth.test: the bot {user} of workspace {team}.")


async def check_slack_signing_secret(http: httpx.AsyncClient) -> CheckResult:
    """SLACK_SIGNING_SECRET: present when HTTP mode can be on, and shaped like Slack's."""
    part = "Slack signing secret"
    settings = _slack_settings()
    if isinstance(settings, CheckResult):
        return dataclasses.replace(settings, part=part)
    secret = settings.signing_secret()
    if not secret:
        if settings.slack_bot_token is not None and settings.slack_app_token is None:
            return failed(
                part,
                "SLACK_SIGNING_SECRET is not set: /slack/events (HTTP mode) cannot verify Slack.",
                "Copy the Signing Secret from your Slack app's Basic Information page, or set "
                "SLACK_APP_TOKEN and use Socket Mode (`lucca-training slack`).",
            )
        return off(part, "SLACK_SIGNING_SECRET is not set: HTTP mode is off.")
    if not _SIGNING_SECRET.fullmatch(secret) or secret.startswith(_TOKEN_PREFIXES):
        return failed(
            part,
            "SLACK_SIGNING_SECRET is not shaped like a signing secret (Slack's are 32 "
            "hexadecimal characters; this one is a token, too short, or has spaces).",
            "Copy the Signing Secret (not the Client Secret or a token) from your Slack app's "
            "Basic Information page.",
        )
    return ok(part, "SLACK_SIGNING_SECRET is set and well formed.")


async def check_slack_app_token(http: httpx.AsyncClient) -> CheckResult:
    """SLACK_APP_TOKEN (Socket Mode only): its `xapp-` form, then `apps.connections.open`."""
    part = "Slack app token"
    settings = _slack_settings()
    if isinstance(settings, CheckResult):
        return dataclasses.replace(settings, part=part)
    token = settings.slack_app_token.get_secret_value().strip() if settings.slack_app_token else ""
    if not token:
        return off(part, "SLACK_APP_TOKEN is not set: Socket Mode is off (HTTP mode needs none).")
    if not token.startswith("xapp-"):
        return failed(
            part,
            "SLACK_APP_TOKEN is not an app-level token (it must start with xapp-).",
            "Create one with the connections:write scope on your Slack app's Basic Information "
            "page (App-Level Tokens).",
        )
    answer = await _slack_call(http, settings.slack_api_url, "apps.connections.open", token)
    if isinstance(answer, str):
        return failed(part, answer, "Check SLACK_API_URL (default https://slack.com/api/).")
    if not answer.get("ok"):
        code = str(answer.get("error") or "unknown_error")[:60]
        return failed(
            part,
            f"Slack answered {code} to apps.connections.open.",
            "Turn Socket Mode on in your Slack app and create an App-Level Token with the "
            "connections:write scope (Basic Information page); put it in SLACK_APP_TOKEN.",
        )
    return ok(part, "apps.connections.open: Socket Mode can connect with this token.")


async def check_model(http: httpx.AsyncClient) -> CheckResult:
    """LLM_*: one tiny chat completion, through the drafting client itself."""
    from tools.drafting.client import ModelClient
    from tools.drafting.errors import DraftingError
    from tools.drafting.settings import load_llm_settings

    part = "Model (drafting)"
    try:
        connection = load_llm_settings().connection()
    except ConfigurationError as error:
        return failed(part, error.message, error.next_step)
    if connection is None:
        return off(part, "LLM_BASE_URL, LLM_API_KEY and LLM_MODEL are not set: drafting is off.")
    model = ModelClient(http, connection)
    try:
        await model.chat([{"role": "user", "content": "Answer with the single word OK."}])
    except DraftingError as error:
        return failed(
            part,
            f"{connection.model} at {connection.base_url}: {error}.",
            "Check LLM_BASE_URL (the API's base, like https://api.example.com/v1), LLM_API_KEY "
            "and LLM_MODEL.",
        )
    return ok(part, f"{connection.model} at {connection.base_url} answers.")


async def check_oauth_issuer(http: httpx.AsyncClient) -> CheckResult:
    """Identity provider (OAuth): the issuer's metadata and signing keys, as `serve` reads them."""
    from tools.mcp_server.oauth_discovery import discover_keys, new_discovery_client
    from tools.mcp_server.oauth_settings import oauth_config
    from tools.mcp_server.settings import load_mcp_settings

    part = "Identity provider (OAuth)"
    try:
        # The settings' own checks, as on loopback: MCP_PUBLIC_URL is serve's to require.
        config = oauth_config(load_mcp_settings(), host="127.0.0.1", port=0)
    except ConfigurationError as error:
        return failed(part, error.message, error.next_step)
    if config is None:
        return off(part, "MCP_OAUTH_ISSUER is not set: /mcp takes static tokens only, if any.")

    def discover() -> tuple[object, dict | None]:
        with new_discovery_client() as sync_http:
            return discover_keys(config.issuer, sync_http)

    try:
        _, keys = await asyncio.to_thread(discover)
    except ConfigurationError as error:
        return failed(part, error.message, error.next_step)
    if keys is None:
        if config.introspection is None:
            return failed(
                part,
                f"{config.issuer} publishes no jwks_uri, and no introspection is configured: "
                "no token could be checked.",
                "Set MCP_OAUTH_INTROSPECTION_URL and its client credentials, or use an issuer "
                "that signs JWTs.",
            )
        return ok(part, f"{config.issuer}: metadata read; opaque tokens go to introspection.")
    return ok(part, f"{config.issuer}: metadata and {len(keys['keys'])} signing key(s) read.")


async def check_store(http: httpx.AsyncClient) -> CheckResult:
    """The store (STATE_URL): it answers, and its schema's version; nothing is created."""
    from tools.state.settings import load_state_settings
    from tools.state.store import StoreUnavailable, probe

    part = "Store (STATE_URL)"
    try:
        settings = load_state_settings()
        detail = await probe(settings.url(sandbox=False))
    except ConfigurationError as error:
        return failed(part, error.message, error.next_step)
    except StoreUnavailable as error:
        return failed(
            part,
            str(error),
            "Check that the database runs and that STATE_URL names it, its user and password.",
        )
    if settings.state_url is None:
        detail += " (STATE_URL is not set: a file in the working directory, for one instance.)"
    return ok(part, detail)


# In the order a reader fixes things.
CHECKS: tuple[Check, ...] = (
    check_lucca,
    check_store,
    check_slack_bot_token,
    check_slack_signing_secret,
    check_slack_app_token,
    check_model,
    check_oauth_issuer,
)


async def run_checks(
    http: httpx.AsyncClient,
    checks: tuple[Check, ...] = CHECKS,
    timeout: float = CHECK_TIMEOUT_SECONDS,
) -> list[CheckResult]:
    """Every check, side by side, each within `timeout`; one that hangs is reported, not awaited."""

    async def bounded(check: Check) -> CheckResult:
        try:
            async with asyncio.timeout(timeout):
                return await check(http)
        except TimeoutError:
            name = (check.__doc__ or check.__name__).split(":")[0]
            return failed(name, f"no answer within {timeout:g} s.", "Check that it is reachable.")

    return list(await asyncio.gather(*(bounded(check) for check in checks)))


def _slack_settings() -> SlackSettings | CheckResult:
    from bot.settings import load_slack_settings

    try:
        return load_slack_settings()
    except ConfigurationError as error:
        return failed("Slack", error.message, error.next_step)


async def _slack_call(
    http: httpx.AsyncClient, api_url: str, method: str, token: str
) -> dict[str, object] | str:
    """One Web API call; its JSON answer, or a sentence saying why there is none."""
    try:
        response = await http.post(api_url + method, headers={"Authorization": f"Bearer {token}"})
    except httpx.HTTPError as exc:
        return f"Slack's Web API could not be reached at {api_url} ({type(exc).__name__})."
    try:
        answer = response.json()
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        return f"{api_url}{method} answered HTTP {response.status_code}, not Slack's JSON."
    return answer
