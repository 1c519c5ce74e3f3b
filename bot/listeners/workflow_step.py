"""The Workflow Builder step "Create a Lucca training" (a custom function, `function_executed`).

Its inputs are workflow variables: the person who runs the workflow (`user`), title, subtitle,
description, level, certifying, mandatory, and optionally type, provider id and category id. The
step goes the way the form does: the same access rules for that person, the core's `accept_draft`
(no request to Lucca for input it refuses) and `trainings.create`, then `complete` with the new
training's id, title and catalog status, or `fail` with a plain sentence in the person's language
that names the field and its limit, or says what Lucca answered.

Workflow variables come typed as the manifest declares them, but a form step may hand over text:
"true"/"false" and "12" are read as the boolean and the number they say, and an empty optional
input as absent. Everything else is the core's to judge.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.access import Access
from bot.failures import failure_report
from bot.form_opening import language_and_access
from bot.form_values import FormValues, field_error_text
from bot.listeners.home import creation_finished
from bot.services import Services
from bot.strings import Texts, mrkdwn_unescape, texts
from tools.core.draft import LEVELS, TRAINING_TYPES
from tools.core.errors import (
    DuplicateCheckIncomplete,
    DuplicateTraining,
    InvalidDraft,
    TrainingError,
)
from tools.core.events import Caller
from tools.core.intake import accept_draft
from tools.core.result import CreatedTraining

logger = logging.getLogger("lucca_training.slack")

Complete = Callable[..., Awaitable[Any]]
Fail = Callable[..., Awaitable[Any]]

# The step's inputs (bot/manifest.yaml) -> the draft's fields.
TEXT_INPUTS = {"title": "title", "subtitle": "subtitle", "description": "description"}
CHOICE_INPUTS = {"level": ("level", LEVELS), "type": ("type", TRAINING_TYPES)}
BOOLEAN_INPUTS = {"is_certifying": "isCertifying", "is_mandatory": "isMandatory"}
ID_INPUTS = {"provider_id": "providerId", "category_id": "categoryId"}
USER_INPUT = "user"
OUTPUTS = ("training_id", "title", "catalog_status")

_MARKS = re.compile(r"^:[a-z_]+:\s*|[*`]|\u200b")


async def run_workflow_step(
    services: Services,
    *,
    inputs: Mapping[str, Any],
    body: Mapping[str, Any],
    client: AsyncWebClient,
    complete: Complete,
    fail: Fail,
) -> None:
    user_id = inputs.get(USER_INPUT)
    if not isinstance(user_id, str) or not user_id:
        await fail(error=texts(None).step_no_user)
        return
    language, access = await language_and_access(services, client, user_id)
    words = texts(language)
    if access is not Access.ALLOWED:
        said = words.step_refused if access is Access.REFUSED else words.step_access_unknown
        await fail(error=said.format(user=f"<@{user_id}>"))
        return
    team = body.get("team_id") if isinstance(body.get("team_id"), str) else None
    caller = Caller(face="slack", who=user_id, team=team)
    mapping = draft_mapping(inputs)
    try:
        draft = accept_draft(mapping, caller)
    except InvalidDraft as invalid:
        await fail(error=words.step_invalid.format(problems=_problems(invalid, words)))
        return
    try:
        created = await services.trainings.create(draft, caller=caller)
    except TrainingError as error:
        logger.warning("Workflow step for %s: training not created (%s)", user_id, error.kind)
        await fail(error=_failure(words, error, draft.title))
        return
    except Exception as error:  # a bug of ours: the workflow must still learn the outcome
        logger.exception("The workflow step failed unexpectedly")
        await fail(error=_plain(failure_report(words, error, FormValues(title=draft.title)).notice))
        return
    logger.info("Created training #%s from a workflow, for %s", created.id, user_id)
    await complete(outputs=step_outputs(created))
    await creation_finished(services, client, team, user_id, created)


def step_outputs(created: CreatedTraining) -> dict[str, Any]:
    return dict(zip(OUTPUTS, (created.id, created.title, created.state), strict=True))


def draft_mapping(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The step's inputs as the draft's fields, for the core to judge."""
    mapping: dict[str, Any] = {}
    for name, field_name in TEXT_INPUTS.items():
        if name in inputs and inputs[name] is not None:
            mapping[field_name] = inputs[name]
    for name, (field_name, allowed) in CHOICE_INPUTS.items():
        value = _given(inputs.get(name))
        if value is not None:
            mapping[field_name] = _known(value, allowed)
    for name, field_name in BOOLEAN_INPUTS.items():
        value = _given(inputs.get(name))
        if value is not None:
            mapping[field_name] = _boolean(value)
    for name, field_name in ID_INPUTS.items():
        value = _given(inputs.get(name))
        if value is not None:
            mapping[field_name] = _number(value)
    return mapping


def _given(value: object) -> object:
    return None if value is None or (isinstance(value, str) and not value.strip()) else value


def _known(value: object, allowed: tuple[str, ...]) -> object:
    """`beginner` or ` Beginner ` -> `Beginner`; anything else as given, for the core to refuse."""
    if isinstance(value, str):
        for choice in allowed:
            if value.strip().lower() == choice.lower():
                return choice
    return value


def _boolean(value: object) -> object:
    if isinstance(value, str):
        return {"true": True, "yes": True, "false": False, "no": False}.get(
            value.strip().lower(), value
        )
    return value


def _number(value: object) -> object:
    if isinstance(value, str) and value.strip().lstrip("#").isdigit():
        return int(value.strip().lstrip("#"))
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _failure(words: Texts, error: TrainingError, title: str) -> str:
    """What Lucca or the catalog said, for a step: it has no "create it anyway" box to tick."""
    if isinstance(error, DuplicateTraining):
        existing = ", ".join(f"#{training.id} {training.title}" for training in error.existing)
        return words.step_duplicate.format(title=title, existing=existing)
    if isinstance(error, DuplicateCheckIncomplete):
        return words.step_duplicate_unsure.format(title=title)
    return _plain(failure_report(words, error, FormValues(title=title)).notice)


def _problems(invalid: InvalidDraft, words: Texts) -> str:
    labels = {
        "title": words.title_label,
        "subtitle": words.subtitle_label,
        "description": words.description_label,
        "level": words.level_label,
        "type": words.type_label,
        "isCertifying": words.certifying_label,
        "isMandatory": words.mandatory_label,
        "providerId": words.provider_id_label,
        "categoryId": words.category_id_label,
    }
    return " ".join(
        f"{labels.get(problem.field, problem.field)}: {_plain(field_error_text(problem, words))}"
        for problem in invalid.field_errors
    )


def _plain(mrkdwn: str) -> str:
    """Our own mrkdwn sentence as the plain text a workflow's activity shows."""
    return mrkdwn_unescape(_MARKS.sub("", mrkdwn)).strip()
