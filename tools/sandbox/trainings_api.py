"""The Lucca Training endpoints themselves: create, list and read trainings.

Auth, rate limiting and faults happen before these handlers run (see app.py); here is only what
the Lucca backend checks about the request itself.
"""

import re
from typing import Any

from tools.sandbox import listing
from tools.sandbox.asgi_io import BodyTooLarge, Request
from tools.sandbox.lucca_facts import TRAININGS_PATH
from tools.sandbox.responses import Response, json_response, problem, validation_problem
from tools.sandbox.router import Router
from tools.sandbox.store import TrainingStore
from tools.sandbox.validation import InvalidBody, check_training, parse_object

MAX_BODY_BYTES = 1024 * 1024
_INT32_MAX = 2**31 - 1
# What ASP.NET's JSON input formatter reads: application/json, text/json, application/*+json.
_JSON_MEDIA_TYPE = re.compile(r"^(application/json|text/json|application/[^/;\s]+\+json)$")


class TrainingsApi:
    def __init__(self, store: TrainingStore) -> None:
        self._store = store

    def register(self, router: Router) -> None:
        collection = re.escape(TRAININGS_PATH)
        router.add(rf"{collection}/?", {"GET": self.list, "POST": self.create})
        router.add(rf"{collection}/(?P<id>[0-9]+)/?", {"GET": self.get})

    async def create(self, request: Request) -> Response:
        if not _is_json(request.header("content-type")):
            return problem(415)
        try:
            body = await request.read_body(MAX_BODY_BYTES)
        except BodyTooLarge:
            return problem(413, detail=f"The request body exceeds {MAX_BODY_BYTES} bytes.")
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
        items, total = self._store.search(query.where, query.offset, query.limit)
        envelope: dict[str, Any] = {"items": items}
        if "count" in query.root_fields:
            envelope["count"] = total
        if "prev" in query.root_fields:
            has_prev = query.page > 1
            envelope["prev"] = _link(request, query.page - 1) if has_prev else None
        if "next" in query.root_fields:
            has_next = query.page * query.limit < total
            envelope["next"] = _link(request, query.page + 1) if has_next else None
        return json_response(200, envelope)


def _link(request: Request, page: int) -> str:
    return listing.page_link(request.query_string, page)


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
