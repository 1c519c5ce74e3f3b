"""What Lucca's public documentation says about the Training API, written down for the emulator.

These are literals on purpose, not imports of the client's constants in `tools.core.lucca_api`:
the sandbox exists to check our client against Lucca, and a fact the two shared could be wrong in
both at once without any test noticing (a client sending "lucca app=" would meet a sandbox
expecting exactly that). Change a value here only when Lucca's documentation says otherwise.
"""

# The one exception. Lucca does not document the name of the list's free-text search parameter,
# so the project keeps that single guess in one constant, shared by client and sandbox: if the
# guess is wrong it is wrong in one place, and fixing it there fixes both. Re-exported from here.
from tools.core.lucca_api import SEARCH_PARAM as SEARCH_PARAM

TRAININGS_PATH = "/talent-training/api/v1/trainings"

AUTH_HEADER = "Authorization"
AUTH_SCHEME = "lucca application="  # lower case, no space after "=": the key follows directly

PAGE_PARAM = "page"
LIMIT_PARAM = "limit"
ROOT_FIELDS_PARAM = "fields.root"
ID_FILTER_PARAM = "id[]"
PROVIDER_FILTER_PARAM = "providerIds[]"
CATEGORY_FILTER_PARAM = "categoryIds[]"
