"""The catalog's reads, shared by the Slack pickers and the MCP read tools, against the sandbox."""

from tests.support import EXAMPLE, draft_of
from tools.core.catalog import CatalogReader


async def test_providers_and_categories_in_use_are_counted_with_their_translations(lucca):
    references = await CatalogReader(lucca).references()
    providers = {choice.id: choice for choice in references.providers}
    categories = {choice.id: choice for choice in references.categories}
    assert providers[12].name == "L'Élan Français" and references.complete
    assert sum(choice.trainings for choice in references.providers) == 3  # #43 has none
    assert categories[2].name_in("fr") == "Langues" and categories[2].name_in("de") == "Languages"
    assert providers[12].matches("élan") and providers[12].matches("ELAN francais")
    assert categories[2].matches("langues", "fr") and not providers[12].matches("safety")


async def test_references_are_read_once_for_many_callers(lucca, sandbox):
    reader = CatalogReader(lucca)
    for _ in range(3):
        await reader.references()
    assert len(sandbox.requests_log()) == 1


async def test_a_search_finds_by_text_and_filters(trainings):
    created = await trainings.create(draft_of({**EXAMPLE, "title": "Négociation avancée"}))
    found = await trainings.catalog.search("négociation", provider_id=12)
    assert [item["id"] for item in found.items] == [created.id]
    assert (found.total, found.more) == (1, False)
    assert (await trainings.catalog.search("négociation", provider_id=3)).items == []


async def test_a_search_lucca_ignores_keeps_only_what_holds_the_text(trainings, sandbox):
    created = await trainings.create(draft_of({**EXAMPLE, "title": "Négociation avancée"}))
    sandbox.set_modes(ignore_search=True)
    found = await trainings.catalog.search("négociation")
    assert [item["id"] for item in found.items] == [created.id]
    assert found.total is None  # Lucca's count was the unfiltered list's


async def test_one_training_is_read_by_the_id_filter(trainings):
    assert (await trainings.catalog.training(42))["id"] == 42
    assert await trainings.catalog.training(999_999) is None
