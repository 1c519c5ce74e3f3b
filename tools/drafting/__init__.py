"""Drafting a training's texts with a language model, for any face that offers it.

Face-independent: it imports the core (limits, levels, validation) and the prompt files, never
Slack, MCP or the CLI. A face turns its input into a `FormNotes` or a list of `Turn`s, asks the
`Drafter`, and shows the `ProposedDraft` or the question it gets back; nothing here creates a
training, and nothing the model writes reaches Lucca without a person submitting it.

    settings.py   LLM_* settings -> an `LlmConnection` (or None: drafting is off)
    errors.py     what can go wrong asking the model, with a short reason
    client.py     `ModelClient`: one chat-completions call over the process's httpx client
    answers.py    the model's JSON -> a `ProposedDraft` checked against the core's limits
    drafter.py    the prompts, the data message, and "shorten once" around the client
"""
