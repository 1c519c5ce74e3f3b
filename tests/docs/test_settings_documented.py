"""Every setting the code reads is documented once, in docs/settings.md, and in .env.example.

The settings are found, not listed: every pydantic-settings class under `tools` and `bot`, with
each field's environment name (its alias when it has one), so a new setting cannot go undocumented.
"""

import importlib
import pkgutil
import re

from pydantic_settings import BaseSettings

import bot
import tools
from tests.support import ROOT
from tools.core.settings import SECRETS_DIR_VARIABLE

SETTINGS_PAGE = ROOT / "docs" / "settings.md"
ROW = re.compile(r"^\| `([A-Z][A-Z0-9_]+)`", re.MULTILINE)


def settings_classes() -> set[type[BaseSettings]]:
    for package in (tools, bot):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            importlib.import_module(module.name)
    found, todo = set(), [BaseSettings]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith(("tools.", "bot.")):
                found.add(sub)
    return found


def settings_read() -> set[str]:
    names = {SECRETS_DIR_VARIABLE}
    for kind in settings_classes():
        prefix = kind.model_config.get("env_prefix", "")
        for name, field in kind.model_fields.items():
            alias = field.validation_alias or field.alias
            names.add(alias if isinstance(alias, str) else (prefix + name).upper())
    return names


def test_the_settings_classes_are_found():
    assert {kind.__name__ for kind in settings_classes()} >= {
        "Settings",
        "McpSettings",
        "SlackSettings",
        "LlmSettings",
        "OpsSettings",
    }


def test_every_setting_has_exactly_one_row_in_the_settings_page():
    rows = ROW.findall(SETTINGS_PAGE.read_text(encoding="utf-8"))
    read = settings_read()
    undocumented = sorted(read - set(rows))
    twice = sorted({name for name in rows if rows.count(name) > 1})
    unknown = sorted(set(rows) - read)
    assert not undocumented and not twice and not unknown, (undocumented, twice, unknown)


def test_every_setting_is_in_the_env_example():
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    missing = sorted(name for name in settings_read() if f"{name}=" not in example)
    assert not missing, missing
