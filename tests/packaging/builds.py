"""What the packaging tests share: the built artefacts, the tools that check them, the version."""

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.support import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]
WHEEL_NAME = f"lucca_training-{VERSION}-py3-none-any.whl"
BIN = Path(sys.executable).parent
# Where `make ci-tools` (run by .ci/run) installs the pinned npm CLI.
MCPB = ROOT / ".ci" / "npm" / "node_modules" / ".bin" / "mcpb"


def tool(path: Path, how: str) -> Path:
    """A tool the tests need; in CI a missing one fails, elsewhere it skips with how to get it."""
    if path.exists():
        return path
    if os.environ.get("CI"):
        pytest.fail(f"{path} is missing: {how}")
    pytest.skip(f"{path.name} is not installed here: {how}")


def run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300):
    """A command that must succeed; its output is in the failure when it does not."""
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, f"{command[0]} failed:\n{result.stdout}\n{result.stderr}"
    return result


def outside_env(**extra: str) -> dict[str, str]:
    """An environment with no product settings, no venv and no path back into the repository."""
    from tests.servers import clean_env

    env = clean_env(extra)
    for name in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME"):
        env.pop(name, None)
    env["PATH"] = os.pathsep.join([str(BIN), env.get("PATH", "")])  # uvx comes from the dev venv
    return env


def build_distributions(out: Path) -> tuple[Path, Path]:
    run(BIN / "python", "-m", "build", "--outdir", out, ROOT, cwd=out)
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    return wheel, sdist


def uvx() -> Path:
    found = BIN / "uvx"
    return found if found.exists() else Path(shutil.which("uvx") or "uvx")
