"""How every tool here answers a call, as an MCP `CallToolResult`.

A success carries `structuredContent` (the tool's output model) and a short text for clients that
read text only, with any `resource_link`s after it. A failure is an `isError` result written for
the model to act on: what happened, every bad field with its limit, whether calling again is safe,
and what to do next. Its texts come from the core's messages, which never contain a secret.
"""

from __future__ import annotations

from mcp_types import CallToolResult, ResourceLink, TextContent
from pydantic import BaseModel

from tools.core.errors import TrainingError


def success(output: BaseModel, text: str, *links: ResourceLink) -> CallToolResult:
    return CallToolResult(
        content=[TextContent(type="text", text=text), *links],
        structured_content=output.model_dump(mode="json"),
    )


def failure(text: str, next_step: str) -> CallToolResult:
    full = f"{text}\n{next_step}" if next_step else text
    return CallToolResult(content=[TextContent(type="text", text=full)], is_error=True)


def error_lines(error: TrainingError, headline: str, safe: str) -> list[str]:
    """The headline, each bad field, the wait Lucca asked for, and whether calling again is safe."""
    lines = [headline]
    if error.field_errors:
        lines += [f"- {problem.field}: {problem.message}" for problem in error.field_errors]
    if error.retry_after is not None:
        lines.append(f"Retry after: {error.retry_after:.0f} seconds.")
    lines.append(f"Safe to call again: {safe}.")
    return lines
