"""What Lucca's public documentation says about the Training API, written down for the emulator.

These are literals on purpose, not imports of the client's constants in `tools.core.lucca_api`:
the sandbox exists to check our client against Lucca, and a fact the two shared could be wrong in
both at once without any test noticing (a client sending "lucca app=" would meet a sandbox
expecting exactly that). Change a value here only when Lucca's documentation says otherwise.

Every fact is listed in SOURCES with the Lucca page it comes from ("get-trainings-v1", "limits",
"errors", "create-training", "paging"), and, where that page is silent and we had to choose, why we
chose what we did: those are guesses, and the sandbox has a switch to rehearse each one being wrong
where a wrong guess could fail silently (see config.py).
"""

from dataclasses import dataclass

# The one exception. Lucca does not document the name of the list's free-text search parameter,
# so the project keeps that single guess in one constant, shared by client and sandbox: if the
# guess is wrong it is wrong in one place, and fixing it there fixes both. Re-exported from here.
from tools.core.lucca_api import SEARCH_PARAM as SEARCH_PARAM

TRAININGS_PATH = "/talent-training/api/v1/trainings"

AUTH_HEADER = "Authorization"
AUTH_SCHEME = "lucca application="  # lower case, no space after "=": the key follows directly

PAGE_PARAM = "page"
LIMIT_PARAM = "limit"
MIN_LIMIT = 0  # no items; the root fields asked for are still answered
MAX_LIMIT = 100
DEFAULT_LIMIT = 25
FIRST_PAGE_INDEX = 1
ROOT_FIELDS_PARAM = "fields.root"
ROOT_FIELDS = ("count", "prev", "next")
ID_FILTER_PARAM = "id"
PROVIDER_FILTER_PARAM = "providerIds"
CATEGORY_FILTER_PARAM = "categoryIds"
FILTERS_ACCEPT_COMMAS = True  # `id=1,2` as well as `id=1&id=2`
# The shape of the opaque strings in `next` / `prev`: the docs show "~f" and
# "!SGlnaA|A1kVrwDKrz|th". Ours look like the second; clients must treat them as opaque anyway.
CURSOR_PREFIX = "!"

RATE_LIMIT_REQUESTS = 50  # per tenant, shared by every integration
RATE_LIMIT_WINDOW_SECONDS = 60.0
SERVER_TIMEOUT_SECONDS = 5.0  # then the request is aborted and answered 408
MAX_BODY_BYTES = 100 * 1024 * 1024  # then 413
MAX_HEADER_BYTES = 8 * 1024  # then 431

PROBLEM_MEDIA_TYPE = "application/problem+json"
VALIDATION_TITLE = "One or more validation errors occurred."


@dataclass(frozen=True)
class Source:
    """Where a fact comes from: Lucca's page name, and why we guessed when the page is silent."""

    page: str
    guess: str | None = None

    @property
    def is_guess(self) -> bool:
        return self.guess is not None


_LIST = "get-trainings-v1"

SOURCES: dict[str, Source] = {
    "TRAININGS_PATH": Source(f"{_LIST}, create-training"),
    "AUTH_HEADER": Source("create-training"),
    "AUTH_SCHEME": Source("create-training"),
    "PAGE_PARAM": Source(f"{_LIST}, paging"),
    "LIMIT_PARAM": Source(_LIST),
    "MIN_LIMIT": Source(_LIST),
    "MAX_LIMIT": Source(_LIST),
    "DEFAULT_LIMIT": Source(_LIST, guess="the page gives no default; 25 is a common one"),
    "FIRST_PAGE_INDEX": Source(
        _LIST, guess="the page says `page` takes an index without saying where indexes start"
    ),
    "ROOT_FIELDS_PARAM": Source(_LIST),
    "ROOT_FIELDS": Source(_LIST),
    "ID_FILTER_PARAM": Source(_LIST),
    "PROVIDER_FILTER_PARAM": Source(_LIST),
    "CATEGORY_FILTER_PARAM": Source(_LIST),
    "FILTERS_ACCEPT_COMMAS": Source(
        _LIST, guess="the page shows arrays, not their wire form; other Lucca lists take commas"
    ),
    "CURSOR_PREFIX": Source(
        f"{_LIST}, paging", guess="the docs show two cursors, not their grammar; ours are keysets"
    ),
    "SEARCH_PARAM": Source(
        _LIST, guess="the page describes a free-text search but no captured copy names it"
    ),
    "RATE_LIMIT_REQUESTS": Source("limits"),
    "RATE_LIMIT_WINDOW_SECONDS": Source("limits"),
    "SERVER_TIMEOUT_SECONDS": Source("limits"),
    "MAX_BODY_BYTES": Source("limits"),
    "MAX_HEADER_BYTES": Source("limits"),
    "PROBLEM_MEDIA_TYPE": Source("errors"),
    "VALIDATION_TITLE": Source("errors"),
}
