"""The one way the product reads a list of trainings: Lucca's cursors, followed to a bound.

Lucca's list answers `next` (an opaque cursor such as `"~f"`, passed back as `page`) when asked
for it with `fields.root`; its paging page recommends cursors over page indexes, which can skip or
repeat items while the catalog changes. A read stops on the first of:

- `last_page`: a page shorter than the limit asked for (nothing after it);
- `no_next`: a full page without a `next` cursor;
- `bound`: `max_pages` read (or, for a caller that wants the whole list or nothing, as soon as the
  first page's `count` says more pages are needed than that).

and says which, so that a caller that must see everything (the duplicate check) can tell a whole
catalog from a part of one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from tools.core import lucca_api

if TYPE_CHECKING:
    from tools.core.client import LuccaClient

Item = dict[str, Any]
Stop = Literal["last_page", "no_next", "bound"]
PAGE_SIZE = lucca_api.MAX_LIMIT


@dataclass(frozen=True)
class Listing:
    items: list[Item]
    stop: Stop
    pages: int  # requests made
    count: int | None = None  # what Lucca said the whole list holds, when it said

    @property
    def complete(self) -> bool:
        """Whether every item of the list was read."""
        if self.stop == "bound":
            return False
        return self.count is None or len(self.items) >= self.count


@dataclass(frozen=True)
class ListFilter:
    search: str | None = None
    ids: tuple[int, ...] = ()
    provider_ids: tuple[int, ...] = ()
    category_ids: tuple[int, ...] = field(default=())

    @classmethod
    def of(
        cls,
        *,
        search: str | None = None,
        ids: Iterable[int] = (),
        provider_ids: Iterable[int] = (),
        category_ids: Iterable[int] = (),
    ) -> ListFilter:
        return cls(search, tuple(ids), tuple(provider_ids), tuple(category_ids))


async def read_list(
    client: LuccaClient,
    where: ListFilter = ListFilter(),
    *,
    max_pages: int,
    limit: int = PAGE_SIZE,
    whole_or_nothing: bool = False,
) -> Listing:
    """Every item `where` selects, page after page along the cursors, within `max_pages`."""
    items: list[Item] = []
    cursor: int | str = 1
    count: int | None = None
    pages = 0
    while True:
        page = await client.list_trainings(
            search=where.search,
            page=cursor,
            limit=limit,
            ids=where.ids,
            provider_ids=where.provider_ids,
            category_ids=where.category_ids,
        )
        pages += 1
        items += page.items
        if pages == 1:
            count = page.count
        if len(page.items) < limit:
            return Listing(items, "last_page", pages, count)
        if not page.next:
            return Listing(items, "no_next", pages, count)
        too_many = whole_or_nothing and count is not None and -(-count // limit) > max_pages
        if pages >= max_pages or too_many:
            return Listing(items, "bound", pages, count)
        cursor = page.next
