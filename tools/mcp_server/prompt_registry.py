"""The drafting prompts from `prompts/`, served as MCP prompts, with argument completions."""

from __future__ import annotations

from typing import Any

from mcp.server import MCPServer
from mcp.server.mcpserver.prompts.base import Prompt, PromptArgument, UserMessage
from mcp.shared.exceptions import MCPError
from mcp_types import INVALID_PARAMS, Completion, CompletionArgument, PromptReference

from prompts.loader import PromptTemplate, prompts_for
from tools.core.draft import LEVELS

LANGUAGES = (
    "English",
    "French",
    "German",
    "Spanish",
    "Italian",
    "Dutch",
    "Portuguese",
)
COMPLETIONS: dict[str, tuple[str, ...]] = {"level": LEVELS, "language": LANGUAGES}


def register_prompts(server: MCPServer) -> None:
    for template in prompts_for("mcp").values():
        server.add_prompt(_mcp_prompt(template))

    @server.completion()
    async def complete(ref: Any, argument: CompletionArgument, context: Any) -> Completion | None:
        if not isinstance(ref, PromptReference) or ref.name not in prompts_for("mcp"):
            return None
        return Completion(values=completions_for(argument.name, argument.value))


def completions_for(argument: str, typed: str) -> list[str]:
    typed = typed.strip().casefold()
    return [value for value in COMPLETIONS.get(argument, ()) if value.casefold().startswith(typed)]


class _FilePrompt(Prompt):
    """A prompt whose missing (or blank) required argument is an error naming it.

    The SDK would report it as an internal error on 2026-07-28 connections."""

    template: PromptTemplate

    async def render(self, arguments: dict[str, Any] | None, context: Any) -> Any:
        given = arguments or {}
        for argument in self.template.arguments:
            if argument.required and not str(given.get(argument.name) or "").strip():
                message = f"{self.name} needs {argument.name!r}: {argument.description}"
                raise MCPError(code=INVALID_PARAMS, message=message)
        return await super().render(arguments, context)


def _mcp_prompt(template: PromptTemplate) -> Prompt:
    def render(**values: str) -> list[UserMessage]:
        return [UserMessage(template.render(values))]

    return _FilePrompt(
        template=template,
        name=template.name,
        title=template.title,
        description=template.description,
        arguments=[
            PromptArgument(name=a.name, description=a.description, required=a.required)
            for a in template.arguments
        ],
        fn=render,
    )
