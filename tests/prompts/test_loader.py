"""The prompt files: one loader, a strict header, and texts that agree with the schema."""

import re
from pathlib import Path

import pytest

from prompts.loader import PromptFileError, load_prompts, parse_prompt_file
from tools.core.draft import LEVELS
from tools.core.spec import training_input_schema

HEADER = (
    "---\nname: sample\ndescription: A sample.\narguments:\n  - name: topic\n    required: true\n"
)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sample.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_values_fill_placeholders_once_and_defaults_fill_the_rest(tmp_path):
    text = (
        HEADER + "  - name: goal\n    default: be clear\n---\nAbout $topic; {json: 1}; ${goal}.\n"
    )
    template = parse_prompt_file(write(tmp_path, text))
    assert template.render({"topic": "cost $goal"}) == "About cost $goal; {json: 1}; be clear.\n"


def test_a_missing_required_argument_is_named(tmp_path):
    template = parse_prompt_file(write(tmp_path, HEADER + "---\nAbout $topic.\n"))
    with pytest.raises(KeyError, match="topic"):
        template.render({"topic": "   "})


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("No header at all: $topic\n", "YAML header"),
        (HEADER + "---\nAbout $topic and $other.\n", "do not match"),
        (HEADER + "---\nAbout nothing.\n", "do not match"),
        ("---\nname: sample\n---\nText.\n", "lacks 'description'"),
    ],
)
def test_a_broken_prompt_file_is_refused_with_the_reason(tmp_path, text, problem):
    with pytest.raises(PromptFileError, match=problem):
        parse_prompt_file(write(tmp_path, text))


def test_the_shipped_prompts_load():
    assert set(load_prompts()) == {"draft_training", "improve_training_description"}


@pytest.mark.parametrize("name", ["draft_training", "improve_training_description"])
def test_every_limit_a_prompt_states_is_the_schemas(name):
    text = load_prompts()[name].text
    properties = training_input_schema()["properties"]
    stated = re.findall(r"(title|subtitle|description)\W[^\n]*?(\d{3,5}) characters", text)
    assert stated, "the prompt states no limit"
    for field, number in stated:
        assert int(number) == properties[field]["maxLength"], (field, number)


@pytest.mark.parametrize("name", ["draft_training", "improve_training_description"])
def test_every_level_is_defined_as_the_spec_defines_it(name):
    text = load_prompts()[name].text
    meanings = training_input_schema()["properties"]["level"]["description"]
    for level in LEVELS:
        spec_meaning = re.search(rf"`{level}`\s*:\s*(.+)", meanings).group(1).strip().lower()
        assert re.search(rf"{level}[^\n]*{re.escape(spec_meaning)}", text, re.IGNORECASE), level
