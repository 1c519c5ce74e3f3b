"""The prompt files: one loader, a strict header, and texts that agree with the schema."""

import json
import re
from pathlib import Path

import pytest

from prompts.loader import (
    PROMPTS_DIR,
    PromptFileError,
    load_prompts,
    parse_prompt_file,
    prompts_for,
)
from tools.core.draft import LEVELS
from tools.core.spec import training_input_schema
from tools.drafting.answers import DRAFT_KEYS

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


def test_the_shipped_prompts_load_and_each_face_gets_its_own():
    assert set(prompts_for("mcp")) == {"draft_training", "improve_training_description"}
    assert set(prompts_for("slack")) == {
        "draft_from_notes",
        "draft_in_conversation",
        "shorten_draft",
    }
    assert set(load_prompts()) == set(prompts_for("mcp")) | set(prompts_for("slack"))


ALL_PROMPTS = sorted(load_prompts())
FRAGMENT_FILES = ["training_limits.md", "training_levels.md"]


@pytest.mark.parametrize("name", ALL_PROMPTS)
def test_every_limit_a_prompt_states_is_the_schemas(name):
    text = load_prompts()[name].text
    properties = training_input_schema()["properties"]
    stated = re.findall(r"(title|subtitle|description)\W[^\n]*?(\d{3,5}) characters", text)
    if name == "shorten_draft":  # it states no limit itself: the program writes them in
        assert stated == []
        return
    assert stated, "the prompt states no limit"
    for field, number in stated:
        assert int(number) == properties[field]["maxLength"], (field, number)


@pytest.mark.parametrize("name", [n for n in ALL_PROMPTS if n != "shorten_draft"])
def test_every_level_is_defined_as_the_spec_defines_it(name):
    text = load_prompts()[name].text
    meanings = training_input_schema()["properties"]["level"]["description"]
    for level in LEVELS:
        spec_meaning = re.search(rf"`{level}`\s*:\s*(.+)", meanings).group(1).strip().lower()
        assert re.search(rf"{level}[^\n]*{re.escape(spec_meaning)}", text, re.IGNORECASE), level


@pytest.mark.parametrize("name", ALL_PROMPTS)
def test_the_levels_a_json_answer_offers_are_the_schemas(name):
    offered = re.findall(r'"(?:level|suggestedLevel)": "([^"]+)"', load_prompts()[name].text)
    schema_levels = training_input_schema()["properties"]["level"]["enum"]
    for choices in offered:
        assert [c for c in choices.split("|") if c != "unknown"] == schema_levels


@pytest.mark.parametrize("name", ["draft_from_notes", "draft_in_conversation"])
def test_the_slack_prompts_ask_for_the_keys_the_drafting_reads(name):
    examples = re.findall(r"^\{.*\}$", load_prompts()[name].text, re.MULTILINE)
    drafts = [json.loads(example) for example in examples if "title" in example]
    assert drafts, "no JSON draft example"
    for example in drafts:
        assert set(example) - {"reply", "message"} == set(DRAFT_KEYS)


def test_the_rules_are_written_once_and_every_drafting_prompt_includes_them():
    files = {path.name: path.read_text("utf-8") for path in PROMPTS_DIR.glob("*.md")}
    for rule in ("at most 250 characters", "for deepening your knowledge"):
        assert [name for name, text in files.items() if rule in text] in (
            ["training_limits.md"],
            ["training_levels.md"],
        ), rule
    limits = parse_prompt_file(PROMPTS_DIR / "training_limits.md").text.strip()
    for name in ("draft_training", "draft_from_notes", "draft_in_conversation"):
        rendered = load_prompts()[name].text
        assert all(line.strip() in rendered for line in limits.splitlines()), name


def test_mcp_and_slack_render_the_same_fragment_file(tmp_path):
    """Change the fragment: both faces' prompts change with it (one loader, no copy)."""
    for path in PROMPTS_DIR.glob("*.md"):
        (tmp_path / path.name).write_text(path.read_text("utf-8"), encoding="utf-8")
    limits = tmp_path / "training_limits.md"
    limits.write_text(
        limits.read_text("utf-8").replace("aim for under 80", "aim for under 77"), "utf-8"
    )
    mcp, slack = prompts_for("mcp", tmp_path), prompts_for("slack", tmp_path)
    assert "aim for under 77" in mcp["draft_training"].text
    assert "aim for under 77" in slack["draft_from_notes"].text
    assert "aim for under 77" in slack["draft_in_conversation"].text


def test_an_include_is_indented_like_its_line(tmp_path):
    (tmp_path / "rules.md").write_text(
        "---\nname: rules\nkind: fragment\ndescription: d\n---\n- one\n- two\n", "utf-8"
    )
    (tmp_path / "p.md").write_text(
        "---\nname: p\ndescription: d\nfaces: [slack]\n---\nList:\n   {{include rules}}\nEnd.\n",
        "utf-8",
    )
    assert load_prompts(tmp_path)["p"].text == "List:\n   - one\n   - two\nEnd.\n"
    assert set(prompts_for("slack", tmp_path)) == {"p"} and prompts_for("mcp", tmp_path) == {}


@pytest.mark.parametrize(
    ("files", "problem"),
    [
        ({"p.md": "---\nname: p\ndescription: d\n---\n{{include nothing}}\n"}, "not a fragment"),
        ({"p.md": "---\nname: p\ndescription: d\nfaces: [teams]\n---\nx\n"}, "faces must"),
        ({"p.md": "---\nname: p\ndescription: d\nkind: partial\n---\nx\n"}, "kind must"),
        (
            {
                "f.md": "---\nname: f\nkind: fragment\ndescription: d\n---\nCost: $price\n",
                "p.md": "---\nname: p\ndescription: d\n---\n{{include f}}\n",
            },
            "do not match",
        ),
        (
            {
                "f.md": "---\nname: f\nkind: fragment\ndescription: d\narguments:\n"
                "  - name: a\n---\n$a\n"
            },
            "a fragment takes no arguments",
        ),
    ],
)
def test_a_broken_include_or_header_is_refused(tmp_path, files, problem):
    for name, text in files.items():
        (tmp_path / name).write_text(text, "utf-8")
    with pytest.raises(PromptFileError, match=problem):
        load_prompts(tmp_path)
