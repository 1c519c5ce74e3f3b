"""The MCP Registry entry: valid against the registry's published schema (vendored), and true to
the package it describes (name, version, command, settings, the remote's path and header)."""

import json

import jsonschema
import pytest

from tests.packaging.builds import PYPROJECT, VERSION
from tests.support import ROOT
from tools.core.settings import Settings
from tools.mcp_server.http_app import MCP_PATH

REGISTRY = ROOT / "distribution" / "registry"
SCHEMA = json.loads((REGISTRY / "server.schema.json").read_text(encoding="utf-8"))
ENTRY = json.loads((REGISTRY / "server.json").read_text(encoding="utf-8"))


def packages(kind: str) -> dict:
    (found,) = [p for p in ENTRY["packages"] if p["registryType"] == kind]
    return found


def test_server_json_is_valid_against_the_registry_schema():
    assert ENTRY["$schema"] == SCHEMA["$id"]
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(ENTRY)]
    assert not errors, errors


def test_the_schema_would_catch_a_broken_entry():
    broken = {**ENTRY, "packages": [{**packages("pypi"), "version": "latest"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)


def test_versions_and_names_are_the_package_s():
    assert ENTRY["version"] == VERSION
    assert {p["version"] for p in ENTRY["packages"]} == {VERSION}
    pypi = packages("pypi")
    assert pypi["identifier"] == PYPROJECT["project"]["name"]
    assert pypi["runtimeHint"] == "uvx"
    assert [a["value"] for a in pypi["packageArguments"]] == ["mcp"]
    assert [a["value"] for a in packages("oci")["packageArguments"]] == ["lucca-training", "mcp"]


@pytest.mark.parametrize("kind", ["pypi", "oci"])
def test_environment_variables_are_settings_the_code_reads_and_the_key_is_secret(kind):
    variables = {v["name"]: v for v in packages(kind)["environmentVariables"]}
    assert set(variables) == {"LUCCA_BASE_URL", "LUCCA_API_KEY"}
    assert {name.lower() for name in variables} <= set(Settings.model_fields)
    assert variables["LUCCA_API_KEY"]["isSecret"] is True
    assert not variables["LUCCA_BASE_URL"].get("isSecret")


def test_the_remote_is_streamable_http_at_the_mcp_path_with_a_secret_bearer_header():
    (remote,) = ENTRY["remotes"]
    assert remote["type"] == "streamable-http"
    assert remote["url"].startswith("https://") and remote["url"].endswith(MCP_PATH)
    (header,) = remote["headers"]
    assert header["name"] == "Authorization" and header["value"].startswith("Bearer {")
    assert header["isSecret"] is True
