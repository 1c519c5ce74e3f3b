"""The desktop bundle: validated and packed by the mcpb CLI, unpacked, and started the way its
manifest says (with --sandbox), as Claude Desktop would, then asked for its tools."""

import json
import zipfile

from mcp import Client, StdioServerParameters

from tests.packaging.builds import BIN, MCPB, VERSION, WHEEL_NAME, outside_env, run, tool
from tests.support import ROOT, model_visible

BUILD_SCRIPT = ROOT / "distribution" / "mcpb" / "build_bundle.sh"
MANIFEST = json.loads((ROOT / "distribution" / "mcpb" / "manifest.json").read_text("utf-8"))


def test_the_manifest_asks_for_the_lucca_address_and_a_sensitive_key():
    config = MANIFEST["user_config"]
    assert config["lucca_api_key"]["sensitive"] is True and config["lucca_api_key"]["required"]
    assert not config["lucca_base_url"].get("sensitive") and config["lucca_base_url"]["required"]
    env = MANIFEST["server"]["mcp_config"]["env"]
    assert env == {
        "LUCCA_BASE_URL": "${user_config.lucca_base_url}",
        "LUCCA_API_KEY": "${user_config.lucca_api_key}",
    }
    assert MANIFEST["version"] == VERSION
    assert MANIFEST["server"]["entry_point"] == f"server/{WHEEL_NAME}"


async def test_packed_bundle_starts_as_its_manifest_says_and_lists_its_tools(tmp_path):
    mcpb = tool(MCPB, "run `make ci-tools` (npm installs the pinned @anthropic-ai/mcpb)")
    env = outside_env(MCPB=str(mcpb), PYTHON=str(BIN / "python"))
    run("bash", BUILD_SCRIPT, tmp_path / "out", cwd=tmp_path, env=env)
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(tmp_path / "out" / "lucca-training.mcpb").extractall(unpacked)
    manifest = json.loads((unpacked / "manifest.json").read_text(encoding="utf-8"))
    assert (unpacked / manifest["server"]["entry_point"]).is_file()

    config = manifest["server"]["mcp_config"]
    user_config = {"lucca_base_url": "https://acme.ilucca.net", "lucca_api_key": "unused"}
    server = StdioServerParameters(
        command=config["command"],
        args=[_filled(arg, unpacked, user_config) for arg in config["args"]] + ["--sandbox"],
        env={
            **outside_env(UV_CACHE_DIR=str(tmp_path / "uv-cache")),
            **{k: _filled(v, unpacked, user_config) for k, v in config["env"].items()},
        },
        cwd=str(tmp_path),
    )
    async with Client(server) as assistant:
        tools = model_visible((await assistant.list_tools()).tools)
    assert [t.name for t in tools] == [t["name"] for t in manifest["tools"]]


def _filled(template: str, bundle_dir, user_config: dict[str, str]) -> str:
    """What the host substitutes in the manifest: the bundle's folder and the user's answers."""
    text = template.replace("${__dirname}", str(bundle_dir))
    for name, value in user_config.items():
        text = text.replace(f"${{user_config.{name}}}", value)
    assert "${" not in text, text
    return text
