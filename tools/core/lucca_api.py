"""Names of the Lucca Training HTTP API, as the client uses them, kept in one place.

The emulator in `tools.sandbox` writes the documented facts down on its own, so that it can catch a
client that gets them wrong; it imports only `SEARCH_PARAM`, the one name Lucca does not document,
so that our guess lives in exactly one constant.
"""

TRAININGS_PATH = "/talent-training/api/v1/trainings"

# The list endpoint's free-text search over title, subtitle and description. Lucca's public docs do
# not name the parameter; this is our best reading of their conventions. Change it here only.
SEARCH_PARAM = "search"

PAGE_PARAM = "page"
LIMIT_PARAM = "limit"
ROOT_FIELDS_PARAM = "fields.root"
# Filters are integer arrays, written without `[]` (Lucca's "get-trainings-v1" page).
ID_FILTER_PARAM = "id"
PROVIDER_FILTER_PARAM = "providerIds"
CATEGORY_FILTER_PARAM = "categoryIds"
# Root fields come back only when asked for, one value per parameter (the form the docs show).
ROOT_FIELDS = ("count", "prev", "next")
# `page` takes a page index or, better (indexes can skip or repeat items while data changes), the
# opaque cursor Lucca returns in `next` / `prev` (a string such as "~f", not a URL).
MAX_LIMIT = 100

AUTH_HEADER = "Authorization"
AUTH_SCHEME = "lucca application="

# Lucca aborts a request that runs for longer than this and answers 408.
SERVER_TIMEOUT_SECONDS = 5.0
