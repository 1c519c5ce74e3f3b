"""The read tools (`search_trainings`, `list_providers`, `list_categories`) and the resource
`training://trainings/{id}`: what lets an assistant look at the catalog before it writes into it.

Each reads through the core's `CatalogReader` (the same short cache and pacer as the Slack
pickers), after the caller's read scope is checked (`access.refusal`). Failures are `isError`
results from `read_results.could_not_read`; for the resource, a read error carrying the same text.
"""

from __future__ import annotations

import json
import re
from typing import Annotated

from mcp.server import MCPServer
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.exceptions import ResourceError, ResourceNotFoundError
from mcp.server.mcpserver.tools.base import Tool
from mcp_types import ToolAnnotations
from pydantic import Field

from tools.core.catalog import CatalogReader
from tools.core.catalog_items import record_of
from tools.core.errors import TrainingError
from tools.mcp_server.access import refusal
from tools.mcp_server.public_names import (
    LIST_CATEGORIES,
    LIST_PROVIDERS,
    SEARCH_TRAININGS,
    TOOL_NAME,
)
from tools.mcp_server.read_results import (
    TRAINING_URI,
    CategoriesOutput,
    ProvidersOutput,
    SearchTrainingsOutput,
    categories_in_use,
    could_not_read,
    found_trainings,
    providers_in_use,
)

MAX_SEARCH_RESULTS = 50


def read_annotations(title: str) -> ToolAnnotations:
    """Reading changes nothing, twice gives the same, and it reaches Lucca, outside this server."""
    return ToolAnnotations(
        title=title,
        read_only_hint=True,
        destructive_hint=False,
        idempotent_hint=True,
        open_world_hint=True,
    )


Query = Annotated[
    str | None,
    Field(
        max_length=200,
        description="Part of a name, in any case, with or without accents (elan finds L'Élan "
        "Français); leave it out to list them all.",
    ),
]
Id = Annotated[int | None, Field(ge=1, le=2**31 - 1)]

SEARCH_DESCRIPTION = f"""\
Look for trainings already in the company's Lucca Training catalog, by text (in their title, \
subtitle and description), by provider (providerId) or by category (categoryId).

Call it before drafting a new training: to find one that already covers the subject (then show \
it to the user instead of creating a second one), and to match the tone and length of similar \
trainings. Each result has its id, title, a shortened subtitle, level, type, state, provider and \
category; read one in full (with its description) at the resource {TRAINING_URI}. At most \
{MAX_SEARCH_RESULTS} results; `total` and `more` say when more match."""

PROVIDERS_DESCRIPTION = f"""\
The training providers (the organizations that run trainings) in use in the company's Lucca \
Training catalog, each with its id, name and how many trainings use it.

Use it to turn a provider named by the user into the providerId that {TOOL_NAME} takes: \
call it with `query` set to the name, show the user the match, and never guess an id. Lucca lists \
providers only through their trainings, so one that no training uses yet is not here: then leave \
providerId out and tell the user an admin can set it in Lucca."""

CATEGORIES_DESCRIPTION = f"""\
The training categories in use in the company's Lucca Training catalog, each with its id, its \
name (in `language` when Lucca has a translation of it) and how many trainings use it.

Use it to turn a category named by the user, in their language, into the categoryId that \
{TOOL_NAME} takes: call it with `query` set to the name, show the user the match, and never \
guess an id. Lucca lists categories only through their trainings, so one that no training uses \
yet is not here: then leave categoryId out and tell the user."""


async def search_trainings(
    ctx: Context,
    query: Annotated[
        str | None,
        Field(max_length=200, description="Words to find in titles, subtitles, descriptions."),
    ] = None,
    providerId: Annotated[Id, Field(description="Only this provider's (list_providers).")] = None,
    categoryId: Annotated[Id, Field(description="Only this category's (list_categories).")] = None,
    limit: Annotated[int, Field(ge=1, le=MAX_SEARCH_RESULTS)] = 10,
) -> SearchTrainingsOutput:
    try:
        catalog = await _catalog(ctx)
        found = await catalog.search(
            query, provider_id=providerId, category_id=categoryId, limit=limit
        )
    except TrainingError as error:
        return could_not_read(error)
    return found_trainings(found)


async def list_providers(ctx: Context, query: Query = None) -> ProvidersOutput:
    try:
        references = await (await _catalog(ctx)).references()
    except TrainingError as error:
        return could_not_read(error)
    return providers_in_use(references, query)


async def list_categories(
    ctx: Context,
    query: Query = None,
    language: Annotated[
        str | None,
        Field(
            pattern="^[A-Za-z]{2}$",
            description="Two letters, as Lucca's translations are keyed: fr, en, de, es, it, "
            "nl or pt. Names without a translation in it come in the catalog's own language.",
        ),
    ] = None,
) -> CategoriesOutput:
    try:
        references = await (await _catalog(ctx)).references()
    except TrainingError as error:
        return could_not_read(error)
    return categories_in_use(references, query, language)


def read_tools() -> list[Tool]:
    return [
        Tool.from_function(
            function,
            name=name,
            title=title,
            description=description,
            annotations=read_annotations(title),
            structured_output=True,
        )
        for function, name, title, description in (
            (search_trainings, SEARCH_TRAININGS, "Search the training catalog", SEARCH_DESCRIPTION),
            (list_providers, LIST_PROVIDERS, "List the training providers", PROVIDERS_DESCRIPTION),
            (
                list_categories,
                LIST_CATEGORIES,
                "List the training categories",
                CATEGORIES_DESCRIPTION,
            ),
        )
    ]


def register_training_resource(server: MCPServer) -> None:
    server.resource(
        TRAINING_URI,
        name="training",
        title="A training in the catalog",
        description="One training of the Lucca Training catalog, every field, as JSON.",
        mime_type="application/json",
    )(read_training)


async def read_training(id: str, ctx: Context) -> str:
    if not re.fullmatch(r"[0-9]{1,10}", id):
        raise ResourceNotFoundError(f"{id!r} is not a training id: ids are whole numbers.")
    try:
        item = await (await _catalog(ctx)).training(int(id))
    except TrainingError as error:
        raise ResourceError(f"Could not read training #{id} ({error.kind}): {error}") from None
    record = record_of(item) if item is not None else None
    if record is None:
        raise ResourceNotFoundError(
            f"There is no training #{id} in the catalog. search_trainings finds trainings by text."
        )
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=2)


async def _catalog(ctx: Context) -> CatalogReader:
    """The core's catalog, for a caller allowed to read it; an `AccessDenied` otherwise."""
    denied = refusal(ctx, "read")
    if denied is not None:
        raise denied
    return (await ctx.request_context.lifespan_context.trainings()).catalog
