"""The modals shown after submitting (creating, created, refused) and the result's messages.

Every text a user or Lucca wrote is escaped before it lands in mrkdwn.
"""

from __future__ import annotations

from typing import Any

from bot import ids
from bot.form import mrkdwn_section, plain
from bot.strings import Texts, mrkdwn_escape
from tools.core.result import CreatedTraining, Reference


def creating_view(texts: Texts, title: str) -> dict[str, Any]:
    return _modal(
        ids.CREATING_CALLBACK,
        texts.modal_title,
        texts.close,
        [mrkdwn_section(texts.creating.format(title=mrkdwn_escape(title)))],
    )


def result_view(texts: Texts, created: CreatedTraining) -> dict[str, Any]:
    facts = _facts(texts, created)
    blocks = [mrkdwn_section(_headline(texts, created))]
    if created.outcome == "recovered":
        blocks.append(mrkdwn_section(texts.recovered_note))
    blocks.append(mrkdwn_section(f"*{texts.status_label}*\n{_status(texts, created.state)}"))
    if facts:
        blocks.append(
            {"type": "context", "elements": [{"type": "mrkdwn", "text": "  ·  ".join(facts)}]}
        )
    blocks += [{"type": "divider"}, mrkdwn_section(texts.next_steps)]
    title = texts.already_there_title if created.outcome == "existing" else texts.result_title
    return _modal(ids.RESULT_CALLBACK, title, texts.close, blocks)


def _headline(texts: Texts, created: CreatedTraining) -> str:
    said = texts.already_there if created.outcome == "existing" else texts.created
    return said.format(id=created.id, title=mrkdwn_escape(created.title))


def refused_view(texts: Texts, message: str) -> dict[str, Any]:
    return _modal(ids.REFUSED_CALLBACK, texts.refused_title, texts.close, [mrkdwn_section(message)])


def created_message(texts: Texts, created: CreatedTraining) -> str:
    """The direct message that keeps the result once the modal is closed."""
    if created.outcome == "existing":
        return _headline(texts, created)
    return texts.dm_created.format(id=created.id, title=mrkdwn_escape(created.title))


def channel_note(texts: Texts, created: CreatedTraining) -> str:
    return texts.channel_note.format(id=created.id, title=mrkdwn_escape(created.title))


def _status(texts: Texts, state: str) -> str:
    if state == "Ready":
        return texts.status_ready
    return texts.status_other.format(state=mrkdwn_escape(state))


def _facts(texts: Texts, created: CreatedTraining) -> list[str]:
    facts = []
    if created.level:
        name = texts.level_names.get(created.level, (created.level, ""))[0]
        facts.append(f"{texts.facts['level']}: {mrkdwn_escape(name)}")
    if created.type:
        name = texts.type_names.get(created.type, created.type).split(":")[0]
        facts.append(f"{texts.facts['type']}: {mrkdwn_escape(name)}")
    for key, reference in (("provider", created.provider), ("category", created.category)):
        if reference is not None:
            facts.append(f"{texts.facts[key]}: {_reference(reference)}")
    return facts


def _reference(reference: Reference) -> str:
    name = mrkdwn_escape(reference.name) if reference.name else ""
    return f"{name} (#{reference.id})" if name else f"#{reference.id}"


def _modal(callback_id: str, title: str, close: str, blocks: list[dict]) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": callback_id,
        "title": plain(title),
        "close": plain(close),
        "blocks": blocks,
    }
