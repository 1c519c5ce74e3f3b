"""The command line offers a flag for every field of the tool, and names it in errors."""

from tools.cli.fields import FLAG_FOR_FIELD, dest_of, flag_hint
from tools.cli.main import build_parser
from tools.core.draft import FIELD_NAMES


def test_every_field_has_a_flag_the_parser_knows():
    assert set(FLAG_FOR_FIELD) == set(FIELD_NAMES)
    create = build_parser()._subparsers._group_actions[0].choices["create"]
    dests = {action.dest for action in create._actions}
    assert {dest_of(field) for field in FIELD_NAMES} <= dests


def test_boolean_fields_are_named_with_both_forms():
    assert flag_hint("isMandatory") == "--mandatory/--no-mandatory"
    assert flag_hint("providerId") == "--provider-id"
    assert flag_hint("--json") is None
