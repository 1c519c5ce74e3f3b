"""The core's results and typed errors, as MCP tool results. The one place the MCP face converts.

Successful calls carry `structuredContent` (a `CreateTrainingOutput`) and a short text for clients
that read text only; a training that exists also comes with a `resource_link` to read it back.
Failures, of `create_training` and of the read tools alike, are `isError` results written for the
model to act on: what happened, every bad field with its limit, and what to do next. Their texts
come from the core's messages, which never contain a secret.
"""

from __future__ import annotations

from typing import Any

from mcp_types import CallToolResult, ResourceLink, TextContent

from tools.core.errors import (
    DuplicateCheckIncomplete,
    DuplicateTraining,
    InvalidDraft,
    TrainingError,
)
from tools.core.result import CreatedTraining, DraftPreview
from tools.mcp_server.public_names import ALLOW_DUPLICATE
from tools.mcp_server.read_results import training_link
from tools.mcp_server.tool_definition import CreateTrainingOutput

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
    return _success(output, f"{training.summary}\n{advice}", link)


def previewed(preview: DraftPreview) -> CallToolResult:
    output = CreateTrainingOutput(
        outcome="dry_run", created=False, preview=preview.training, summary=preview.summary
    )
    return _success(output, preview.summary)


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
    return _success(output, f"{summary} {advice}")


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
    return _success(output, f"{summary} {advice}")


def token_refused(reason: str) -> CallToolResult:
    return _failure(
        f"Not created: {reason}. Nothing was sent to Lucca.",
        "Ask the assistant to show the preview again (call create_training), then click Create.",
    )


def confirmation_impossible() -> CallToolResult:
    return _failure(
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
    lines = _error_lines(error, headline, _safe_to_retry(error))
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
    return _failure("\n".join(lines), next_step)


def could_not_read(error: TrainingError) -> CallToolResult:
    """A read tool's failure. Reading changes nothing, so calling again is always safe; the
    error's next step says whether it can help (a key Lucca refuses stays refused)."""
    headline = f"Could not read the catalog ({error.kind}): {error.message}"
    lines = _error_lines(error, headline, "yes, reading changes nothing")
    return _failure("\n".join(lines), error.next_step)


def _error_lines(error: TrainingError, headline: str, safe: str) -> list[str]:
    lines = [headline]
    if error.field_errors:
        lines += [f"- {problem.field}: {problem.message}" for problem in error.field_errors]
    if error.retry_after is not None:
        lines.append(f"Retry after: {error.retry_after:.0f} seconds.")
    lines.append(f"Safe to call again: {safe}.")
    return lines


def _safe_to_retry(error: TrainingError) -> str:
    if isinstance(error, InvalidDraft):
        return "yes, once the fields above are fixed"
    return "yes" if error.safe_to_retry else "no, not before the user or the catalog says so"


def _success(output: CreateTrainingOutput, text: str, *links: ResourceLink) -> CallToolResult:
    return CallToolResult(
        content=[TextContent(type="text", text=text), *links],
        structured_content=output.model_dump(mode="json"),
    )


def _failure(text: str, next_step: str) -> CallToolResult:
    full = f"{text}\n{next_step}" if next_step else text
    return CallToolResult(content=[TextContent(type="text", text=full)], is_error=True)
