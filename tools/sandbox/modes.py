"""Switches that rehearse what Lucca leaves undocumented, changeable while the sandbox runs.

Each one makes the sandbox behave the way Lucca might if one of our guesses (lucca_facts.SOURCES)
were wrong, so a client can be shown to notice instead of failing silently:

- ignore_search: the search parameter is not Lucca's name for it, so Lucca ignores it and answers
  the unfiltered list (the other filters still apply);
- rotate_cursors: each answer writes its cursors differently, even for the same position (they
  stay valid), so a client must not compare or cache them;
- omit_next: `next` is left out even when asked for with fields.root, so a client must stop on a
  short page. The default, `next` only when asked, is what the docs say.

The control API reads and changes them as JSON with exactly these names (GET and PATCH
/_sandbox/modes); a reset puts back the ones the sandbox was started with.
"""

from dataclasses import asdict, dataclass, fields, replace
from typing import Any


class InvalidModes(ValueError):
    """A mode change that cannot be applied; the message says why."""


@dataclass(frozen=True)
class ListModes:
    ignore_search: bool = False
    rotate_cursors: bool = False
    omit_next: bool = False

    def as_json(self) -> dict[str, bool]:
        return asdict(self)

    def changed(self, data: Any) -> "ListModes":
        """These modes with the changes in `data` (a JSON object of booleans), or InvalidModes."""
        if not isinstance(data, dict):
            raise InvalidModes("expected a JSON object of modes")
        names = {f.name for f in fields(self)}
        if unknown := sorted(set(data) - names):
            raise InvalidModes(f"unknown modes {unknown} (known: {', '.join(sorted(names))})")
        if not_bool := sorted(name for name, value in data.items() if not isinstance(value, bool)):
            raise InvalidModes(f"modes {not_bool} must be true or false")
        return replace(self, **data)
