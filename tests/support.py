"""Test data and small helpers shared by the test packages."""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
SANDBOX_KEY = "sandbox-test-key-do-not-leak"
EXAMPLE_PATH = ROOT / "examples" / "training.json"
EXAMPLE = json.loads(EXAMPLE_PATH.read_text(encoding="utf-8"))
CONSOLE_SCRIPT = Path(sys.executable).with_name("lucca-training")

# The spec's writable fields, in its order: what every face's input must offer, and nothing else.
WRITABLE_FIELDS = [
    "title",
    "subtitle",
    "description",
    "level",
    "isCertifying",
    "isMandatory",
    "type",
    "providerId",
    "categoryId",
]

VALID_DRAFT = {
    "title": "Negotiation basics",
    "subtitle": "Prepare, open, close",
    "description": "Three half-days of practice.",
    "level": "Beginner",
    "isCertifying": False,
    "isMandatory": True,
}


def posts(sandbox) -> list[dict]:
    """The POSTs the sandbox received, from its own request log."""
    return [entry for entry in sandbox.requests_log() if entry["method"] == "POST"]
