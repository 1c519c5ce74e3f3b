"""The MCP Apps view in a real browser (Chromium + Playwright, see preview.test.mjs), against a
running `lucca-training serve` on a real sandbox. CI installs both (`make ci-tools`)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.servers import free_port, serving
from tests.support import MCP_TOKEN, SANDBOX_KEY

HERE = Path(__file__).parent
DOCS_IMAGES = HERE.parents[2] / "docs" / "images"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def test_the_preview_view_in_a_real_browser(sandbox, tmp_path):
    if not (HERE / "node_modules" / "playwright-core").exists() or not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("CI must install Chromium and tests/mcp/apps (make ci-tools)")
        pytest.skip("run `make ci-tools` (Chromium and npm ci in tests/mcp/apps)")
    env = {
        "LUCCA_BASE_URL": sandbox.base_url,
        "LUCCA_API_KEY": SANDBOX_KEY,
        "MCP_AUTH_TOKENS": f"browser:{MCP_TOKEN}",
        "MCP_CONFIRM": "always",  # the view is this client's only way: no silent creation
    }
    with serving(["serve"], env, str(tmp_path), free_port()) as base_url:
        run = subprocess.run(
            [shutil.which("node") or "node", "--test", "--test-reporter=spec", "preview.test.mjs"],
            cwd=HERE,
            env={
                **os.environ,
                "MCP_URL": f"{base_url}/mcp",
                "SANDBOX_URL": sandbox.base_url,
                "LUCCA_KEY": SANDBOX_KEY,
                "MCP_TOKEN": MCP_TOKEN,
                "CHROMIUM": CHROMIUM,
                "SHOTS_DIR": str(DOCS_IMAGES),
            },
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-3000:]
