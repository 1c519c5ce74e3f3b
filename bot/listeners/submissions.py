"""Submitting the form: check, then answer at once, and create after the answer.

Invalid input: `response_action: errors` on the blocks to fix; the modal stays open with all that
was typed. Valid input: `response_action: update` to a "Creating..." view, and the creation goes on
in `Creations` after Slack has its answer, once the journal holds it. A modal submitted again
(on any replica) gets the same view back: writing it to the journal finds the first (one write
per submission, so the acknowledgement stays fast). A journal that cannot be written keeps the
form open with everything typed and says so: nothing was started.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot import ids
from bot.access import Access
from bot.creations import Submission
from bot.form_context import FormContext
from bot.form_values import FormValues, check_form
from bot.services import Services
from bot.strings import texts
from bot.views import refused_view
from tools.core.events import Caller
from tools.state.store import StoreUnavailable

logger = logging.getLogger("lucca_training.slack")


async def submit_training_form(
    services: Services,
    *,
    ack: Callable[..., Awaitable[None]],
    body: Mapping[str, Any],
    client: AsyncWebClient,
) -> None:
    view: Mapping[str, Any] = body.get("view") or {}
    user_id = str((body.get("user") or {}).get("id", ""))
    view_id = str(view.get("id", ""))
    context = FormContext.decode(view.get("private_metadata"), user_id)
    words = texts(context.language)
    access = await services.access.check(client, user_id)
    if access is Access.UNKNOWN:
        # Slack did not say whether the user may: keep the form open so they can try again.
        await ack(response_action="errors", errors={ids.TITLE_BLOCK: words.access_unknown})
        return
    if access is Access.REFUSED:
        logger.info("Slack user %s may no longer create trainings", user_id)
        await ack(response_action="update", view=refused_view(words, words.refused))
        return
    values = FormValues.from_state((view.get("state") or {}).get("values") or {})
    team = (body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id")
    checked = check_form(values, words, Caller(face="slack", who=user_id, team=team))
    if checked.draft is None:
        await ack(response_action="errors", errors=checked.errors)
        return
    submission = Submission(view_id, values, checked.draft, context, words, team_id=team)
    try:
        view = await services.creations.start(client, submission)
    except StoreUnavailable as exc:
        logger.warning("Slack user %s: submission not recorded (%s)", user_id, exc)
        await ack(response_action="errors", errors={ids.TITLE_BLOCK: words.store_down})
        return
    await ack(response_action="update", view=view)
