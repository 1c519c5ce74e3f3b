"""The Lucca Training endpoints themselves: create, list and read trainings.

Auth, rate limiting and faults happen before these handlers run (see app.py); here is only what
the Lucca backend checks about the request itself.
"""

import re

from tools.sandbox import listing
from tools.sandbox.asgi_io import BodyTooLarge, Request
from tools.sandbox.lucca_facts import TRAININGS_PATH
from tools.sandbox.paging import Pager
from tools.sandbox.responses import Response, json_response, problem, validation_problem
from tools.sandbox.router import Router
from tools.sandbox.state import SandboxState
from tools.sandbox.validation import InvalidBody, check_training, parse_object

_INT32_MAX = 2**31 - 1
# What ASP.NET's JSON input formatter reads: application/json, text/json, application/*+json.
_JSON_MEDIA_TYPE = re.compile(r"^(application/json|text/json|application/[^/;\s]+\+json)$")


class TrainingsApi:
    def __init__(self, state: SandboxState, max_body_bytes: int) -> None:
        self._state = state
        self._store = state.store
        self._pager = Pager(state.store)
        self._max_body_bytes = max_body_bytes

    def register(self, router: Router) -> None:
        collection = re.escape(TRAININGS_PATH)
        router.add(rf"{collection}/?", {"GET": self.list, "POST": self.create})
        router.add(rf"{collection}/(?P<id>[0-9]+)/?", {"GET": self.get})

    async def create(self, request: Request) -> Response:
        if not _is_json(request.header("content-type")):
            return problem(415)
        try:
            body = await request.read_body(self._max_body_bytes)
        except BodyTooLarge:
            return problem(413, detail=f"The request body exceeds {self._max_body_bytes} bytes.")
        try:
            fields = check_training(
                parse_object(body), self._store.provider_exists, self._store.category_exists
            )
        except InvalidBody as invalid:
            return validation_problem(invalid.errors)
        training = self._store.create(fields)
        location = f"{_origin(request)}{TRAININGS_PATH}/{training['id']}"
        return json_response(201, training, (("location", location),))

    async def get(self, request: Request) -> Response:
        training_id = int(request.params["id"])
        training = self._store.get(training_id) if training_id <= _INT32_MAX else None
        if training is None:
            return problem(404, detail=f"Training {training_id} does not exist.")
        return json_response(200, training)

    async def list(self, request: Request) -> Response:
        try:
            query = listing.parse_list_query(request.query_string)
        except listing.InvalidQuery as invalid:
            return validation_problem(invalid.errors)
        return json_response(200, self._pager.envelope(query, self._state.modes))


def _is_json(content_type: str | None) -> bool:
    if content_type is None:
        return False
    media_type = content_type.split(";", 1)[0].strip().lower()
    return _JSON_MEDIA_TYPE.match(media_type) is not None


def _origin(request: Request) -> str:
    """Where the client reached us, for an absolute Location like ASP.NET's CreatedAtAction."""
    host = request.header("host")
    if not host:
        server_host, server_port = request.scope.get("server") or ("localhost", 80)
        host = f"{server_host}:{server_port}"
    return f"{request.scope.get('scheme', 'http')}://{host}"
