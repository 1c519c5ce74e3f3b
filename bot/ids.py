"""Every Slack id the app uses, in one place: the command, callback ids, block and action ids.

Block ids are what `response_action: errors` points at, and Slack keeps what a user typed across
`views.update` only while a block's id and its element's action id stay the same: change them here
and nowhere else.
"""

COMMAND = "/training-create"
# The other doors (declared in bot/manifest.yaml with the same ids; a test holds them together).
MESSAGE_SHORTCUT = "training_from_message"
GLOBAL_SHORTCUT = "training_create"
HOME_CREATE_ACTION = "home_create_training"
WORKFLOW_FUNCTION = "create_lucca_training"

# Modals, by what they show.
FORM_CALLBACK = "training_form"
CREATING_CALLBACK = "training_creating"
RESULT_CALLBACK = "training_result"
REFUSED_CALLBACK = "training_refused"

# The form's input blocks, one per field of the draft (two for the description).
TITLE_BLOCK = "title"
SUBTITLE_BLOCK = "subtitle"
DESCRIPTION_BLOCK = "description"
DESCRIPTION_MORE_BLOCK = "description_more"
LEVEL_BLOCK = "level"
TYPE_BLOCK = "type"
CERTIFYING_BLOCK = "certifying"
MANDATORY_BLOCK = "mandatory"
PROVIDER_BLOCK = "provider"
PROVIDER_ID_BLOCK = "provider_id"
CATEGORY_BLOCK = "category"
CATEGORY_ID_BLOCK = "category_id"
# Shown only after the catalog already had the title: tick it to create a second one.
ALLOW_DUPLICATE_BLOCK = "allow_duplicate"
# Shown only when the form was opened from a message: tick it to show the result to the thread.
SHARE_IN_THREAD_BLOCK = "share_in_thread"
# Notes shown above the form (why it came back, what was cut); never inputs.
NOTICE_BLOCK = "notice"

# One action id per input: the element inside the block of the same name.
TITLE_ACTION = "title_input"
SUBTITLE_ACTION = "subtitle_input"
DESCRIPTION_ACTION = "description_input"
DESCRIPTION_MORE_ACTION = "description_more_input"
LEVEL_ACTION = "level_choice"
TYPE_ACTION = "type_choice"
CERTIFYING_ACTION = "certifying_choice"
MANDATORY_ACTION = "mandatory_choice"
PROVIDER_ACTION = "provider_pick"
PROVIDER_ID_ACTION = "provider_id_input"
CATEGORY_ACTION = "category_pick"
CATEGORY_ID_ACTION = "category_id_input"
ALLOW_DUPLICATE_ACTION = "allow_duplicate_choice"
SHARE_IN_THREAD_ACTION = "share_in_thread_choice"

# Values of the yes/no radio buttons.
YES = "yes"
NO = "no"

# Drafting with a language model (only when LLM_* are set).
DRAFTING_CALLBACK = "training_drafting"  # the modal shown while the model writes
DRAFT_HINT_BLOCK = "draft_hint"
DRAFT_BLOCK = "draft"
DRAFT_ACTION = "draft_with_ai"  # the form's button
OPEN_DRAFT_ACTION = "open_draft_form"  # the button under a draft in a conversation
DRAFT_METADATA_TYPE = "lucca_training_draft"  # message metadata carrying a draft in a thread
