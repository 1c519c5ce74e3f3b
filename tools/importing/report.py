"""The import's report: one entry per row of the file, in its order, as CSV or JSON.

Each entry: the row's line, its title, its outcome (`sending.OUTCOMES`), the training's id and
catalog status when it is in the catalog, and the error. The JSON report also gives each invalid
field with its code, limit and what was given (`FieldError`), for a script to act on.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

from tools.importing.sending import RowOutcome

CSV_COLUMNS = ("line", "title", "outcome", "id", "catalogStatus", "error")


def report_entries(outcomes: list[RowOutcome]) -> list[dict[str, Any]]:
    entries = []
    for outcome in sorted(outcomes, key=lambda o: o.line):
        entry: dict[str, Any] = {
            "line": outcome.line,
            "title": outcome.title,
            "outcome": outcome.outcome,
            "id": outcome.training_id,
            "catalogStatus": outcome.catalog_status,
            "error": outcome.error or None,
        }
        if outcome.outcome == "invalid" and outcome.checked is not None:
            entry["fields"] = [
                {
                    "field": error.field,
                    "code": error.code,
                    "limit": error.limit,
                    "got": error.got,
                    "message": error.message,
                }
                for error in outcome.checked.errors
            ]
        entries.append(entry)
    return entries


def write_report(path: Path, outcomes: list[RowOutcome]) -> None:
    """JSON for a `.json` path, CSV (UTF-8 with BOM, so that Excel reads the accents) otherwise."""
    entries = report_entries(outcomes)
    if path.suffix.lower() == ".json":
        text = json.dumps(entries, indent=2, ensure_ascii=False) + "\n"
        path.write_text(text, encoding="utf-8")
        return
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for entry in entries:
        writer.writerow({key: "" if value is None else value for key, value in entry.items()})
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")


def tally(outcomes: list[RowOutcome]) -> Counter[str]:
    return Counter(outcome.outcome for outcome in outcomes)
