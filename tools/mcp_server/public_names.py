"""The names this server publishes, which several of its modules and the view must spell alike.

The tools, the prompts the create tool's description points to, the MCP Apps view's address, and
the create tool's two flags (also named in the guide and in the advice its results give).
"""

TOOL_NAME = "create_training"
COMMIT_TOOL_NAME = "confirm_training_creation"  # the view's Create button; app-only
SEARCH_TRAININGS = "search_trainings"
LIST_PROVIDERS = "list_providers"
LIST_CATEGORIES = "list_categories"
DRAFT_PROMPT = "draft_training"
IMPROVE_PROMPT = "improve_training_description"
VIEW_URI = "ui://lucca-training/preview.html"  # the MCP Apps view of a preview (preview_view.py)
DRY_RUN = "dryRun"
ALLOW_DUPLICATE = "allowDuplicate"
