"""What drafting shows: the form's button, the modal while the model writes, a draft in a thread,
and a draft turned into the form's values (cut to fit the boxes, with the reason said).

Every text the model or a user wrote is escaped before it lands in mrkdwn.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bot import ids
from bot.drafting.strings import DraftingTexts
from bot.form import mrkdwn_section, plain
from bot.form_values import FormValues, split_within
from bot.strings import Texts, mrkdwn_escape
from tools.core.draft import TEXT_LIMITS, utf16_length
from tools.drafting.answers import ProposedDraft

SECTION_CHUNK = 2900  # a section holds 3000 characters; the label takes a few


def form_extras(texts: DraftingTexts) -> dict[str, list[dict[str, Any]]]:
    """The hint and the "Draft with AI" button, under the description boxes."""
    hint = {
        "type": "context",
        "block_id": ids.DRAFT_HINT_BLOCK,
        "elements": [{"type": "mrkdwn", "text": texts.hint}],
    }
    button = {
        "type": "button",
        "action_id": ids.DRAFT_ACTION,
        "text": plain(texts.button),
        "value": "draft",
    }
    actions = {"type": "actions", "block_id": ids.DRAFT_BLOCK, "elements": [button]}
    return {ids.DESCRIPTION_MORE_BLOCK: [hint, actions]}


def loading_view(
    texts: DraftingTexts, words: Texts, title: str | None, seconds: float, private_metadata: str
) -> dict[str, Any]:
    """No inputs on purpose: when the form comes back, Slack shows the values it is given."""
    text = texts.loading.format(title=mrkdwn_escape(title or "…"), seconds=round(seconds))
    return {
        "type": "modal",
        "callback_id": ids.DRAFTING_CALLBACK,
        "title": plain(texts.loading_title),
        "close": plain(words.cancel),
        "private_metadata": private_metadata,
        "blocks": [mrkdwn_section(text)],
    }


def filled_form_values(
    values: FormValues, draft: ProposedDraft, texts: DraftingTexts, words: Texts
) -> tuple[FormValues, list[str]]:
    """The form with the draft's subtitle and description (and title, if none was typed), the
    level suggested unless one was chosen, every other value as typed; and what to tell."""
    notices: list[str] = []
    level_name = _level_name(words, draft.level)
    notices.append(texts.drafted.format(level=level_name) if level_name else texts.drafted_no_level)
    if draft.level and values.level and values.level != draft.level:
        notices.append(
            texts.level_kept.format(suggested=level_name, chosen=_level_name(words, values.level))
        )
    filled = replace(values, level=values.level or draft.level)
    for field in ("title", "subtitle", "description"):
        if field == "title" and values.title:
            continue  # the person's own title stays
        proposed = getattr(draft, field)
        if not proposed:
            if field != "title":
                notices.append(texts.kept_yours.format(field=texts.field_names[field]))
            continue
        fitted, note = _fitted(field, proposed, texts)
        if note:
            notices.append(note)
        filled = replace(filled, **{field: fitted})
        if field == "description":
            filled = replace(filled, description_more=None)
    return filled, notices


def draft_form_values(draft: ProposedDraft, texts: DraftingTexts) -> tuple[FormValues, list[str]]:
    """A new form from a conversation's draft: its texts (cut to fit) and its suggested level."""
    values = FormValues(level=draft.level)
    notices: list[str] = []
    for field in ("title", "subtitle", "description"):
        fitted, note = _fitted(field, getattr(draft, field), texts)
        if note:
            notices.append(note)
        values = replace(values, **{field: fitted or None})
    return values, notices


def draft_message(
    message: str, draft: ProposedDraft, texts: DraftingTexts, words: Texts, thread_ts: str
) -> dict[str, Any]:
    """`chat.postMessage` arguments for a draft in a thread: readable blocks, the "Open the form"
    button, and the draft itself in the message's metadata (read back when the button is
    pressed: a button's value cannot hold 6000 characters)."""
    blocks: list[dict[str, Any]] = []
    if message:
        blocks.append(mrkdwn_section(mrkdwn_escape(message)))
    blocks.append(mrkdwn_section(f"*{texts.draft_intro}*"))
    for field in ("title", "subtitle", "description"):
        text = getattr(draft, field)
        if not text:
            continue
        for index, chunk in enumerate(escaped_chunks(text)):
            label = f"*{texts.labels[field]}*\n" if index == 0 else ""
            blocks.append(mrkdwn_section(label + chunk))
    level_name = _level_name(words, draft.level)
    if level_name:
        blocks.append(mrkdwn_section(f"*{texts.labels['level']}*: {level_name}"))
    for item in draft.overlong:
        note = texts.over_limit.format(
            field=texts.field_names[item.field], length=item.length, limit=item.limit
        )
        blocks.append(_context(note))
    button = {
        "type": "button",
        "action_id": ids.OPEN_DRAFT_ACTION,
        "text": plain(texts.open_form),
        "style": "primary",
        "value": thread_ts,
    }
    blocks.append({"type": "actions", "elements": [button]})
    blocks.append(_context(texts.nothing_created))
    fallback = mrkdwn_escape(message) or texts.fallback.format(title=mrkdwn_escape(draft.title))
    return {
        "text": fallback,
        "blocks": blocks,
        "metadata": {
            "event_type": ids.DRAFT_METADATA_TYPE,
            "event_payload": draft.to_payload(),
        },
    }


def escaped_chunks(text: str, limit: int = SECTION_CHUNK) -> list[str]:
    """The text escaped for mrkdwn, in pieces of at most `limit` characters once escaped."""
    chunks, current, size = [], [], 0
    for character in text:
        escaped = mrkdwn_escape(character)
        if size + len(escaped) > limit:
            chunks.append("".join(current))
            current, size = [], 0
        current.append(escaped)
        size += len(escaped)
    if current:
        chunks.append("".join(current))
    return chunks


def _fitted(field: str, text: str, texts: DraftingTexts) -> tuple[str, str | None]:
    """The text within the field's limit (as Lucca counts), and a note when it had to be cut."""
    limit = TEXT_LIMITS[field]
    kept, rest = split_within(text, limit)
    if not rest:
        return text, None
    length = utf16_length(text)
    note = texts.cut.format(field=texts.field_names[field], length=length, limit=limit)
    return kept, note


def _level_name(words: Texts, level: str | None) -> str | None:
    return words.level_names[level][0] if level in words.level_names else None


def _context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}
