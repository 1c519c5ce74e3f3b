"""The wheel and the sdist: built, checked by twine, and the wheel run from a fresh venv and uvx."""

import zipfile

from mcp import Client, StdioServerParameters

from tests.mcp.helpers import TOOL_NAMES
from tests.packaging.builds import BIN, WHEEL_NAME, outside_env, run, uvx
from tests.support import ROOT, model_visible

TOP_LEVEL = {"tools", "bot", "prompts"}
RUNTIME_DATA = {
    "tools/core/poplee-training.yaml",
    "bot/manifest.yaml",
    "prompts/draft_training.md",
    *(f"tools/mcp_server/ui/preview.{kind}" for kind in ("html", "js", "css")),  # the MCP Apps view
}


def test_both_distributions_pass_twine_check(distributions, tmp_path):
    result = run(BIN / "twine", "check", "--strict", *distributions, cwd=tmp_path)
    assert result.stdout.count("PASSED") == 2


def test_the_wheel_holds_three_top_level_packages_and_what_they_read_at_run_time(wheel):
    assert wheel.name == WHEEL_NAME
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert top == TOP_LEVEL
    assert set(names) >= RUNTIME_DATA
    prompts = {p.name for p in (ROOT / "prompts").glob("*.md")}
    assert prompts <= {name.removeprefix("prompts/") for name in names}
    assert not [name for name in names if name.startswith("tests/") or "__pycache__" in name]


def test_the_wheel_installed_in_a_fresh_venv_outside_the_repository_runs_the_demo(wheel, tmp_path):
    venv = tmp_path / "venv"
    run(BIN / "python", "-m", "venv", venv, cwd=tmp_path)
    pip = [venv / "bin" / "python", "-m", "pip", "install", "--quiet"]
    run(*pip, "-c", ROOT / "constraints.txt", wheel, cwd=tmp_path, env=outside_env())
    script = venv / "bin" / "lucca-training"
    demo = run(script, "demo", cwd=tmp_path, env=outside_env(), timeout=120)
    assert 'Created training #45 "Business French for Customer Calls"' in demo.stdout
    assert "The sandbox received 1 POST in all" in demo.stdout


async def test_uvx_from_the_wheel_serves_mcp_over_stdio(wheel, tmp_path):
    env = outside_env(UV_CACHE_DIR=str(tmp_path / "uv-cache"))
    server = StdioServerParameters(
        command=str(uvx()),
        args=[
            *("--isolated", "--constraints", str(ROOT / "constraints.txt")),
            *("--from", str(wheel), "lucca-training", "mcp", "--sandbox"),
        ],
        env=env,
        cwd=str(tmp_path),
    )
    async with Client(server) as assistant:
        tools = model_visible((await assistant.list_tools()).tools)
    assert [tool.name for tool in tools] == TOOL_NAMES
