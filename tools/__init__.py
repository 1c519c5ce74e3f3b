"""Lucca Training tool: one `create_training` core with several faces (CLI, MCP, Slack)."""
