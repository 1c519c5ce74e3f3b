"""The core and drafting import no face, faces import no other face, the core no store (it asks
for one through `tools.core.coordination`), and the sandbox nothing of ours but the search guess.

Checked in a fresh interpreter, by what actually ends up in sys.modules.
"""

import json
import pkgutil
import subprocess
import sys

import bot
import prompts
import tools.core
import tools.drafting
import tools.mcp_server
import tools.sandbox


def imported_by(package) -> set[str]:
    modules = [f"{package.__name__}.{info.name}" for info in pkgutil.iter_modules(package.__path__)]
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout))


def within(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == package or name.startswith(package + ".") for package in packages)


SLACK_FACE = ("slack_bolt", "slack_sdk", "aiohttp", "bot")
MCP_FACE = ("mcp", "tools.mcp_server")
FACES = (*SLACK_FACE, *MCP_FACE, "tools.cli")
STORE = ("tools.state", "sqlalchemy", "aiosqlite", "asyncpg")


def test_the_core_imports_no_face_no_store_and_not_the_sandbox():
    loaded = imported_by(tools.core)
    assert sorted(name for name in loaded if within(name, (*FACES, *STORE, "tools.sandbox"))) == []


def test_the_sandbox_takes_only_the_search_parameter_from_the_core():
    loaded = imported_by(tools.sandbox)
    assert sorted(name for name in loaded if within(name, FACES)) == []
    assert {name for name in loaded if within(name, ("tools.core",))} == {
        "tools.core",
        "tools.core.lucca_api",
    }


def test_the_mcp_face_imports_neither_slack_nor_the_cli():
    loaded = imported_by(tools.mcp_server)
    assert sorted(name for name in loaded if within(name, (*SLACK_FACE, "tools.cli"))) == []


def test_the_slack_face_imports_neither_mcp_nor_the_cli():
    loaded = imported_by(bot)
    assert sorted(name for name in loaded if within(name, (*MCP_FACE, "tools.cli"))) == []


def test_drafting_imports_no_face_only_the_core_and_the_prompts():
    loaded = imported_by(tools.drafting)
    assert sorted(name for name in loaded if within(name, (*FACES, "tools.sandbox"))) == []
    assert {"tools.core.draft", "prompts.loader"} <= loaded


def test_the_prompt_loader_imports_no_face():
    loaded = imported_by(prompts)
    assert sorted(name for name in loaded if within(name, FACES)) == []
