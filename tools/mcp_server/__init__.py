"""The MCP face: the `create_training` tool, its drafting prompts and its guide, for AI assistants.

Nothing here talks to Lucca directly or validates a training itself: the tool translates MCP
arguments into the core's draft and the core's result or error into an MCP tool result.
"""
