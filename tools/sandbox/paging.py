"""One page of the trainings list and its envelope: items, and the root fields asked for.

Pages are windows over the matching trainings by ascending id. A page index skips whole pages
(so it can skip or repeat items while trainings are created, as Lucca's paging page warns); a
cursor starts right after (or ends right before) the id it holds, so it cannot. Either way, `next`
and `prev` are cursors: after this page's last id, before its first one. An empty page is a gap
between two ids and its cursors point at either side of it. A side with no training gets null.

With limit 0 there is no page to move from, so `prev` and `next` are null (when asked for); the
count is still answered, which is what limit 0 is for.
"""

from dataclasses import replace
from itertools import count
from typing import Any

from tools.sandbox import cursors
from tools.sandbox.listing import ListQuery
from tools.sandbox.modes import ListModes
from tools.sandbox.store import TrainingStore, Window

_PAST_EVERY_ID = 2**31  # ids are int32: "before this" is "up to the last one"


class Pager:
    """Answers list queries from a store; `salts` numbers the answers for rotating cursors."""

    def __init__(self, store: TrainingStore) -> None:
        self._store = store
        self._salts = count(1)

    def envelope(self, query: ListQuery, modes: ListModes) -> dict[str, Any]:
        where = query.where
        if modes.ignore_search:
            where = replace(where, search=None)
        at = _window(query.position, query.limit)
        items = self._store.window(where, at, query.limit) if query.limit else []
        envelope: dict[str, Any] = {"items": items}
        salt = next(self._salts) if modes.rotate_cursors else None
        first, last = _edges(items, at)
        if "prev" in query.root_fields:
            before = Window(before=first)
            has_prev = query.limit > 0 and self._store.any_in(where, before)
            envelope["prev"] = _cursor("before", first, salt) if has_prev else None
        if "next" in query.root_fields and not modes.omit_next:
            after = Window(after=last)
            has_next = query.limit > 0 and self._store.any_in(where, after)
            envelope["next"] = _cursor("after", last, salt) if has_next else None
        if "count" in query.root_fields:
            envelope["count"] = self._store.count(where)
        return envelope


def _window(position: int | cursors.Cursor, limit: int) -> Window:
    if isinstance(position, int):
        return Window(offset=(position - 1) * limit)
    if position.direction == "after":
        return Window(after=position.boundary)
    return Window(before=position.boundary)


def _edges(items: list[dict[str, Any]], at: Window) -> tuple[int, int]:
    """(prev's boundary, next's boundary): the page's first and last ids, or its gap's sides."""
    if items:
        return items[0]["id"], items[-1]["id"]
    if at.after is not None:  # nothing after it: the gap is everything past it
        return at.after + 1, at.after
    if at.before is not None:  # nothing before it: the gap is everything short of it
        return at.before, at.before - 1
    return _PAST_EVERY_ID, _PAST_EVERY_ID - 1  # an index past the end


def _cursor(direction: cursors.Direction, boundary: int, salt: int | None) -> str:
    return cursors.encode(cursors.Cursor(direction, boundary), salt)
