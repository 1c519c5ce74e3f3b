"""`lucca-training demo`: the main job end to end, as an AI assistant does it, in a few seconds.

It starts the real MCP server (`lucca-training mcp`) as a subprocess over stdio, connects with the
MCP SDK's client, lists the tool, creates a training on an embedded sandbox (confirming when the
server asks, as the user would), shows an invalid call refused with its field errors, and proves
from the sandbox's own request log that the refused call never reached it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
from typing import Any, TextIO

DEMO_TRAINING: dict[str, Any] = {
    "title": "Business French for Customer Calls",
    "subtitle": "Handle support and sales calls in French with confidence",
    "description": (
        "A practical course for people who talk to French-speaking customers. Over six sessions, "
        "learners rehearse greetings, questions, objections and follow-ups, build a personal "
        "phrase book, and finish with recorded mock calls reviewed by the trainer."
    ),
    "level": "Middle",
    "isCertifying": False,
    "isMandatory": False,
    "type": "External",
    "providerId": 12,
    "categoryId": 2,
}

INVALID_TRAINING: dict[str, Any] = {
    "title": "Advanced negotiation " * 15,
    "description": "   ",
    "level": "Guru",
    "isCertifying": False,
    "isMandatory": False,
}


def add_parser(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "demo",
        parents=parents,
        help="drive the MCP server like an assistant: create a training on the embedded sandbox",
        description="Start the MCP server over stdio, connect an MCP client, create a training "
        "on the embedded Lucca emulator and show a refused one; no account needed.",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    return asyncio.run(_demo())


async def _demo() -> int:
    from mcp import Client, StdioServerParameters
    from mcp.client.stdio import stdio_client

    from tools.sandbox.config import SandboxConfig
    from tools.sandbox.runner import SandboxServer, new_api_key

    with SandboxServer(SandboxConfig(api_key=new_api_key())) as sandbox:
        print(f"Lucca Training demo: an embedded Lucca sandbox at {sandbox.base_url}")
        print("(an emulator of the Lucca API: no real account is touched)\n")
        server = StdioServerParameters(
            command=sys.executable,
            args=["-m", "tools.cli.main", "mcp"],
            env=_server_env(sandbox.base_url, sandbox.config.api_key),
        )
        with tempfile.TemporaryFile("w+", encoding="utf-8") as server_log:
            transport = stdio_client(server, errlog=server_log)
            async with Client(transport, elicitation_callback=_user_confirms) as assistant:
                created = await _show_the_job(assistant)
            posts = [entry for entry in sandbox.requests_log() if entry["method"] == "POST"]
            print(f"\nThe sandbox received {len(posts)} POST in all: the confirmed training only.")
            _show_audit_trail(server_log)
    return 0 if created and len(posts) == 1 else 1


async def _show_the_job(assistant: Any) -> bool:
    listed = (await assistant.list_tools()).tools
    # The MCP Apps view's own tool (`_meta.ui.visibility: ["app"]`) is not the model's to call.
    tools = [t for t in listed if (t.meta or {}).get("ui", {}).get("visibility") != ["app"]]
    tool = next(t for t in tools if t.name == "create_training")
    readers = ", ".join(t.name for t in tools if t is not tool)
    limits = {n: p.get("maxLength") for n, p in tool.input_schema["properties"].items()}
    print(f"1. The assistant lists the server's tools: {tool.name} ({tool.title}), "
          f"and {readers} to read the catalog")  # fmt: skip
    print(f"   limits from the Lucca spec: title {limits['title']}, subtitle "
          f"{limits['subtitle']}, description {limits['description']} characters\n")  # fmt: skip
    print("2. It calls create_training; the server asks the user to confirm first:")
    result = await assistant.call_tool("create_training", DEMO_TRAINING)
    print(_indented(_text(result)))
    training = (result.structured_content or {}).get("training") or {}
    print(f"   structured result: id={training.get('id')}, "
          f"catalogStatus={training.get('catalogStatus')!r}\n")  # fmt: skip
    print("3. It calls create_training with an invalid draft; the server refuses it:")
    refused = await assistant.call_tool("create_training", INVALID_TRAINING)
    print(_indented(_text(refused)))
    return not result.is_error and bool(refused.is_error)


async def _user_confirms(context: Any, params: Any) -> Any:
    import mcp_types as types

    print(_indented(params.message, prefix="   | "))
    print("   The user answers: yes\n")
    return types.ElicitResult(action="accept", content={"confirm": True})


def _server_env(base_url: str, api_key: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LUCCA_", "MCP_", "LOG_"))}
    ours = {"LUCCA_BASE_URL": base_url, "LUCCA_API_KEY": api_key, "MCP_CONFIRM": "auto"}
    return {**env, **ours, "LOG_FORMAT": "json"}


def _show_audit_trail(server_log: TextIO) -> None:
    """The server's records, after the conversation: one line per creation attempt."""
    server_log.seek(0)
    lines = [line for line in server_log.read().splitlines() if line.strip()]
    if not lines:
        return
    print("\nAudit trail (the server's log, one record per creation attempt):")
    for line in lines:
        print("   " + _audit_line(line))


def _audit_line(line: str) -> str:
    try:
        record = json.loads(line)
    except ValueError:
        return line
    if not isinstance(record, dict) or record.get("event") != "audit":
        return str(record.get("message", line)) if isinstance(record, dict) else line
    title = str(record.get("title", ""))
    shown = title if len(title) <= 40 else title[:39] + "…"
    training = f" #{record['training_id']}" if record.get("training_id") else ""
    outcome, face = record.get("outcome"), record.get("face")
    return f"{record.get('at', '')}  {outcome}{training}  {shown!r}  (face {face})"


def _text(result: Any) -> str:
    """The text blocks (a created training's `resource_link` comes beside them)."""
    return "\n".join(block.text for block in result.content if getattr(block, "text", None))


def _indented(text: str, prefix: str = "   ") -> str:
    return "\n".join(prefix + line for line in text.splitlines())
