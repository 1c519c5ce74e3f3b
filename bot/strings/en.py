"""English: every text of the Slack face."""

from bot.strings.fields import DraftingTexts, Texts

TEXTS = Texts(
    language="en",
    language_name="English",
    modal_title="New training",
    submit="Create",
    cancel="Cancel",
    close="Close",
    title_label="Title",
    title_hint="Required. At most 250 characters.",
    subtitle_label="Subtitle",
    subtitle_hint="Required. A short summary, at most 1000 characters.",
    description_label="Description",
    description_hint=(
        "Required. Up to 6000 characters in all: Slack boxes hold 3000, so write the first 3000 "
        "here and go on in the next box."
    ),
    description_more_label="Description, continued",
    description_more_hint=(
        "Only for descriptions longer than 3000 characters. The text continues exactly where the "
        "first box stops: no space or line break is added between the two."
    ),
    level_label="Level",
    level_hint="Required: one of the three levels Lucca knows.",
    level_names={
        "Beginner": ("Beginner", "finding out about the subject"),
        "Middle": ("Middle", "deepening it"),
        "Expert": ("Expert", "becoming a specialist"),
    },
    type_label="Type",
    type_hint="Optional. Left empty, Lucca applies its default.",
    type_placeholder="Choose a type",
    type_names={
        "External": "External: run by an outside organization",
        "Internal": "Internal: run by employees",
    },
    certifying_label="Certifying?",
    certifying_hint="Required. Is it an accredited training (a diploma, title or certificate)?",
    mandatory_label="Mandatory?",
    mandatory_hint="Required. Is it mandatory by law (safety, for example)?",
    yes="Yes",
    no="No",
    provider_label="Provider",
    provider_hint="Optional. Type to search the providers already used in your catalog.",
    provider_placeholder="Search providers",
    provider_id_label="Or provider id",
    provider_id_hint="Optional. A provider's id in Lucca (a number), if it is not in the list.",
    category_label="Category",
    category_hint="Optional. Type to search the categories already used in your catalog.",
    category_placeholder="Search categories",
    category_id_label="Or category id",
    category_id_hint="Optional. A category's id in Lucca (a number), if it is not in the list.",
    title_was_cut=(
        "The text after the command was longer than 250 characters: the title keeps the first 250."
    ),
    required="Required.",
    blank="Must not be blank.",
    too_long="At most {limit} characters (this has {got}).",
    too_long_as_lucca_counts=(
        "At most {limit} characters as Lucca counts them (this has {got}: emoji and some rare "
        "characters count as 2)."
    ),
    not_a_number="Must be a number, like 12 (or leave it empty).",
    provider_conflict="Differs from the provider picked above (#{picked}): keep only one.",
    category_conflict="Differs from the category picked above (#{picked}): keep only one.",
    lucca_field_note=":warning: Lucca: {message}",
    creating=(
        ":hourglass_flowing_sand: Creating *{title}* in Lucca Training…\n\n"
        "You can close this window: the result will also come as a direct message from this app."
    ),
    result_title="Training created",
    created=":white_check_mark: Training *#{id}* *{title}* was created in Lucca Training.",
    facts={"level": "Level", "type": "Type", "provider": "Provider", "category": "Category"},
    status_label="Catalog status",
    status_ready=(
        "*Ready*: it can be used for new realized trainings, but it is *not in the public "
        "catalog* until an admin publishes it in Lucca Training."
    ),
    status_other="*{state}*",
    next_steps=(
        "*Next:* if people should find it in the catalog, ask a Lucca Training admin to publish "
        "it. Type `/training-create` to create another one."
    ),
    dm_created=(
        ":white_check_mark: Training *#{id}* *{title}* was created in Lucca Training. "
        "Catalog status: *Ready*, not in the public catalog until an admin publishes it."
    ),
    channel_note=(
        ":white_check_mark: You created training *#{id}* *{title}* in Lucca Training "
        "(Ready, not in the public catalog until an admin publishes it). "
        "The details are in your direct messages with this app."
    ),
    already_there_title="Already in Lucca",
    already_there=(
        ":information_source: Training *#{id}* *{title}* was already in Lucca Training with "
        "the same content, so nothing new was created."
    ),
    recovered_note=(
        "Lucca's answer was lost on the way, but the training is in the catalog: it was created "
        "once and not sent again."
    ),
    allow_duplicate_label="Same title as an existing training",
    allow_duplicate_option="Create it anyway, as a second training with this title",
    refused_title="Not allowed",
    refused=(
        "Sorry, creating trainings from Slack is limited to some people, and you are not one "
        "of them yet. Ask the person who set up the Lucca Training app in Slack to add you."
    ),
    access_unknown=(
        "Sorry, I could not check whether you may create trainings (Slack did not answer in "
        "time). Try again in a moment."
    ),
    trigger_expired="Slack took too long to open the form. Type `/training-create` again.",
    modal_failed=(
        "The form could not be opened (Slack said `{error}`). Try again; if it keeps failing, "
        "tell the person who runs this app."
    ),
    failure={
        "rejected": (
            ":warning: Lucca refused the training, so nothing was created. Fix what is marked "
            "below and submit again."
        ),
        "auth": (
            ":warning: Lucca refused this app's access, so nothing was created. Tell the person "
            "who runs this app that its Lucca API key must be checked; your form is kept here."
        ),
        "not_found": (
            ":warning: This app is not connected to a Lucca Training account (Lucca answered "
            "404), so nothing was created. Tell the person who runs this app to check its "
            "Lucca address."
        ),
        "rate_limited": (
            ":warning: Lucca is busy: the account's 50 requests a minute are used up. "
            "Nothing was created. {retry}"
        ),
        "unavailable": (
            ":warning: Lucca is unavailable right now; nothing was created. Submit again in a "
            "few minutes."
        ),
        "outcome_unknown": (
            ":warning: Lucca did not answer in time: the training *may or may not* have been "
            "created. Look for *{title}* in Lucca Training before submitting again, so that it "
            "is not created twice."
        ),
        "unexpected_answer": (
            ":warning: Lucca's answer could not be read. Look for *{title}* in Lucca Training "
            "before submitting again: it may have been created."
        ),
        "title_busy": (
            ":hourglass: *{title}* is being created from another place right now, or the app's "
            "store is not answering: nothing was sent to Lucca. Submit again in a moment."
        ),
        "duplicate_check_incomplete": (
            ":warning: The catalog could not be searched in full for *{title}*, so nothing was "
            "created: a training with that title may already be there. Look for it in Lucca "
            "Training; if it is not there, tick *Create it anyway* below and submit again."
        ),
        "duplicate": (
            ":warning: Lucca Training already has a training titled *{title}*: {existing}. "
            "Nothing was created. Change the title, or tick *Create it anyway* below and submit "
            "again if a second one is meant."
        ),
        "configuration": (
            ":warning: This app's Lucca settings are not usable, so nothing was sent. Tell the "
            "person who runs this app."
        ),
        "internal": (
            ":warning: Something went wrong in this app while creating the training: it may or "
            "may not have been created. Look for *{title}* in Lucca Training before submitting "
            "again."
        ),
    },
    lucca_said="Lucca said: {said}",
    retry_in_seconds="Submit again in {seconds} seconds.",
    retry_in_a_minute="Submit again in a minute.",
    dm_failed="The training *{title}* could not be created.\n{reason}",
    typed_values="What you typed, so that nothing is lost:",
    message_was_cut=(
        "The message was longer than Lucca allows, so it was cut: the title keeps its first "
        "{title_limit} characters and the description its first {description_limit}. Check "
        "their ends."
    ),
    thread_share_label="The message's thread",
    thread_share_option="Show the result to everyone in the thread",
    thread_share_hint="Left unticked, the reply in the thread is visible to you only.",
    thread_note=(
        ":white_check_mark: <@{user}> created training *#{id}* *{title}* in Lucca Training from "
        "this message. It is Ready, and not in the public catalog until an admin publishes it."
    ),
    home_header="Lucca Training",
    home_intro=(
        "Create trainings in your Lucca Training catalog without leaving Slack: with the button "
        "below, with `/training-create`, or from a message's *More actions* menu "
        "(*Create a training from this message*)."
    ),
    home_create="Create a training",
    home_recent_title="*Your recent creations*",
    home_recent_none="None yet: the trainings you create from Slack will be listed here.",
    store_down=(
        "Could not record this training for creation (the app's store is not answering): "
        "nothing was created. What you typed is kept; submit again in a moment."
    ),
    home_recent_unavailable=(
        "Your recent creations cannot be shown right now (the app's store is not "
        "answering). Try again in a moment."
    ),
    home_recent_item="*#{id}* {title}\n{status} · {when}",
    home_status_ready="Ready, not in the public catalog",
    home_help=(
        "*Good to know*\n"
        "• Title: at most {title_limit} characters; subtitle: {subtitle_limit}; description: "
        "{description_limit}. Level, certifying and mandatory are required; type, provider and "
        "category are optional.\n"
        "• *Not in the public catalog*: a new training is *Ready* (it can be used for realized "
        "trainings), but employees do not see it in the catalog until a Lucca Training admin "
        "publishes it in Lucca."
    ),
    home_refused=(
        ":no_entry: Creating trainings from Slack is limited to some people, and you are not one "
        "of them yet. Ask the person who installed the Lucca Training app to add you."
    ),
    step_no_user=(
        'The step needs the person who runs the workflow (its "user" input): nothing was created.'
    ),
    step_refused=(
        "{user} may not create trainings from Slack (ask the person who runs the Lucca Training "
        "app to add them): nothing was created."
    ),
    step_access_unknown=(
        "Could not check whether {user} may create trainings (Slack did not answer in time): "
        "nothing was created. Run the workflow again."
    ),
    step_duplicate=(
        'Lucca Training already has a training titled "{title}": {existing}. Nothing was '
        "created: change the title in the workflow, or create the second one with the form."
    ),
    step_duplicate_unsure=(
        'The catalog could not be searched in full for "{title}", so nothing was created: a '
        "training with that title may already be there. Run the workflow again in a moment."
    ),
    step_invalid="Nothing was created. {problems}",
)

DRAFTING = DraftingTexts(
    button="Draft with AI",
    hint=(
        ":sparkles: Type a title and a few rough notes in the description, then press *Draft "
        "with AI*: it writes the subtitle and the description and suggests a level. You review "
        "everything before creating."
    ),
    loading_title="Drafting…",
    loading=(
        ":hourglass_flowing_sand: Writing a subtitle and a description for *{title}*… "
        "This can take up to {seconds} seconds. Your form then comes back with everything you "
        "typed."
    ),
    need_input=(
        "Type a title or a few notes in the description first: the draft is written from them."
    ),
    drafted=(
        ":sparkles: Drafted with AI from your notes: read the subtitle and the description before "
        "creating. Suggested level: *{level}*."
    ),
    drafted_no_level=(
        ":sparkles: Drafted with AI from your notes: read the subtitle and the description before "
        "creating."
    ),
    level_kept="The AI suggests *{suggested}*; your choice, *{chosen}*, is kept.",
    cut=(
        ":warning: The AI's {field} had {length} characters, over Lucca's {limit}: it was cut to "
        "fit. Check its end."
    ),
    kept_yours="The AI gave no {field}: yours is kept.",
    failure={
        "timeout": (
            ":warning: The AI did not answer in time. Your form is as you left it: try again."
        ),
        "unavailable": (
            ":warning: The AI is unavailable right now. Your form is as you left it: try again "
            "in a few minutes."
        ),
        "refused": (
            ":warning: The AI service refused the request: tell the person who runs this app "
            "that its LLM settings must be checked. Your form is as you left it."
        ),
        "unreadable": (
            ":warning: The AI's answer could not be used. Your form is as you left it: try again."
        ),
        "internal": (
            ":warning: Something went wrong in this app while drafting. Your form is as you left "
            "it."
        ),
    },
    field_names={"title": "title", "subtitle": "subtitle", "description": "description"},
    draft_intro="Here is a draft:",
    labels={
        "title": "Title",
        "subtitle": "Subtitle",
        "description": "Description",
        "level": "Suggested level",
    },
    over_limit=(
        ":warning: The {field} has {length} characters, over Lucca's {limit}: ask me to shorten "
        "it (the form keeps only the first {limit})."
    ),
    open_form="Open the form",
    nothing_created=(
        "Nothing is created until you submit the form. Tell me what to change, or open the form "
        "to review and create it."
    ),
    fallback="Draft: {title}",
    thread_failure={
        "timeout": "Sorry, the AI did not answer in time. Say it again in a moment.",
        "unavailable": "Sorry, the AI is unavailable right now. Try again in a few minutes.",
        "refused": (
            "Sorry, the AI service refused the request: tell the person who runs this app that "
            "its LLM settings must be checked."
        ),
        "unreadable": "Sorry, the AI's answer could not be used. Say it again, maybe differently.",
        "internal": "Sorry, something went wrong in this app while drafting.",
    },
    thread_unreadable="Sorry, I could not read this thread back from Slack. Try again in a moment.",
    draft_not_found=(
        "Sorry, I could not find this draft in the thread any more. Ask me for the draft again."
    ),
    form_not_opened="The form could not be opened (Slack said `{error}`). Press the button again.",
)
