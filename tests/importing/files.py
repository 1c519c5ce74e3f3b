"""Spreadsheets as people make them, written by the tests: French headers and values."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path
from typing import Any

import httpx

from tests.support import SANDBOX_KEY

FRENCH_HEADERS = [
    "Titre", "Sous-titre", "Description", "Niveau", "Certifiante", "Obligatoire", "Type",
    "Organisme", "Catégorie",
]  # fmt: skip


def french_row(number: int, **changes: Any) -> dict[str, Any]:
    row = {
        "Titre": f"Formation n°{number:03d} : sécurité électrique",
        "Sous-titre": "Habilitation électrique, première étape",
        "Description": "Deux journées de théorie et de pratique encadrée, évaluation comprise.",
        "Niveau": ("Débutant", "Intermédiaire", "Expert")[number % 3],
        "Certifiante": ("oui", "non")[number % 2],
        "Obligatoire": ("x", "non")[number % 2],
        "Type": ("Externe", "Interne")[number % 2],
        "Organisme": "L'Élan Français",
        "Catégorie": "Santé et sécurité",
    }
    row.update(changes)
    return row


def write_csv(
    path: Path,
    rows: list[dict[str, Any]],
    *,
    encoding: str = "utf-8-sig",
    delimiter: str = ",",
    headers: list[str] | None = None,
) -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, headers or FRENCH_HEADERS, delimiter=delimiter,
                            lineterminator="\r\n")  # fmt: skip
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[Any]], sheet: str = "Formations") -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Notes"
    book.active.append(["Ce classeur contient le catalogue dans la feuille suivante."])
    worksheet = book.create_sheet(sheet)
    for row in rows:
        worksheet.append(row)
    book.save(path)
    return path


def write_json_lines(path: Path, rows: list[Any]) -> Path:
    lines = [row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def catalog(sandbox) -> list[dict[str, Any]]:
    """Every training the sandbox holds, read over its API page by page (not through our code)."""
    found: list[dict[str, Any]] = []
    headers = {"Authorization": f"lucca application={SANDBOX_KEY}"}
    with httpx.Client(base_url=sandbox.base_url, trust_env=False, headers=headers) as http:
        for page in range(1, 100):
            answer = http.get(
                "/talent-training/api/v1/trainings", params={"page": page, "limit": 100}
            )
            while answer.status_code == 429:  # the import used the budget: wait as Lucca says
                time.sleep(float(answer.headers["Retry-After"]))
                answer = http.get(answer.request.url)
            answer.raise_for_status()
            items = answer.json()["items"]
            found += items
            if len(items) < 100:
                return found
    raise AssertionError("the catalog is larger than this helper reads")
