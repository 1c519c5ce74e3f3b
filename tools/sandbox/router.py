"""A tiny path router: the sandbox has five routes, a framework would be more code than that."""

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from tools.sandbox.asgi_io import Request
from tools.sandbox.responses import Response

Handler = Callable[[Request], Awaitable[Response]]


@dataclass(frozen=True)
class Match:
    handler: Handler
    params: dict[str, str]


@dataclass(frozen=True)
class MethodNotAllowed:
    allowed: tuple[str, ...]


class Router:
    """Routes by full-path regex, then by method, telling "no such path" from "wrong method"."""

    def __init__(self) -> None:
        self._routes: list[tuple[re.Pattern[str], dict[str, Handler]]] = []

    def add(self, pattern: str, handlers: dict[str, Handler]) -> None:
        self._routes.append((re.compile(pattern), handlers))

    def resolve(self, method: str, path: str) -> Match | MethodNotAllowed | None:
        for pattern, handlers in self._routes:
            found = pattern.fullmatch(path)
            if found is None:
                continue
            if method in handlers:
                return Match(handlers[method], found.groupdict())
            return MethodNotAllowed(tuple(handlers))
        return None
