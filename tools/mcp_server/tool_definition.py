"""The `create_training` tool as assistants see it: name, description, schemas and annotations.

The input schema is the one the core derives from the vendored Lucca spec, plus `dryRun`; nothing
here restates a limit or an enum by hand, so the listed schema cannot drift from what is checked.
"""

from __future__ import annotations

import copy
from typing import Any, Literal

from mcp_types import ToolAnnotations
from pydantic import BaseModel, ConfigDict, Field

from tools.core.draft import DESCRIPTION_MAX_LENGTH, SUBTITLE_MAX_LENGTH, TITLE_MAX_LENGTH
from tools.core.result import CreatedTraining
from tools.core.spec import training_input_schema
from tools.mcp_server.public_names import (
    ALLOW_DUPLICATE,
    DRAFT_PROMPT,
    DRY_RUN,
    IMPROVE_PROMPT,
    LIST_CATEGORIES,
    LIST_PROVIDERS,
    SEARCH_TRAININGS,
)

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
