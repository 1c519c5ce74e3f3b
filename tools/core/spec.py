"""The tool's JSON schema, derived from the vendored Lucca Training OpenAPI spec.

The spec is the single source of truth, but it cannot be used as it is: the length limits live only
in the description texts, `providerId`/`categoryId` appear in the request example and not in the
schema, and read-only fields (`id`, `provider`, `category`) and the server-managed `state` must not
be offered as input. This module reads the spec and writes down what a caller may send.
"""

from __future__ import annotations

import copy
import functools
import re
from pathlib import Path
from typing import Any

import yaml

SPEC_PATH = Path(__file__).with_name("poplee-training.yaml")
TRAINING_SCHEMA_NAME = "v1.Training"
REQUEST_EXAMPLE_NAME = "v1.post.training.req"

# Set by Lucca on creation (always "Ready"); the spec does not mark it read-only, but the API offers
# no way to create an archived training, so it is not an input.
SERVER_MANAGED_FIELDS = frozenset({"state"})

# Lucca ids are int32; 0 and negatives are never valid references.
ID_MINIMUM = 1
ID_MAXIMUM = 2**31 - 1

_MAX_LENGTH_IN_TEXT = re.compile(r"maximum\s+length\s*=\s*(\d+)", re.IGNORECASE)
# "Contains something other than white space": the JSON-schema face of "trimmed, not blank".
NOT_BLANK_PATTERN = r"\S"


@functools.cache
def load_spec(path: Path = SPEC_PATH) -> dict[str, Any]:
    with path.open(encoding="utf-8") as spec_file:
        # libyaml's safe loader when present: ~10x faster, which start-up time notices.
        return yaml.load(spec_file, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def training_input_schema(spec: dict[str, Any] | None = None) -> dict[str, Any]:
    """JSON schema of `create_training`'s input: the writable fields of v1.Training, with limits."""
    spec = load_spec() if spec is None else spec
    training = spec["components"]["schemas"][TRAINING_SCHEMA_NAME]
    properties = {
        name: _input_property(spec, prop)
        for name, prop in training["properties"].items()
        if not prop.get("readOnly") and name not in SERVER_MANAGED_FIELDS
    }
    properties.update(_reference_ids_from_example(spec, training))
    required = list(training["required"])
    ordered = {name: properties[name] for name in required}
    ordered.update((name, prop) for name, prop in properties.items() if name not in ordered)
    return {
        "type": "object",
        "title": training.get("title", "Training"),
        "description": training.get("description", "").strip(),
        "properties": ordered,
        "required": required,
        "additionalProperties": False,
    }


def max_length_in(description: str) -> int | None:
    """The "(maximum length = N characters)" limit the spec writes in prose, if any."""
    match = _MAX_LENGTH_IN_TEXT.search(description)
    return int(match.group(1)) if match else None


def _input_property(spec: dict[str, Any], prop: dict[str, Any]) -> dict[str, Any]:
    resolved = _resolve(spec, prop)
    description = resolved.get("description", "").strip()
    result: dict[str, Any] = {"type": resolved["type"]}
    if "enum" in resolved:
        result["enum"] = list(resolved["enum"])
    if resolved["type"] == "string" and "enum" not in resolved:
        limit = max_length_in(description)
        if limit is None:
            raise ValueError(f"the spec gives no maximum length for: {description!r}")
        result.update(minLength=1, maxLength=limit, pattern=NOT_BLANK_PATTERN)
    if description:
        result["description"] = description
    return result


def _reference_ids_from_example(spec: dict[str, Any], training: dict[str, Any]) -> dict[str, Any]:
    """`providerId`/`categoryId`: from the request example, typed by the object they point to."""
    example = spec["components"]["examples"][REQUEST_EXAMPLE_NAME]["value"]
    found: dict[str, Any] = {}
    for name in example:
        referenced = training["properties"].get(name.removesuffix("Id"))
        if name in training["properties"] or not name.endswith("Id") or referenced is None:
            continue
        id_prop = referenced["properties"]["id"]
        found[name] = {
            "type": id_prop["type"],
            "minimum": ID_MINIMUM,
            "maximum": ID_MAXIMUM,
            "description": f"{id_prop['description']} (optional; must exist in the account)",
        }
    return found


def _resolve(spec: dict[str, Any], prop: dict[str, Any]) -> dict[str, Any]:
    ref = prop.get("$ref")
    if ref is None:
        return prop
    node: Any = spec
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return copy.deepcopy(node)
