"""The `create_training` tool, in one module: its definition, its plan step and its results.

The definition is what assistants see: the description, the annotations, the input schema (the
one the core derives from the vendored Lucca spec, plus `dryRun` and `allowDuplicate`; nothing
here restates a limit or an enum by hand, so the listed schema cannot drift from what is checked)
and the structured output, `CreateTrainingOutput`.

The plan (`plan_call`) reads the raw arguments, validates them (refusals reported once, by the
core's intake), checks who may create, and chooses the way to ask the user, in this order:

1. elicitation, when the client declared it (both protocol eras: the SDK's resolver turns the
   question into an input-required round or an `elicitation/create` request);
2. the MCP Apps view, when the client declared `io.modelcontextprotocol/ui`: the tool creates
   nothing and returns the preview with a confirmation token; the user's click in the view calls
   the app-only commit tool (`commit_tool`);
3. otherwise `MCP_CONFIRM`: `auto` creates, `always` refuses and says why. `never` asks nobody,
   whatever the client supports (for clients whose own UI confirms each tool call).

The SDK runs the plan once per phase of a call (the one request of a pre-2026-07-28 call, each
input-required round of a 2026-07-28 one): it is the resolver `planned`, which the elicitation
resolver and the body both depend on and the SDK resolves once for both, so neither reads the
arguments or decides again.

The results turn what the plan and the core come to into the tool's answers (written by
`call_results`): a training created or already there, the dry run's preview, not confirmed
(declined or cancelled), awaiting confirmation in the view, confirmation impossible, and the
failures, with the advice a duplicate calls for. The view's commit tool answers with the same.
"""

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from mcp.server.apps import client_supports_apps
from mcp.server.elicitation import AcceptedElicitation, ElicitationResult
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.resolve import Elicit, Resolve
from mcp.server.mcpserver.tools.base import Tool
from mcp_types import CallToolResult, ToolAnnotations
from pydantic import BaseModel, ConfigDict, Field

from tools.core.draft import (
    DESCRIPTION_MAX_LENGTH,
    SUBTITLE_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    TrainingDraft,
)
from tools.core.errors import (
    DuplicateCheckIncomplete,
    DuplicateTraining,
    FieldError,
    InvalidDraft,
    TrainingError,
)
from tools.core.events import Caller
from tools.core.intake import accept_draft
from tools.core.result import CreatedTraining, DraftPreview
from tools.core.spec import training_input_schema
from tools.core.trainings import Trainings
from tools.mcp_server.access import creation_refusal
from tools.mcp_server.call_results import error_lines, failure, success
from tools.mcp_server.callers import caller_of
from tools.mcp_server.confirmation_token import ConfirmationTokens
from tools.mcp_server.public_names import (
    ALLOW_DUPLICATE,
    DRAFT_PROMPT,
    DRY_RUN,
    IMPROVE_PROMPT,
    LIST_CATEGORIES,
    LIST_PROVIDERS,
    SEARCH_TRAININGS,
    TOOL_NAME,
    VIEW_URI,
)
from tools.mcp_server.read_results import training_link
from tools.mcp_server.settings import ConfirmPolicy
from tools.mcp_server.state import ServerState

# The definition: what assistants see.

TOOL_TITLE = "Create a training in Lucca"

ANNOTATIONS = ToolAnnotations(
    title=TOOL_TITLE,
    read_only_hint=False,  # it writes into the company's catalog
    destructive_hint=False,  # it only adds; nothing existing is changed or removed
    # The same draft twice gives the same training back, but `allowDuplicate` creates a second.
    idempotent_hint=False,
    open_world_hint=True,  # it talks to Lucca, outside this server
)

DESCRIPTION = f"""\
Create a training in the company's Lucca Training catalog and return its id and catalog status.

A training is a course the company offers: a title (at most {TITLE_MAX_LENGTH} characters), a \
subtitle summing it up (at most {SUBTITLE_MAX_LENGTH}), a detailed description (at most \
{DESCRIPTION_MAX_LENGTH}), a level (Beginner: for finding out about the subject; Middle: for \
deepening one's knowledge; Expert: for becoming a specialist), whether it is certifying and \
whether it is mandatory by law, and optionally its type (External or Internal), provider id and \
category id (ids that exist in the account: find them by name with `{LIST_PROVIDERS}` and \
`{LIST_CATEGORIES}`, never invent one).

Before drafting, look for similar trainings with `{SEARCH_TRAININGS}`: the catalog may already \
have this one, and the others show the tone and length to match. Write the texts with the user \
and show them before calling this tool: the prompts `{DRAFT_PROMPT}` and `{IMPROVE_PROMPT}` help, \
and `{DRY_RUN}: true` checks a draft without creating anything. The server may ask the user to \
confirm before it writes: in a client that shows MCP Apps views, the user reads the preview there \
and clicks Create or Cancel themselves.

Calling again with the same draft (say after a timeout) creates nothing more: the training already \
there comes back with outcome `existing`. A training with the same title but other content is \
refused and named; set `{ALLOW_DUPLICATE}: true` only when the user confirms they want a second \
training with that title.

The new training is in state Ready but NOT displayed in the public catalog: an admin publishes it \
in Lucca. Invalid input comes back as an error naming every bad field and its limit, and nothing \
is sent to Lucca: fix those fields and call again."""


def input_schema() -> dict[str, Any]:
    schema = copy.deepcopy(training_input_schema())
    schema["properties"][DRY_RUN] = {
        "type": "boolean",
        "default": False,
        "description": "Check and normalize the draft without creating it (nothing is sent).",
    }
    schema["properties"][ALLOW_DUPLICATE] = {
        "type": "boolean",
        "default": False,
        "description": "Create it even when the catalog already has a training with this title "
        "(only when the user asks for a second one).",
    }
    return schema


class CreateTrainingOutput(BaseModel):
    """The tool's structured result; `training` is the core's `CreatedTraining`."""

    model_config = ConfigDict(frozen=True)

    outcome: Literal[
        "created",
        "existing",
        "recovered",
        "dry_run",
        "awaiting_confirmation",
        "declined",
        "cancelled",
    ] = Field(
        description="created: the training now exists; existing: the same training was "
        "already in the catalog, nothing was created; recovered: created, though Lucca's "
        "answer was lost; dry_run: checked only; awaiting_confirmation: nothing created yet, "
        "the user confirms in the view the client shows; declined: the user said no; "
        "cancelled: the question was closed unanswered (perhaps by the client); nothing created"
    )
    created: bool = Field(description="true only when a training was created by this call")
    training: CreatedTraining | None = Field(
        None, description="the created training: id, title, state, catalogStatus, ..."
    )
    preview: dict[str, Any] | None = Field(
        None, description="dry run only: the training exactly as it would be sent to Lucca"
    )
    references: dict[str, Any] | None = Field(
        None, description="awaiting_confirmation only: the provider's and category's names"
    )
    confirmationToken: str | None = Field(
        None, description="awaiting_confirmation only: for the view's Create button"
    )
    summary: str = Field(description="one sentence for the user")


# The plan: read the call, validate it, choose the way to ask.

Way = Literal["ask", "view", "create", "refuse"]
Step = Literal["fail", "dry_run", "ask", "view", "create", "refuse"]
FLAGS = (DRY_RUN, ALLOW_DUPLICATE)


@dataclass(frozen=True)
class ToolRequest:
    draft: TrainingDraft
    dry_run: bool = False
    allow_duplicate: bool = False


class CreationConfirmation(BaseModel):
    """The elicitation form; elicitation forms take flat primitives only."""

    confirm: bool = Field(
        True, title="Create this training", description="Uncheck (or decline) to create nothing."
    )


class Plan:
    """What this call will do, decided once: `step`, with the request or the error."""

    def __init__(
        self, step: Step, request: ToolRequest | None = None, error: TrainingError | None = None
    ) -> None:
        self.step, self.request, self.error = step, request, error


def client_can_be_asked(ctx: Context) -> bool:
    """Whether the client declared form elicitation (a bare `elicitation: {}` counts).

    A pre-2026-07-28 client of a stateless HTTP server has no capabilities on record (no
    session keeps its handshake), so it counts as one that cannot be asked."""
    capabilities = ctx.client_capabilities
    elicitation = capabilities.elicitation if capabilities is not None else None
    return elicitation is not None and (elicitation.form is not None or elicitation.url is None)


def way_to_ask(policy: ConfirmPolicy, ctx: Context) -> Way:
    if policy == "never":
        return "create"
    if client_can_be_asked(ctx):
        return "ask"
    if client_supports_apps(ctx):
        return "view"
    return "refuse" if policy == "always" else "create"


def plan_call(policy: ConfirmPolicy, ctx: Context) -> Plan:
    caller = caller_of(ctx)
    try:
        # Invalid input is reported here; it is never asked about, so this runs once for it.
        request = read_request(call_arguments(ctx), reported_as=caller)
    except TrainingError as invalid:
        return Plan("fail", error=invalid)
    if request.dry_run:
        return Plan("dry_run", request)
    denied = creation_refusal(ctx, caller, request.draft)
    if denied is not None:  # a caller who may not create is not asked first
        return Plan("fail", request, denied)
    return Plan(way_to_ask(policy, ctx), request)


def call_arguments(ctx: Context) -> Mapping[str, Any]:
    """The raw arguments: the SDK would drop unknown ones silently, and the core must see them
    to refuse them by name."""
    params = ctx.request_context.params or {}
    arguments = params.get("arguments")
    return arguments if isinstance(arguments, Mapping) else {}


def read_request(arguments: Mapping[str, Any], reported_as: Caller) -> ToolRequest:
    """The validated draft and the call's flags; `InvalidDraft` naming every bad field."""
    fields = {name: value for name, value in arguments.items() if name not in FLAGS}
    flags = {name: arguments.get(name, False) for name in FLAGS}
    flag_errors = [
        FieldError(name, "must be true or false", "not_boolean")
        for name, value in flags.items()
        if not isinstance(value, bool)
    ]
    bad_flags = InvalidDraft(flag_errors) if flag_errors else None
    draft = accept_draft(fields, reported_as, extra_errors=bad_flags)
    return ToolRequest(draft, flags[DRY_RUN], flags[ALLOW_DUPLICATE])


# The tool: the plan, a resolver the question and the body share; the question; the body.


def create_training_tool(policy: ConfirmPolicy, tokens: ConfirmationTokens) -> Tool:
    """The tool, listed with the spec's schema; the plan reads the raw arguments (see
    `call_arguments`), so the function itself declares none."""

    async def planned(ctx: Context) -> Plan:  # async: a plain one would run in a worker thread
        return plan_call(policy, ctx)

    async def ask_user_to_confirm(
        plan: Annotated[Plan, Resolve(planned)], ctx: Context
    ) -> Elicit[CreationConfirmation] | CreationConfirmation:
        if plan.step != "ask" or plan.request is None:
            return CreationConfirmation(confirm=False)  # a placeholder: the body follows the plan
        message = confirmation_message(plan.request.draft, caller_of(ctx).who)
        return Elicit(message, CreationConfirmation)

    async def create_training(
        ctx: Context,
        plan: Annotated[Plan, Resolve(planned)],
        confirmation: Annotated[
            ElicitationResult[CreationConfirmation], Resolve(ask_user_to_confirm)
        ],
    ) -> CreateTrainingOutput:
        return await carry_out(ctx, plan, confirmation, tokens)

    tool = Tool.from_function(
        create_training,
        name=TOOL_NAME,
        title=TOOL_TITLE,
        description=DESCRIPTION,
        annotations=ANNOTATIONS,
        structured_output=True,
        meta={"ui": {"resourceUri": VIEW_URI}},
    )
    return tool.model_copy(update={"parameters": input_schema()})


async def carry_out(
    ctx: Context,
    plan: Plan,
    confirmation: ElicitationResult[CreationConfirmation],
    tokens: ConfirmationTokens,
) -> CallToolResult:
    if plan.error is not None:
        return failed(plan.error)
    request = plan.request
    assert request is not None  # every plan but a refusal holds one
    if plan.step == "dry_run":
        return previewed(Trainings.preview(request.draft))
    if plan.step == "refuse":
        return confirmation_impossible()
    if plan.step == "ask" and not _was_confirmed(confirmation):
        return not_confirmed("cancelled" if confirmation.action == "cancel" else "declined")
    state: ServerState = ctx.request_context.lifespan_context
    trainings = await state.trainings()
    caller = caller_of(ctx)
    try:
        if plan.step == "view":
            return await _preview_for_the_view(trainings, request, tokens, ctx)
        training = await trainings.create(
            request.draft, caller=caller, allow_duplicate=request.allow_duplicate
        )
    except TrainingError as error:
        return failed(error)
    return created(training)


async def _preview_for_the_view(
    trainings: Trainings, request: ToolRequest, tokens: ConfirmationTokens, ctx: Context
) -> CallToolResult:
    """Validated, checked against the catalog, nothing created: the view asks the user."""
    existing = await trainings.check(request.draft, allow_duplicate=request.allow_duplicate)
    if existing is not None:
        return created(existing)
    token = tokens.mint(request.draft, caller_of(ctx), allow_duplicate=request.allow_duplicate)
    names = await _reference_names(trainings, request)
    return awaiting_confirmation(Trainings.preview(request.draft), token, names)


async def _reference_names(trainings: Trainings, request: ToolRequest) -> dict[str, Any]:
    """The provider's and category's names (with Lucca's translations) for the view; the ids
    alone when the catalog cannot say."""
    draft = request.draft
    try:
        references = await trainings.catalog.references()
    except TrainingError:
        references = None
    names: dict[str, Any] = {}
    for field, wanted, known in (
        ("provider", draft.providerId, references.providers if references else ()),
        ("category", draft.categoryId, references.categories if references else ()),
    ):
        if wanted is None:
            continue
        choice = next((choice for choice in known if choice.id == wanted), None)
        names[field] = {
            "id": wanted,
            "name": choice.name if choice else None,
            "translations": dict(choice.translations) if choice else {},
        }
    return names


def _was_confirmed(outcome: ElicitationResult[CreationConfirmation]) -> bool:
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


def _id_or_unset(value: Any) -> str:
    return f"#{value}" if value is not None else "not set"


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


# The results: what a call of `create_training` (or the view's commit) answers.

AFTER_CREATION = (
    "Tell the user the id and that an admin must publish it in Lucca Training for it to show in "
    "the public catalog. Do not call create_training again for this training."
)


ALREADY_THERE = (
    "Tell the user the id of the training already in the catalog. Do not call create_training "
    f"again with {ALLOW_DUPLICATE} unless the user asks for a second training."
)


def created(training: CreatedTraining) -> CallToolResult:
    """A training now exists: created by this call, recovered after a lost answer, or already
    there with the same content (a retried call)."""
    output = CreateTrainingOutput(
        outcome=training.outcome,
        created=training.outcome != "existing",
        training=training,
        summary=training.summary,
    )
    advice = ALREADY_THERE if training.outcome == "existing" else AFTER_CREATION
    link = training_link(training.id, training.title)
    return success(output, f"{training.summary}\n{advice}", link)


def previewed(preview: DraftPreview) -> CallToolResult:
    output = CreateTrainingOutput(
        outcome="dry_run", created=False, preview=preview.training, summary=preview.summary
    )
    return success(output, preview.summary)


WHEN_CANCELLED = (
    "The question may never have been shown: some clients close it on their own (an agent mode, "
    "a timeout). Show the user the draft in the conversation and ask whether to create it; if "
    "they say yes, call create_training again. In a client that shows MCP Apps views, the user "
    "can confirm in the view instead."
)


def not_confirmed(outcome: str) -> CallToolResult:
    """A decline is the user's no; a cancel is only a question closed unanswered."""
    if outcome == "declined":
        summary = "The user declined the creation, so nothing was created."
        advice = "Ask the user what to change, if anything, before trying again."
    else:
        summary = "The confirmation was cancelled before it was answered, so nothing was created."
        advice = WHEN_CANCELLED
    output = CreateTrainingOutput(outcome=outcome, created=False, summary=summary)
    return success(output, f"{summary} {advice}")


def awaiting_confirmation(
    preview: DraftPreview, token: str, references: dict[str, Any]
) -> CallToolResult:
    """The MCP Apps way: nothing created; the user reads the preview in the view and clicks."""
    summary = (
        "Nothing is created yet: the user sees the training in a preview and creates it there."
    )
    output = CreateTrainingOutput(
        outcome="awaiting_confirmation",
        created=False,
        preview=preview.training,
        references=references or None,
        confirmationToken=token,
        summary=summary,
    )
    advice = (
        "Tell the user to check the preview, correct it if needed and click Create (or Cancel). "
        "Do not call create_training again for this draft: it would only show another preview."
    )
    return success(output, f"{summary} {advice}")


def confirmation_impossible() -> CallToolResult:
    return failure(
        "Not created: this server must ask the user to confirm each creation "
        "(MCP_CONFIRM=always), but this client cannot be asked: it declared neither elicitation "
        "nor MCP Apps support, or it speaks a protocol older than 2026-07-28 to a stateless "
        "server, which does not keep the handshake that says what a client supports.",
        "Use a client that supports elicitation or MCP Apps views, or ask the server's operator "
        "to set MCP_CONFIRM=auto. Nothing was sent to Lucca.",
    )


def failed(error: TrainingError) -> CallToolResult:
    headline = f"Not created ({error.kind}): {error.message}"
    if isinstance(error, InvalidDraft):
        headline = "Not created: the arguments are not valid. Fix these fields and call again:"
    lines = error_lines(error, headline, _safe_to_retry(error))
    next_step = error.next_step
    if isinstance(error, DuplicateTraining):
        next_step = (
            "Show the user the training already there. Call again with "
            f"{ALLOW_DUPLICATE}: true only if they confirm they want a second one."
        )
    elif isinstance(error, DuplicateCheckIncomplete):
        next_step = (
            "Ask the user to look for the title in Lucca Training. Call again with "
            f"{ALLOW_DUPLICATE}: true only if they confirm it is not there."
        )
    return failure("\n".join(lines), next_step)


def _safe_to_retry(error: TrainingError) -> str:
    if isinstance(error, InvalidDraft):
        return "yes, once the fields above are fixed"
    return "yes" if error.safe_to_retry else "no, not before the user or the catalog says so"
