"""The provider and category pickers' options, as the user types (Slack's options load URL).

The language comes from the modal's private_metadata, so no Slack call is needed to answer.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from bot.catalog_options import CatalogOptions, option_text
from bot.form import plain
from bot.form_context import FormContext


async def answer_options(
    catalog: CatalogOptions,
    kind: str,
    *,
    ack: Callable[..., Awaitable[None]],
    body: Mapping[str, Any],
) -> None:
    view = body.get("view") if isinstance(body.get("view"), dict) else {}
    user = body.get("user") if isinstance(body.get("user"), dict) else {}
    context = FormContext.decode(view.get("private_metadata"), str(user.get("id", "")))
    typed = body.get("value") if isinstance(body.get("value"), str) else ""
    choices = await catalog.choices(kind, typed, context.language)
    await ack(
        options=[
            {"text": plain(option_text(choice, context.language)), "value": str(choice.id)}
            for choice in choices
        ]
    )
