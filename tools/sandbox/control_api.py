"""The control API under /_sandbox/: how tests and rehearsing users steer and inspect the sandbox.

Its shape is a contract other code relies on. It needs no auth and is not rate limited, and its
own requests never appear in the request log nor consume faults.
"""

import json

from tools.sandbox.asgi_io import BodyTooLarge, Request
from tools.sandbox.faults import DropFault, parse_faults
from tools.sandbox.responses import Response, json_response
from tools.sandbox.router import Router
from tools.sandbox.state import SandboxState

CONTROL_PREFIX = "/_sandbox"
_MAX_FAULTS_BODY = 256 * 1024


class ControlApi:
    def __init__(self, state: SandboxState) -> None:
        self._state = state

    def register(self, router: Router) -> None:
        router.add(f"{CONTROL_PREFIX}/requests", {"GET": self.requests})
        router.add(
            f"{CONTROL_PREFIX}/faults", {"POST": self.add_faults, "DELETE": self.clear_faults}
        )
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

    async def clear_faults(self, request: Request) -> Response:
        self._state.faults.clear()
        return Response(204)

    async def reset(self, request: Request) -> Response:
        self._state.reset()
        return Response(204)


def _error(status: int, message: str) -> Response:
    return json_response(status, {"error": message})
