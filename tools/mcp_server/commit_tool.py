"""The view's Create button: the app-only tool that creates what the user confirmed.

Listed with `_meta.ui.visibility: ["app"]`, so a host shows it to the MCP Apps view and never to
the model: only the user's click reaches it. It takes the final draft (the texts as the user left
them in the view) and the token `create_training` minted for exactly that draft; the view asks
`create_training` for a new preview, and so a new token, when the user corrected a text.
"""

from typing import Annotated, Any

from mcp.server.apps import Apps
from mcp.server.mcpserver import Context
from mcp_types import CallToolResult, ToolAnnotations
from pydantic import Field

from tools.core.errors import TrainingError
from tools.core.intake import accept_draft
from tools.mcp_server.access import creation_refusal
from tools.mcp_server.call_results import failure
from tools.mcp_server.callers import caller_of
from tools.mcp_server.confirmation_token import ConfirmationTokens, TokenRefused
from tools.mcp_server.create_tool import created, failed
from tools.mcp_server.public_names import COMMIT_TOOL_NAME, VIEW_URI
from tools.mcp_server.state import ServerState

COMMIT_ANNOTATIONS = ToolAnnotations(
    title="Create the confirmed training",
    read_only_hint=False,
    destructive_hint=False,
    idempotent_hint=True,  # the same token twice gives the first training back
    open_world_hint=True,
)


def register_commit_tool(apps: Apps, tokens: ConfirmationTokens) -> None:
    @apps.tool(
        resource_uri=VIEW_URI,
        visibility=["app"],
        name=COMMIT_TOOL_NAME,
        title="Create the confirmed training",
        description="Called by the preview view when the user clicks Create. Not for the model.",
        annotations=COMMIT_ANNOTATIONS,
    )
    async def confirm_training_creation(
        ctx: Context,
        confirmationToken: Annotated[str, Field(max_length=4000)],
        training: Annotated[dict[str, Any], Field(description="the final draft, as confirmed")],
    ) -> CallToolResult:
        return await commit(ctx, confirmationToken, training, tokens)


async def commit(
    ctx: Context,
    token: str,
    fields: dict[str, Any],
    tokens: ConfirmationTokens,
) -> CallToolResult:
    caller = caller_of(ctx)
    try:
        draft = accept_draft(fields, caller)
    except TrainingError as invalid:
        return failed(invalid)
    denied = creation_refusal(ctx, caller, draft)
    if denied is not None:
        return failed(denied)
    try:
        confirmation = tokens.open(token, draft, caller)
    except TokenRefused as why:
        return token_refused(str(why))
    state: ServerState = ctx.request_context.lifespan_context
    trainings = await state.trainings()
    try:
        # Once per token, on every replica sharing the store: a second click (or a replay on
        # another replica) gets the first training back, `existing`.
        training = await trainings.create_once(
            confirmation.token_id,
            confirmation.expires_at,
            draft,
            caller=caller,
            allow_duplicate=confirmation.allow_duplicate,
        )
    except TrainingError as error:
        return failed(error)
    return created(training)


def token_refused(reason: str) -> CallToolResult:
    return failure(
        f"Not created: {reason}. Nothing was sent to Lucca.",
        "Ask the assistant to show the preview again (call create_training), then click Create.",
    )
