"""The form's "Draft with AI" button: acknowledge at once, then draft while the modal waits.

The button's `block_actions` carries the form's state: that is the copy of what the person typed
that comes back if anything fails. The modal first turns into a "Drafting…" view (with no inputs,
so that the form's values can be set again afterwards), then back into the form with the draft's
subtitle and description, every other value as typed. Each update passes the hash of the view it
replaces, so a view Slack changed in between (or a closed modal) is never overwritten.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.drafting.strings import MODEL_LANGUAGE_NAMES, drafting_texts
from bot.drafting.views import filled_form_values, form_extras, loading_view
from bot.form import form_view
from bot.form_context import FormContext
from bot.form_values import FormValues
from bot.slack_calls import update_view
from bot.strings import texts
from tools.drafting.drafter import Drafter, FormNotes
from tools.drafting.errors import DraftingError

logger = logging.getLogger("lucca_training.slack")


async def draft_in_form(
    drafter: Drafter,
    *,
    ack: Callable[..., Awaitable[None]],
    body: Mapping[str, Any],
    client: AsyncWebClient,
) -> None:
    await ack()
    view: Mapping[str, Any] = body.get("view") or {}
    view_id = str(view.get("id", ""))
    user_id = str((body.get("user") or {}).get("id", ""))
    metadata = view.get("private_metadata")
    context = FormContext.decode(metadata, user_id)
    metadata = metadata if isinstance(metadata, str) else context.encode()
    words, drafting = texts(context.language), drafting_texts(context.language)
    values = FormValues.from_state((view.get("state") or {}).get("values") or {})

    def form(shown: FormValues, notices: list[str]) -> dict[str, Any]:
        return form_view(
            words,
            shown,
            private_metadata=metadata,
            notices=notices,
            extra_blocks=form_extras(drafting),
        )

    notes = form_notes(values, context.language)
    if not notes.title and not notes.notes:
        await update_view(client, view_id, form(values, [drafting.need_input]), view.get("hash"))
        return
    waiting = loading_view(drafting, words, values.title, drafter.timeout_seconds, metadata)
    loading_hash = await update_view(client, view_id, waiting, view.get("hash"))
    if loading_hash is None:
        return  # closed, or changed since the click: nothing of ours to show any more
    try:
        draft = await drafter.draft_from_notes(notes)
    except DraftingError as error:
        logger.warning("Drafting for Slack user %s failed: %s", user_id, error.reason)
        await update_view(
            client, view_id, form(values, [drafting.failure[error.kind]]), loading_hash
        )
        return
    except Exception:  # a bug of ours: the person must still get their form back
        logger.exception("Drafting in the Slack form failed unexpectedly")
        await update_view(
            client, view_id, form(values, [drafting.failure["internal"]]), loading_hash
        )
        return
    filled, notices = filled_form_values(values, draft, drafting, words)
    await update_view(client, view_id, form(filled, notices), loading_hash)


def form_notes(values: FormValues, language: str) -> FormNotes:
    """The title, the notes (what the subtitle and description boxes hold), and the choices made."""
    notes = "\n\n".join(
        part for part in (values.subtitle, values.joined_description) if part and part.strip()
    )
    chosen = {
        "level": values.level,
        "type": values.type,
        "isCertifying": values.certifying,
        "isMandatory": values.mandatory,
    }
    return FormNotes(
        title=(values.title or "").strip() or None,
        notes=notes or None,
        chosen={name: value for name, value in chosen.items() if value is not None},
        language=MODEL_LANGUAGE_NAMES.get(language, "English"),
    )
