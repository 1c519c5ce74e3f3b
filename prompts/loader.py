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
    ---
    The text, where $topic and ${audience} are replaced by the arguments' values.

Values are inserted as they are given (`string.Template`, so braces in the text stay as written,
and a `$` inside a value is never expanded again).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Template

import yaml

PROMPTS_DIR = Path(__file__).parent
HEADER_FENCE = "---"


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
    templates = (parse_prompt_file(path) for path in sorted(directory.glob("*.md")))
    prompts: dict[str, PromptTemplate] = {}
    for template in templates:
        if template.name in prompts:
            raise PromptFileError(f"two prompt files are named {template.name!r}")
        prompts[template.name] = template
    return prompts


def parse_prompt_file(path: Path) -> PromptTemplate:
    raw = path.read_text(encoding="utf-8")
    parts = raw.split(f"\n{HEADER_FENCE}\n", 1)
    if not raw.startswith(f"{HEADER_FENCE}\n") or len(parts) != 2:
        raise PromptFileError(f"{path.name}: expected a YAML header between '---' lines")
    header = yaml.safe_load(parts[0].removeprefix(f"{HEADER_FENCE}\n")) or {}
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
        )
    except (KeyError, TypeError) as exc:
        raise PromptFileError(f"{path.name}: the header lacks {exc}") from None
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
