"""Hostile input through `lucca-training create`: the parsing in process with generated input,
and a handful of real runs (`--json -`, slow) against a sandbox that must receive nothing."""

import argparse
import json
import subprocess

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.hostile.strategies import BOUNDED, hostile_drafts, with_classic_mistakes
from tests.servers import clean_env
from tests.support import CONSOLE_SCRIPT, SANDBOX_KEY, VALID_DRAFT
from tools.cli import create_command
from tools.core.draft import validate_draft
from tools.core.errors import InvalidDraft
from tools.sandbox.runner import SandboxServer


def parse(stdin: bytes, monkeypatch) -> dict:
    """`create --json -` reading `stdin`, as the command does before validating."""
    parser = argparse.ArgumentParser()
    create_command.add_parser(parser.add_subparsers(), [])
    args = parser.parse_args(["create", "--json", "-"])
    monkeypatch.setattr("sys.stdin", argparse.Namespace(buffer=_Bytes(stdin)))
    return create_command.draft_from_args(args)


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self) -> bytes:
        return self.data


json_bytes = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
        max_leaves=20,
    ).map(lambda value: json.dumps(value).encode()),
)


@BOUNDED
@given(stdin=json_bytes)
def test_any_bytes_on_stdin_give_a_draft_or_a_refusal_naming_the_file(stdin, monkeypatch):
    try:
        draft = parse(stdin, monkeypatch)
    except InvalidDraft as refused:
        assert [error.field for error in refused.field_errors] == ["--json"]
        assert len(str(refused)) < 1000
        return
    try:
        validate_draft(draft)
    except InvalidDraft as invalid:
        assert invalid.field_errors


@BOUNDED
@given(case=hostile_drafts())
@with_classic_mistakes
def test_a_hostile_field_in_the_file_is_refused_by_name(case, monkeypatch):
    draft, broken = case
    try:
        stdin = json.dumps(draft, allow_nan=True).encode()
    except (ValueError, RecursionError):
        return
    value = draft.get(broken)
    if broken in CHOICES and isinstance(value, str) and value.strip().casefold() in CHOICES[broken]:
        validate_draft(parse(stdin, monkeypatch))  # the CLI takes a level or type in any case
        return
    with pytest.raises(InvalidDraft) as refused:
        validate_draft(parse(stdin, monkeypatch))
    assert broken[:57] in {error.field[:57] for error in refused.value.field_errors}


CHOICES = {"level": {"beginner", "middle", "expert"}, "type": {"external", "internal"}}
HOSTILE_RUNS = {
    "10,000 levels of nesting": (
        b'{"title": ' + b'[{"a": ' * 5000 + b'"x"' + b"}]" * 5000 + b"}",
        "--json",
    ),
    "10 MB title": (json.dumps({**VALID_DRAFT, "title": "é" * 10_000_000}).encode(), "title"),
    "numbers and booleans as strings": (
        json.dumps({**VALID_DRAFT, "isMandatory": "true", "providerId": "12"}).encode(),
        "isMandatory",
    ),
    "control characters and a bidi override as the level": (
        json.dumps({**VALID_DRAFT, "level": "Beginner\u202e\x00\x1b[31m"}).encode(),
        "level",
    ),
    "null for a required field": (json.dumps({**VALID_DRAFT, "title": None}).encode(), "title"),
}


@pytest.mark.parametrize("hostile", sorted(HOSTILE_RUNS))
def test_the_cli_refuses_hostile_json_by_name_and_sends_nothing(
    hostile: str, sandbox: SandboxServer, tmp_path
):
    stdin, field = HOSTILE_RUNS[hostile]
    env = {"LUCCA_BASE_URL": sandbox.base_url, "LUCCA_API_KEY": SANDBOX_KEY}
    done = subprocess.run(
        [str(CONSOLE_SCRIPT), "create", "--json", "-", "--output", "json"],
        input=stdin,
        capture_output=True,
        env=clean_env(env),
        cwd=tmp_path,
        timeout=120,
    )

    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2, stderr[:2000]
    assert "Traceback" not in stderr and len(stderr) < 5000
    fields = [error["field"] for error in json.loads(done.stdout)["error"]["fields"]]
    assert field in fields, fields
    assert sandbox.requests_log() == []
