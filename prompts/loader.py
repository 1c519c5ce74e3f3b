"""Prompt templates kept as data files, and the one loader every face renders them with.

A prompt file is Markdown with a YAML header between `---` lines:

    ---
    name: draft_training
    title: Draft a training with the user
    description: What the prompt is for (shown in clients' prompt pickers).
    arguments:
      - name: topic
        description: What the training is about.
        required: true
      - name: audience
        description: Who it is for.
        default: not given yet (ask the user)
    faces: [mcp]
    ---
    The text, where $topic and ${audience} are replaced by the arguments' values.
    {{include training_limits}}

Values are inserted as they are given (`string.Template`, so braces in the text stay as written,
and a `$` inside a value is never expanded again).

`faces` says who serves a prompt: `mcp` (an MCP prompt), `slack` (the Slack app's drafting), or
both. A file with `kind: fragment` is never served on its own: it is text that other files pull in
with a line `{{include NAME}}` (indented as that line is), so that a rule (Lucca's limits, the
meaning of the levels) is written once and every face states it in the same words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from string import Template

import yaml

PROMPTS_DIR = Path(__file__).parent
HEADER_FENCE = "---"
FACES = ("mcp", "slack")
PROMPT, FRAGMENT = "prompt", "fragment"
_INCLUDE = re.compile(
    r"^(?P<indent>[ \t]*)\{\{include (?P<name>[a-z0-9_]+)\}\}[ \t]*$", re.MULTILINE
)


class PromptFileError(ValueError):
    """A prompt file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class PromptArgument:
    name: str
    description: str
    required: bool = False
    default: str = ""


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    title: str
    description: str
    arguments: tuple[PromptArgument, ...]
    text: str
    faces: tuple[str, ...] = ("mcp",)
    kind: str = PROMPT

    def render(self, values: Mapping[str, str | None]) -> str:
        """The text with each argument's value (or its default); `KeyError` for a missing one."""
        given = {name: (value or "").strip() for name, value in values.items()}
        missing = [a.name for a in self.arguments if a.required and not given.get(a.name)]
        if missing:
            raise KeyError(f"{self.name} needs: {', '.join(missing)}")
        filled = {a.name: given.get(a.name) or a.default for a in self.arguments}
        return Template(self.text).substitute(filled)


@cache
def load_prompts(directory: Path = PROMPTS_DIR) -> dict[str, PromptTemplate]:
    """Every prompt (not the fragments), with the fragments it includes written in."""
    files: dict[str, tuple[Path, PromptTemplate]] = {}
    for path in sorted(directory.glob("*.md")):
        template = parse_prompt_file(path)
        if template.name in files:
            raise PromptFileError(f"two prompt files are named {template.name!r}")
        files[template.name] = (path, template)
    fragments = {name: t for name, (_, t) in files.items() if t.kind == FRAGMENT}
    prompts: dict[str, PromptTemplate] = {}
    for name, (path, template) in files.items():
        if template.kind == PROMPT:
            prompts[name] = replace(template, text=_included(path, template.text, fragments))
            _check_placeholders(path, prompts[name])
    return prompts


def prompts_for(face: str, directory: Path = PROMPTS_DIR) -> dict[str, PromptTemplate]:
    """The prompts one face serves (`mcp` or `slack`), by name."""
    if face not in FACES:
        raise ValueError(f"unknown face {face!r} (known: {', '.join(FACES)})")
    return {name: t for name, t in load_prompts(directory).items() if face in t.faces}


def _included(path: Path, text: str, fragments: Mapping[str, PromptTemplate]) -> str:
    """The text with each `{{include NAME}}` line replaced by that fragment, indented alike."""

    def fragment(match: re.Match[str]) -> str:
        name, indent = match.group("name"), match.group("indent")
        if name not in fragments:
            raise PromptFileError(f"{path.name}: includes {name!r}, which is not a fragment file")
        lines = fragments[name].text.rstrip("\n").split("\n")
        return "\n".join(indent + line if line else line for line in lines)

    return _INCLUDE.sub(fragment, text)


def parse_prompt_file(path: Path) -> PromptTemplate:
    raw = path.read_text(encoding="utf-8")
    parts = raw.split(f"\n{HEADER_FENCE}\n", 1)
    if not raw.startswith(f"{HEADER_FENCE}\n") or len(parts) != 2:
        raise PromptFileError(f"{path.name}: expected a YAML header between '---' lines")
    header = yaml.safe_load(parts[0].removeprefix(f"{HEADER_FENCE}\n")) or {}
    kind = str(header.get("kind", PROMPT))
    faces = tuple(str(face) for face in header.get("faces", ["mcp"]) or ())
    if kind not in (PROMPT, FRAGMENT):
        raise PromptFileError(f"{path.name}: kind must be {PROMPT} or {FRAGMENT}")
    if kind == PROMPT and (not faces or set(faces) - set(FACES)):
        raise PromptFileError(f"{path.name}: faces must list some of {', '.join(FACES)}")
    try:
        arguments = tuple(
            PromptArgument(
                name=str(arg["name"]),
                description=str(arg.get("description", "")),
                required=bool(arg.get("required", False)),
                default=str(arg.get("default", "")),
            )
            for arg in header.get("arguments") or ()
        )
        template = PromptTemplate(
            name=str(header["name"]),
            title=str(header.get("title", header["name"])),
            description=str(header["description"]),
            arguments=arguments,
            text=parts[1].strip() + "\n",
            faces=faces if kind == PROMPT else (),
            kind=kind,
        )
    except (KeyError, TypeError) as exc:
        raise PromptFileError(f"{path.name}: the header lacks {exc}") from None
    if kind == FRAGMENT and (arguments or _INCLUDE.search(template.text)):
        raise PromptFileError(f"{path.name}: a fragment takes no arguments and includes nothing")
    if kind == PROMPT and not _INCLUDE.search(template.text):
        _check_placeholders(path, template)
    return template


def _check_placeholders(path: Path, template: PromptTemplate) -> None:
    """Every $name in the text is a declared argument, and every argument is used."""
    used = {
        match.group("named") or match.group("braced")
        for match in Template.pattern.finditer(template.text)
        if match.group("named") or match.group("braced")
    }
    declared = {argument.name for argument in template.arguments}
    if used != declared:
        raise PromptFileError(
            f"{path.name}: placeholders {sorted(used)} do not match arguments {sorted(declared)}"
        )
