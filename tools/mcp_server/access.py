"""Who may do what over MCP: the one decision every tool asks, `require(ctx, "read" | "create")`.

- No token (stdio, or an HTTP server without tokens): the person who started the server, allowed.
- A static MCP_AUTH_TOKENS token: the operator handed it out, allowed everything.
- An OAuth token: reading needs MCP_OAUTH_READ_SCOPE, creating MCP_OAUTH_CREATE_SCOPE and, when
  MCP_ALLOWED_GROUPS is set, membership of one of those groups (like SLACK_ALLOWED_USERGROUPS).

The HTTP layer already refuses a token without the read scope (403); the per-call check repeats
it so that a tool is right whatever transport it is reached through.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.auth.provider import AccessToken
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.exceptions import ToolError

from tools.core.draft import TrainingDraft
from tools.core.errors import TrainingError
from tools.core.events import Caller
from tools.core.intake import refused
from tools.mcp_server.callers import caller_of, is_oauth
from tools.mcp_server.oauth_settings import OAuthConfig

Action = Literal["read", "create"]
WHAT = {"read": "read the training catalog", "create": "create trainings"}


class AccessDenied(TrainingError):
    """The caller is known but not allowed; nothing was sent to Lucca."""

    kind = "forbidden"


@dataclass(frozen=True)
class AccessPolicy:
    scopes: dict[str, str]  # action -> the scope it needs
    allowed_groups: frozenset[str] = frozenset()
    groups_claim: str = "groups"

    @classmethod
    def of(cls, config: OAuthConfig | None) -> AccessPolicy:
        if config is None:
            return cls(scopes={})
        return cls(
            scopes={"read": config.read_scope, "create": config.create_scope},
            allowed_groups=config.allowed_groups,
            groups_claim=config.groups_claim,
        )

    def refusal(self, token: AccessToken | None, action: Action) -> AccessDenied | None:
        if token is None or not is_oauth(token):
            return None
        needed = self.scopes.get(action)
        if needed and needed not in token.scopes:
            return AccessDenied(
                f"Your access token lacks the scope {needed}, which is needed to {WHAT[action]}.",
                f"Ask your identity provider's admin to grant {needed} to you and this client, "
                "then reconnect (sign in again) so the client gets a token with it.",
            )
        if action == "create" and self.allowed_groups and not self._in_allowed_group(token):
            allowed = ", ".join(sorted(self.allowed_groups))
            return AccessDenied(
                f"{_name(token)} may not create trainings: only members of {allowed} may "
                f"(MCP_ALLOWED_GROUPS, read from the token's {self.groups_claim} claim).",
                "Ask an admin to add you to one of these groups, then sign in again. "
                "Do not retry before that.",
            )
        return None

    def _in_allowed_group(self, token: AccessToken) -> bool:
        groups = (token.claims or {}).get("groups") or []
        return any(group in self.allowed_groups for group in groups)


def refusal(ctx: Context, action: Action) -> AccessDenied | None:
    """Why this call may not do `action`, or None when it may."""
    return policy_of(ctx).refusal(get_access_token(), action)


def creation_refusal(ctx: Context, caller: Caller, draft: TrainingDraft) -> AccessDenied | None:
    """Why this caller may not create `draft`, reported once as a refused attempt; None when
    they may."""
    denied = refusal(ctx, "create")
    if denied is not None:
        refused(caller, draft, denied)
    return denied


def require(ctx: Context, action: Action) -> Caller:
    """The caller, when allowed to do `action`; a `ToolError` (an `isError` result) otherwise."""
    denied = refusal(ctx, action)
    if denied is not None:
        raise ToolError(str(denied))
    return caller_of(ctx)


def policy_of(ctx: Context) -> AccessPolicy:
    return ctx.request_context.lifespan_context.access


OPEN = AccessPolicy(scopes={})


def _name(token: AccessToken) -> str:
    claims = token.claims or {}
    return claims.get("user") or claims.get("sub") or "This user"
