"""The core imports no face, and the sandbox imports nothing of ours but the search guess.

Checked in a fresh interpreter, by what actually ends up in sys.modules.
"""

import json
import pkgutil
import subprocess
import sys

import tools.core
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


FACES = ("mcp", "slack_bolt", "slack_sdk", "aiohttp", "tools.cli", "bot")


def test_the_core_imports_no_face_and_not_the_sandbox():
    loaded = imported_by(tools.core)
    assert sorted(name for name in loaded if within(name, (*FACES, "tools.sandbox"))) == []


def test_the_sandbox_takes_only_the_search_parameter_from_the_core():
    loaded = imported_by(tools.sandbox)
    assert sorted(name for name in loaded if within(name, FACES)) == []
    assert {name for name in loaded if within(name, ("tools.core",))} == {
        "tools.core",
        "tools.core.lucca_api",
    }
