"""The control API under /_sandbox/: how tests and rehearsing users steer and inspect the sandbox.

Its shape is a contract other code relies on. It needs no auth and is not rate limited, and its
own requests never appear in the request log nor consume faults.

    GET    /_sandbox/requests    the request log: [{"method", "path", "status"}, ...]
    POST   /_sandbox/faults      queue faults (faults.py), answers {"queued", "pending"}
    DELETE /_sandbox/faults      drop the pending ones
    GET    /_sandbox/modes       the rehearsal switches (modes.py): {"ignore_search": false, ...}
    PATCH  /_sandbox/modes       change some of them ({"ignore_search": true}), answers them all
    POST   /_sandbox/trainings   store a JSON list of trainings at once (bodies as the Lucca POST
                                 takes them, checked the same way, all or none), answers {"ids"}
    POST   /_sandbox/reset       back to the seeded catalog and the starting modes; log and faults
                                 cleared
"""

import json
from typing import Any

from tools.sandbox.asgi_io import BodyTooLarge, Request
from tools.sandbox.faults import DropFault, parse_faults
from tools.sandbox.modes import InvalidModes
from tools.sandbox.responses import Response, json_response
from tools.sandbox.router import Router
from tools.sandbox.state import SandboxState
from tools.sandbox.validation import InvalidBody, check_training

CONTROL_PREFIX = "/_sandbox"
_MAX_FAULTS_BODY = 256 * 1024
_MAX_MODES_BODY = 4 * 1024
# Room for a few thousand full-length trainings: a big catalog is what this endpoint is for.
_MAX_TRAININGS_BODY = 64 * 1024 * 1024


class ControlApi:
    def __init__(self, state: SandboxState) -> None:
        self._state = state

    def register(self, router: Router) -> None:
        router.add(f"{CONTROL_PREFIX}/requests", {"GET": self.requests})
        router.add(
            f"{CONTROL_PREFIX}/faults", {"POST": self.add_faults, "DELETE": self.clear_faults}
        )
        router.add(f"{CONTROL_PREFIX}/modes", {"GET": self.modes, "PATCH": self.change_modes})
        router.add(f"{CONTROL_PREFIX}/trainings", {"POST": self.add_trainings})
        router.add(f"{CONTROL_PREFIX}/reset", {"POST": self.reset})

    async def requests(self, request: Request) -> Response:
        return json_response(200, self._state.log.as_json())

    async def add_faults(self, request: Request) -> Response:
        try:
            data = json.loads(await request.read_body(_MAX_FAULTS_BODY))
            faults = parse_faults(data)
        except BodyTooLarge:
            return _error(413, "fault list too large")
        except ValueError as err:
            # InvalidFaults, JSON and UTF-8 decode errors are all ValueErrors with a readable text.
            return _error(400, f"invalid fault list: {err}")
        except RecursionError:
            return _error(400, "invalid fault list: nested too deeply")
        if any(isinstance(f, DropFault) for f in faults) and not request.can_drop():
            return _error(400, "this server cannot drop connections (needs the sandbox's server)")
        self._state.faults.extend(faults)
        return json_response(200, {"queued": len(faults), "pending": len(self._state.faults)})

    async def modes(self, request: Request) -> Response:
        return json_response(200, self._state.modes.as_json())

    async def change_modes(self, request: Request) -> Response:
        try:
            data = json.loads(await request.read_body(_MAX_MODES_BODY))
            self._state.modes = self._state.modes.changed(data)
        except BodyTooLarge:
            return _error(413, "mode change too large")
        except (InvalidModes, ValueError) as err:
            return _error(400, f"invalid modes: {err}")
        return json_response(200, self._state.modes.as_json())

    async def add_trainings(self, request: Request) -> Response:
        try:
            data = json.loads(await request.read_body(_MAX_TRAININGS_BODY))
        except BodyTooLarge:
            return _error(413, "training list too large")
        except ValueError as err:
            return _error(400, f"invalid training list: {err}")
        if not isinstance(data, list):
            return _error(400, "invalid training list: expected a JSON list of trainings")
        try:
            trainings = [self._checked(index, item) for index, item in enumerate(data)]
        except _InvalidItem as err:
            return _error(400, f"invalid training list: {err}")
        return json_response(200, {"ids": self._state.store.insert_many(trainings)})

    def _checked(self, index: int, item: Any) -> dict[str, Any]:
        """The training as Lucca's POST would store it: a seeded catalog is one Lucca can hold."""
        store = self._state.store
        if not isinstance(item, dict):
            raise _InvalidItem(f"training #{index}: expected an object")
        try:
            return check_training(item, store.provider_exists, store.category_exists)
        except InvalidBody as invalid:
            raise _InvalidItem(f"training #{index}: {json.dumps(invalid.errors)}") from None

    async def clear_faults(self, request: Request) -> Response:
        self._state.faults.clear()
        return Response(204)

    async def reset(self, request: Request) -> Response:
        self._state.reset()
        return Response(204)


class _InvalidItem(ValueError):
    """One training of a bulk list cannot be stored; the message names it by its index."""


def _error(status: int, message: str) -> Response:
    return json_response(status, {"error": message})
