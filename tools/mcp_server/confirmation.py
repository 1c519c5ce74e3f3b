"""Asking the user to confirm before the write, the way both protocol eras support.

The SDK's resolver runs before the tool body: on a 2026-07-28 connection it turns `Elicit` into an
input-required round trip, on an older one into an `elicitation/create` request. The policy:

- `auto`: ask when the client declared form elicitation, otherwise create without asking;
- `always`: ask, and refuse to create when the client cannot be asked (fail closed);
- `never`: do not ask (for clients whose own UI already confirms each tool call).

Nothing is asked for input that is invalid, for a dry run, or of a caller who may not create:
those never reach Lucca anyway. The question names the person asking, when the token says.
"""

from collections.abc import Awaitable, Callable
from typing import Any, Literal

from mcp.server.elicitation import AcceptedElicitation, ElicitationResult
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.resolve import Elicit
from pydantic import BaseModel, Field

from tools.core.draft import TrainingDraft
from tools.core.errors import InvalidDraft
from tools.mcp_server.access import refusal
from tools.mcp_server.callers import caller_of
from tools.mcp_server.settings import ConfirmPolicy
from tools.mcp_server.tool_arguments import call_arguments, read_request

Step = Literal["ask", "skip", "refuse"]


class CreationConfirmation(BaseModel):
    """The form the user sees; elicitation forms take flat primitives only."""

    confirm: bool = Field(
        True,
        title="Create this training",
        description="Uncheck (or decline) to create nothing.",
    )


def client_can_be_asked(ctx: Context) -> bool:
    """Whether the client declared form elicitation (a bare `elicitation: {}` counts).

    A pre-2026-07-28 client of a stateless HTTP server has no capabilities on record (no
    session keeps its handshake), so it counts as one that cannot be asked."""
    capabilities = ctx.client_capabilities
    elicitation = capabilities.elicitation if capabilities is not None else None
    return elicitation is not None and (elicitation.form is not None or elicitation.url is None)


def next_step(policy: ConfirmPolicy, ctx: Context) -> Step:
    if policy == "never":
        return "skip"
    if client_can_be_asked(ctx):
        return "ask"
    return "refuse" if policy == "always" else "skip"


def was_confirmed(outcome: ElicitationResult[CreationConfirmation]) -> bool:
    return isinstance(outcome, AcceptedElicitation) and bool(outcome.data.confirm)


def confirmation_message(draft: TrainingDraft, requested_by: str | None = None) -> str:
    facts = [
        *([f"Requested by: {requested_by}"] if requested_by else []),
        f"Title: {draft.title}",
        f"Level: {draft.level}",
        f"Type: {draft.type or 'not set'}",
        f"Provider: {_id_or_unset(draft.providerId)}",
        f"Category: {_id_or_unset(draft.categoryId)}",
        f"Certifying: {_yes_no(draft.isCertifying)}   Mandatory: {_yes_no(draft.isMandatory)}",
    ]
    return (
        "Create this training in the Lucca Training catalog?\n\n"
        + "\n".join(facts)
        + "\n\nIt will be Ready but not shown in the public catalog until an admin publishes it."
    )


def make_confirmation_resolver(
    policy: ConfirmPolicy,
) -> Callable[[Context], Awaitable[Elicit[CreationConfirmation] | CreationConfirmation]]:
    """The resolver for the tool's confirmation parameter, bound to the configured policy."""

    async def ask_user_to_confirm(
        ctx: Context,
    ) -> Elicit[CreationConfirmation] | CreationConfirmation:
        # async: a plain function would be run in a worker thread on every call
        # When not asking, the value is a placeholder: the tool body decides from the same policy
        # (and reports invalid input itself), so nothing here can wave a creation through.
        try:
            request = read_request(call_arguments(ctx))
        except InvalidDraft:
            return CreationConfirmation(confirm=False)
        if request.dry_run or next_step(policy, ctx) != "ask" or refusal(ctx, "create"):
            return CreationConfirmation(confirm=False)  # a refused caller is not asked first
        message = confirmation_message(request.draft, caller_of(ctx).who)
        return Elicit(message, CreationConfirmation)

    return ask_user_to_confirm


def _id_or_unset(value: Any) -> str:
    return f"#{value}" if value is not None else "not set"


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"
