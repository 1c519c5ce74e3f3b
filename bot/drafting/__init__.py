"""Drafting with a language model in Slack: the form's "Draft with AI" button, and conversations.

Present only when LLM_BASE_URL, LLM_API_KEY and LLM_MODEL are set. The logic that talks to the
model is `tools.drafting`; this package only reads Slack's payloads and threads, and shows what
comes back for review. Nothing here creates a training: only submitting the form does.
"""
