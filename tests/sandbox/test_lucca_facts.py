"""Every fact the sandbox holds about Lucca names its source, and the guesses say so.

The values are written out here rather than read from lucca_facts: these tests pin what Lucca's
pages say, so a wrong constant fails them instead of being shared by the code and its test.
"""

import pytest

from tools.sandbox import lucca_facts
from tools.sandbox.config import SandboxConfig
from tools.sandbox.lucca_facts import SOURCES

LUCCA_PAGES = {"get-trainings-v1", "create-training", "limits", "errors", "paging"}


def facts() -> list[str]:
    return [
        name
        for name in vars(lucca_facts)
        if name.isupper() and not name.startswith("_") and name != "SOURCES"
    ]


def test_every_fact_names_a_source_and_every_source_is_a_fact() -> None:
    assert sorted(SOURCES) == sorted(facts())


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_sources_are_lucca_pages(name: str) -> None:
    pages = {page.strip() for page in SOURCES[name].page.split(",")}

    assert pages <= LUCCA_PAGES


def test_the_guesses_are_the_ones_the_docs_leave_open() -> None:
    guesses = {name for name, source in SOURCES.items() if source.is_guess}

    assert {"SEARCH_PARAM", "FILTERS_ACCEPT_COMMAS", "CURSOR_PREFIX"} <= guesses
    assert not guesses & {"ID_FILTER_PARAM", "ROOT_FIELDS_PARAM", "MAX_LIMIT", "MAX_BODY_BYTES"}
    assert all(SOURCES[name].guess for name in guesses)  # each says why


def test_the_documented_list_parameters() -> None:
    assert (lucca_facts.ID_FILTER_PARAM, lucca_facts.PROVIDER_FILTER_PARAM) == ("id", "providerIds")
    assert lucca_facts.CATEGORY_FILTER_PARAM == "categoryIds"
    assert lucca_facts.ROOT_FIELDS_PARAM == "fields.root"
    assert lucca_facts.ROOT_FIELDS == ("count", "prev", "next")
    assert (lucca_facts.MIN_LIMIT, lucca_facts.MAX_LIMIT) == (0, 100)


def test_a_sandbox_starts_with_lucca_s_documented_limits() -> None:
    config = SandboxConfig(api_key="k")

    assert (config.rate_limit, config.window_seconds) == (50, 60.0)
    assert config.server_timeout_seconds == 5.0
    assert config.max_body_bytes == 100 * 1024 * 1024
    assert config.max_header_bytes == 8 * 1024
    assert not (config.ignore_search or config.rotate_cursors or config.omit_next)
