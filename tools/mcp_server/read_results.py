"""What the read tools answer, and the address of one training: `training://trainings/{id}`.

The structured results are the core's typed trainings and references; each carries a `summary`
sentence, and, when the answer may be partial, says so, so that the model never mistakes the first
page (or the first 1,000 trainings a provider list is read from) for the whole catalog.
A read that fails is `could_not_read`'s `isError` result: reading changes nothing, so it is
always safe to call again.
"""

from __future__ import annotations

from mcp_types import CallToolResult, ResourceLink
from pydantic import BaseModel, ConfigDict, Field

from tools.core.catalog import Choice, References, SearchResult
from tools.core.catalog_items import TrainingSummary, summaries_of
from tools.core.errors import TrainingError
from tools.mcp_server.call_results import error_lines, failure

TRAINING_URI = "training://trainings/{id}"
PARTIAL = (
    "Read off the first trainings of a big catalog only: one not listed may still exist; "
    "search_trainings finds trainings by text."
)


def training_uri(training_id: int) -> str:
    return TRAINING_URI.format(id=training_id)


def training_link(training_id: int, title: str) -> ResourceLink:
    return ResourceLink(
        type="resource_link",
        uri=training_uri(training_id),
        name=f"training-{training_id}",
        title=title,
        description="The training as the catalog holds it (JSON).",
        mime_type="application/json",
    )


class SearchTrainingsOutput(BaseModel):
    model_config = ConfigDict(frozen=True)

    trainings: list[TrainingSummary]
    total: int | None = Field(description="how many trainings match in all, when Lucca said")
    more: bool = Field(description="whether more trainings match than are listed here")
    summary: str


class InUse(BaseModel):
    """A provider or a category, named in the language asked for when Lucca has it."""

    model_config = ConfigDict(frozen=True)

    id: int = Field(description="the id to give create_training (providerId or categoryId)")
    name: str
    trainings: int = Field(description="how many trainings read use it")


class ProvidersOutput(BaseModel):
    model_config = ConfigDict(frozen=True)

    providers: list[InUse]
    complete: bool = Field(description="false: read off part of the catalog; some may be missing")
    summary: str


class CategoriesOutput(BaseModel):
    model_config = ConfigDict(frozen=True)

    categories: list[InUse]
    complete: bool = Field(description="false: read off part of the catalog; some may be missing")
    summary: str


def found_trainings(result: SearchResult) -> SearchTrainingsOutput:
    trainings = summaries_of(result.items)
    counted = f" of {result.total}" if result.total is not None else ""
    summary = f"{len(trainings)}{counted} matching trainings listed."
    if result.more:
        summary += " More match: narrow the query or filter by providerId or categoryId."
    return SearchTrainingsOutput(
        trainings=trainings, total=result.total, more=result.more, summary=summary
    )


def in_use(
    choices: tuple[Choice, ...], query: str | None, language: str | None = None
) -> list[InUse]:
    kept = [choice for choice in choices if choice.matches(query or "", language)]
    named = [InUse(id=c.id, name=c.name_in(language), trainings=c.trainings) for c in kept]
    return sorted(named, key=lambda choice: (-choice.trainings, choice.name.casefold()))


def providers_in_use(references: References, query: str | None) -> ProvidersOutput:
    providers = in_use(references.providers, query)
    return ProvidersOutput(
        providers=providers,
        complete=references.complete,
        summary=_counted(len(providers), "providers", query, references.complete),
    )


def categories_in_use(
    references: References, query: str | None, language: str | None
) -> CategoriesOutput:
    categories = in_use(references.categories, query, language)
    return CategoriesOutput(
        categories=categories,
        complete=references.complete,
        summary=_counted(len(categories), "categories", query, references.complete),
    )


def could_not_read(error: TrainingError) -> CallToolResult:
    """A read tool's failure. Reading changes nothing, so calling again is always safe; the
    error's next step says whether it can help (a key Lucca refuses stays refused)."""
    headline = f"Could not read the catalog ({error.kind}): {error.message}"
    lines = error_lines(error, headline, "yes, reading changes nothing")
    return failure("\n".join(lines), error.next_step)


def _counted(found: int, what: str, query: str | None, complete: bool) -> str:
    """`what` in the plural: "Providers in use in the catalog matching "élan": 1."."""
    matching = f' matching "{query.strip()}"' if query and query.strip() else ""
    sentence = f"{what.capitalize()} in use in the catalog{matching}: {found}."
    if not found and matching:
        sentence += " Call again without a query to see them all."
    return sentence if complete else f"{sentence} {PARTIAL}"
