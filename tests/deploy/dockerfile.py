"""Reading a Dockerfile, and replaying its install steps without a container engine.

`parse` understands what our Dockerfile uses: stages (`FROM image AS name`), line continuations,
comments, and exec-form (JSON) or shell-form arguments. `Replay` maps the image's file system onto
a temporary directory (`/opt/venv` -> `<root>/opt/venv`) and runs each stage's steps there: WORKDIR
and ENV as Docker applies them, COPY from the build context (or an earlier stage), and the RUN
steps that build the application (`python -m venv`, `pip install`), with `python` being this
machine's Python of the image's version. Any other RUN step must be one we know to be about the OS
(e.g. `useradd`), so that a new step cannot silently go untested.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

APP_STEPS = (re.compile(r"^python -m venv \S+$"), re.compile(r"^\S*pip install .+$"))
OS_STEPS = (re.compile(r"^(useradd|groupadd) "),)


@dataclass
class Instruction:
    keyword: str
    arguments: str

    def exec_form(self) -> list[str] | None:
        text = self.arguments.strip()
        if text.startswith("["):
            return json.loads(text)
        return None


@dataclass
class Stage:
    image: str
    name: str | None
    instructions: list[Instruction] = field(default_factory=list)

    def all(self, keyword: str) -> list[Instruction]:
        return [i for i in self.instructions if i.keyword == keyword]


def logical_lines(text: str) -> list[str]:
    lines, current = [], ""
    for raw in text.splitlines():
        stripped = raw.strip()
        if stripped.startswith("#") or (not stripped and not current):
            continue
        if stripped.endswith("\\"):
            current += stripped[:-1] + " "
            continue
        lines.append((current + stripped).strip())
        current = ""
    assert not current, "the Dockerfile ends inside a continued line"
    return [line for line in lines if line]


def parse(text: str) -> list[Stage]:
    stages: list[Stage] = []
    for line in logical_lines(text):
        keyword, _, arguments = line.partition(" ")
        keyword = keyword.upper()
        if keyword == "FROM":
            words = arguments.split()
            name = words[2] if len(words) == 3 and words[1].upper() == "AS" else None
            stages.append(Stage(image=words[0], name=name))
            continue
        assert stages, f"{keyword} before any FROM"
        stages[-1].instructions.append(Instruction(keyword, arguments.strip()))
    return stages


def env_pairs(arguments: str) -> dict[str, str]:
    """`ENV A=1 B="x y"` (the `key=value` form; the legacy `ENV A 1` is not used here)."""
    pairs = {}
    for word in shlex.split(arguments):
        key, sep, value = word.partition("=")
        assert sep, f"ENV {arguments!r}: use the key=value form"
        pairs[key] = value
    return pairs


def copy_arguments(arguments: str) -> tuple[str | None, list[str], str]:
    words = arguments.split()
    source_stage = None
    while words[0].startswith("--"):
        option = words.pop(0)
        if option.startswith("--from="):
            source_stage = option.removeprefix("--from=")
    *sources, destination = words
    return source_stage, sources, destination


class Replay:
    def __init__(self, context: Path, root: Path, python: str = sys._base_executable) -> None:
        self.context = context
        self.root = root
        self.shims = root / "_shims"  # `python` on PATH: the image's Python, here
        self.shims.mkdir(parents=True)
        for name in ("python", "python3"):
            (self.shims / name).symlink_to(python)
        self.workdirs: dict[str | None, Path] = {}

    def host_path(self, container_path: str, cwd: Path) -> Path:
        if container_path.startswith("/"):
            return self.root / container_path.lstrip("/")
        return cwd / container_path

    def map_paths(self, command: str, roots: set[str]) -> str:
        """`/opt/venv/bin/pip` -> `<root>/opt/venv/bin/pip` for the image's own directories."""
        if not roots:
            return command
        pattern = r"(?<![\w./-])/(" + "|".join(map(re.escape, sorted(roots))) + r")(?=/|\b)"
        return re.sub(pattern, lambda m: f"{self.root}/{m.group(1)}", command)

    def run_stage(self, stage: Stage, roots: set[str], log: list[str]) -> Path:
        """Replay one stage; returns its final working directory (on this machine)."""
        cwd = self.root
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env["PATH"] = f"{self.shims}:/usr/bin:/bin"
        env["HOME"] = str(self.root / "_home")
        for instruction in stage.instructions:
            keyword, arguments = instruction.keyword, instruction.arguments
            if keyword == "WORKDIR":
                cwd = self.host_path(arguments, cwd)
                cwd.mkdir(parents=True, exist_ok=True)
            elif keyword == "ENV":
                for key, value in env_pairs(arguments).items():
                    env[key] = self.map_paths(value.replace("$PATH", env.get("PATH", "")), roots)
            elif keyword == "COPY":
                self.copy(arguments, cwd)
            elif keyword == "RUN":
                command = " ".join(arguments.split())
                if any(step.match(command) for step in APP_STEPS):
                    mapped = self.map_paths(command, roots)
                    log.append(mapped)
                    done = subprocess.run(
                        ["/bin/sh", "-c", mapped], cwd=cwd, env=env, capture_output=True, text=True
                    )
                    assert done.returncode == 0, f"RUN {command} failed:\n{done.stderr[-3000:]}"
                else:
                    assert any(step.match(command) for step in OS_STEPS), (
                        f"RUN {command!r} is neither an install step nor a known OS step: "
                        "teach tests/deploy/dockerfile.py how to replay it"
                    )
        self.workdirs[stage.name] = cwd
        return cwd

    def copy(self, arguments: str, cwd: Path) -> None:
        source_stage, sources, destination = copy_arguments(arguments)
        for source in sources:
            if source_stage is not None:  # an earlier stage's files are already in place
                origin = self.host_path(source, self.workdirs[source_stage])
                target = self.host_path(destination, cwd)
                assert origin.exists(), f"COPY --from={source_stage} {source}: not built"
                if origin.resolve() != target.resolve():
                    shutil.copytree(origin, target, symlinks=True, dirs_exist_ok=True)
                continue
            origin = self.context / source
            assert origin.exists(), f"COPY {source}: not in the build context"
            target = self.host_path(destination, cwd)
            if origin.is_dir():
                ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
                shutil.copytree(origin, target, ignore=ignore, dirs_exist_ok=True)
            else:
                if destination.endswith("/") or target.is_dir():
                    target = target / origin.name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(origin, target)


def image_roots(stages: list[Stage]) -> set[str]:
    """The top-level directories the image's own steps create (WORKDIR, COPY, venv targets)."""
    paths: list[str] = []
    for stage in stages:
        for instruction in stage.instructions:
            if instruction.keyword == "WORKDIR":
                paths.append(instruction.arguments)
            elif instruction.keyword == "COPY":
                paths.append(copy_arguments(instruction.arguments)[2])
            elif instruction.keyword == "RUN":
                paths += re.findall(r"-m venv (\S+)", instruction.arguments)
    return {p.strip("/").split("/")[0] for p in paths if p.startswith("/")}
