"""The shape of a language table: every text the Slack face shows, as named fields.

`Texts` holds the form, the result and every door's own words (shortcuts, Home tab, workflow
step); `DraftingTexts` holds drafting with a language model. A table fills both for one language;
templates take named values with `str.format` (the comment after a field names them).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Texts:
    language: str  # the table's code: `de` for bot/strings/de.py
    language_name: str  # in English, for the drafting model: "German"
    # The form.
    modal_title: str
    submit: str
    cancel: str
    close: str
    title_label: str
    title_hint: str
    subtitle_label: str
    subtitle_hint: str
    description_label: str
    description_hint: str
    description_more_label: str
    description_more_hint: str
    level_label: str
    level_hint: str
    level_names: dict[str, tuple[str, str]]  # level -> (name, what it means)
    type_label: str
    type_hint: str
    type_placeholder: str
    type_names: dict[str, str]
    certifying_label: str
    certifying_hint: str
    mandatory_label: str
    mandatory_hint: str
    yes: str
    no: str
    provider_label: str
    provider_hint: str
    provider_placeholder: str
    provider_id_label: str
    provider_id_hint: str
    category_label: str
    category_hint: str
    category_placeholder: str
    category_id_label: str
    category_id_hint: str
    title_was_cut: str
    # Field errors shown under an input.
    required: str
    blank: str
    too_long: str  # {limit} {got}
    too_long_as_lucca_counts: str  # {limit} {got}
    not_a_number: str
    provider_conflict: str  # {picked}
    category_conflict: str  # {picked}
    lucca_field_note: str  # {message}
    # The views after submitting.
    creating: str  # {title}
    result_title: str
    created: str  # {id} {title}
    facts: dict[str, str]  # level, type, provider, category -> label
    status_label: str
    status_ready: str
    status_other: str  # {state}
    next_steps: str
    dm_created: str  # {id} {title}
    channel_note: str  # {id} {title}
    # When the catalog already had the training, or Lucca's answer was lost but it exists.
    already_there_title: str
    already_there: str  # {id} {title}
    recovered_note: str
    allow_duplicate_label: str
    allow_duplicate_option: str
    # Refusals and Slack-side problems.
    refused_title: str
    refused: str
    access_unknown: str
    trigger_expired: str
    modal_failed: str
    # Why a creation failed; the form comes back with these above it.
    failure: dict[str, str]  # error kind -> text; {seconds} {title} {said}
    lucca_said: str  # {said}
    retry_in_seconds: str  # {seconds}
    retry_in_a_minute: str
    dm_failed: str  # {title} {reason}
    typed_values: str
    # The message shortcut: the form pre-filled from a message, the result in its thread.
    message_was_cut: str  # {title_limit} {description_limit}
    thread_share_label: str
    thread_share_option: str  # an option: at most 75 characters
    thread_share_hint: str
    thread_note: str  # {user} {id} {title}
    # The Home tab.
    home_header: str  # a header: plain text, at most 150 characters
    home_intro: str
    home_create: str  # a button: at most 75 characters
    home_recent_title: str
    home_recent_none: str
    home_recent_unavailable: str  # the store did not answer
    store_down: str  # a submission the journal could not record; the form stays open
    home_recent_item: str  # {id} {title} {status} {when}
    home_status_ready: str
    home_help: str  # {title_limit} {subtitle_limit} {description_limit}
    home_refused: str
    # The Workflow Builder step: plain text, shown in the workflow's activity.
    step_no_user: str
    step_refused: str  # {user}
    step_access_unknown: str  # {user}
    step_invalid: str  # {problems}
    step_duplicate: str  # {title} {existing}: the form's "create anyway" box has no step twin
    step_duplicate_unsure: str  # {title}


@dataclass(frozen=True)
class DraftingTexts:
    # The form.
    button: str
    hint: str
    loading_title: str  # a modal title: at most 24 characters
    loading: str  # {title} {seconds}
    need_input: str
    drafted: str  # {level}
    drafted_no_level: str
    level_kept: str  # {suggested} {chosen}
    cut: str  # {field} {length} {limit}
    kept_yours: str  # {field}
    failure: dict[str, str]  # DraftingError kind -> why, in the form or the thread
    field_names: dict[str, str]
    # A conversation.
    draft_intro: str
    labels: dict[str, str]  # title, subtitle, description, level -> label
    over_limit: str  # {field} {length} {limit}
    open_form: str  # a button: at most 75 characters
    nothing_created: str
    fallback: str  # {title}: the notification text of a draft message
    thread_failure: dict[str, str]  # DraftingError kind -> why, in a thread
    thread_unreadable: str
    draft_not_found: str
    form_not_opened: str  # {error}
