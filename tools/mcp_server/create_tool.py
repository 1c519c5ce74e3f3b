"""The `create_training` tool: arguments -> core -> MCP result, with the user's confirmation."""

from typing import Annotated

from mcp.server.elicitation import ElicitationResult
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.resolve import Resolve
from mcp.server.mcpserver.tools.base import Tool

from tools.core.errors import TrainingError
from tools.core.intake import refused
from tools.core.trainings import Trainings
from tools.mcp_server import tool_results
from tools.mcp_server.access import refusal
from tools.mcp_server.callers import caller_of
from tools.mcp_server.confirmation import (
    CreationConfirmation,
    make_confirmation_resolver,
    next_step,
    was_confirmed,
)
from tools.mcp_server.settings import ConfirmPolicy
from tools.mcp_server.state import ServerState
from tools.mcp_server.tool_arguments import call_arguments, read_request
from tools.mcp_server.tool_definition import (
    ANNOTATIONS,
    DESCRIPTION,
    TOOL_NAME,
    TOOL_TITLE,
    CreateTrainingOutput,
    input_schema,
)


def create_training_tool(policy: ConfirmPolicy) -> Tool:
    """The tool, listed with the spec's schema; the body reads the raw arguments (see
    `tool_arguments`), so the function itself declares none."""
    ask_user_to_confirm = make_confirmation_resolver(policy)

    async def create_training(
        ctx: Context,
        confirmation: Annotated[
            ElicitationResult[CreationConfirmation], Resolve(ask_user_to_confirm)
        ],
    ) -> CreateTrainingOutput:
        caller = caller_of(ctx)
        try:
            request = read_request(call_arguments(ctx), reported_as=caller)
        except TrainingError as invalid:
            return tool_results.failed(invalid)
        if request.dry_run:
            return tool_results.previewed(Trainings.preview(request.draft))
        denied = refusal(ctx, "create")
        if denied is not None:
            refused(caller, request.draft, denied)
            return tool_results.failed(denied)
        step = next_step(policy, ctx)
        if step == "refuse":
            return tool_results.confirmation_impossible()
        if step == "ask" and not was_confirmed(confirmation):
            return tool_results.not_confirmed(
                "cancelled" if confirmation.action == "cancel" else "declined"
            )
        state: ServerState = ctx.request_context.lifespan_context
        trainings = await state.trainings()
        try:
            training = await trainings.create(
                request.draft, caller=caller, allow_duplicate=request.allow_duplicate
            )
        except TrainingError as error:
            return tool_results.failed(error)
        return tool_results.created(training)

    tool = Tool.from_function(
        create_training,
        name=TOOL_NAME,
        title=TOOL_TITLE,
        description=DESCRIPTION,
        annotations=ANNOTATIONS,
        structured_output=True,
    )
    return tool.model_copy(update={"parameters": input_schema()})
