"""The pickers' options, from the core's catalog reads: bounded, cached, never slow."""

import json

import httpx

from bot.catalog_options import CATEGORIES, MAX_OPTIONS, PROVIDERS, CatalogOptions, option_text
from tools.core.catalog import CatalogReader, Choice
from tools.core.client import LuccaClient
from tools.core.lucca_api import TRAININGS_PATH

SLOW_LOAD_SECONDS = 2.0


def catalog_pages(pages: list[list[dict]], seen: list[httpx.Request]) -> httpx.MockTransport:
    """A Lucca that answers the trainings list page by page, with opaque `next` cursors."""

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        assert request.url.path == TRAININGS_PATH
        asked = request.url.params["page"]
        page = 1 if asked == "1" else int(asked.removeprefix("~c"))
        has_next = page < len(pages)
        body = {
            "items": pages[page - 1] if page <= len(pages) else [],
            "next": f"~c{page + 1}" if has_next else None,
            "prev": None,
            "count": sum(len(p) for p in pages),
        }
        return httpx.Response(200, content=json.dumps(body), headers={"content-type": "json"})

    return httpx.MockTransport(answer)


def training(provider_id: int, name: str) -> dict:
    return {"id": provider_id, "provider": {"id": provider_id, "name": name}, "category": None}


async def test_providers_are_collected_across_pages_up_to_a_bound():
    seen: list[httpx.Request] = []
    pages = [[training(page * 100 + i, f"Provider {page}-{i}") for i in range(100)] for page in
             range(15)]  # fmt: skip
    async with httpx.AsyncClient(transport=catalog_pages(pages, seen)) as http:
        client = LuccaClient(http, "https://acme.ilucca.net", "key")
        options = CatalogOptions(CatalogReader(client, max_pages=3))
        found = await options.choices(PROVIDERS, "", "en")
    assert len(seen) == 3  # the bound, not the 15 pages the catalog has
    assert [r.url.params["page"] for r in seen] == ["1", "~c2", "~c3"]  # cursors followed
    assert len(found) == MAX_OPTIONS  # Block Kit's limit for an options list


async def test_a_slow_first_load_answers_in_time_with_nothing_then_with_everything(
    sandbox, lucca: LuccaClient
):
    # The slow load is the behaviour under test: far longer than the 0.05 s the options wait,
    # so that the answer provably came while the load was still on its way.
    sandbox.add_faults({"delay": SLOW_LOAD_SECONDS})
    reader = CatalogReader(lucca)
    options = CatalogOptions(reader, answer_within=0.05)
    assert await options.choices(CATEGORIES, "", "en") == []
    # Answered without waiting for the load: no clock read, the load is still in flight.
    assert [e["status"] for e in sandbox.requests_log()] == [None]
    await reader.references()  # the load that went on in the background, finished
    names = [choice.name for choice in await options.choices(CATEGORIES, "", "en")]
    assert names == ["Health and safety", "Languages", "Management"]
    assert len([e for e in sandbox.requests_log() if e["method"] == "GET"]) == 1


async def test_a_failed_load_is_not_retried_at_every_keystroke(sandbox, lucca: LuccaClient):
    sandbox.add_faults({"status": 500})
    options = CatalogOptions(CatalogReader(lucca))
    assert await options.choices(PROVIDERS, "", "en") == []
    assert await options.choices(PROVIDERS, "a", "en") == []
    assert len(sandbox.requests_log()) == 1


def test_an_option_text_stays_within_75_characters_and_keeps_the_id():
    text = option_text(Choice(123456, "A" * 200), "en")
    assert len(text) == 75
    assert text.endswith("… (#123456)")
