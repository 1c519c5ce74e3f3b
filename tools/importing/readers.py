"""Reading a spreadsheet into rows: CSV, XLSX (first sheet or a named one) and JSON Lines.

A row keeps the line a person finds it on (the header is line 1 in a CSV or a sheet; a JSON Lines
file counts its physical lines), and its cells under the headers as written. Values are not
interpreted here (`columns.py` does that), only decoded: CSV text in UTF-8 (with or without BOM),
UTF-16 with a BOM, or else Windows-1252 as Excel writes it in France; the delimiter is the one of
`;`, `,`, tab and `|` that the header line uses most.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMATS = ("csv", "xlsx", "jsonl")
_FORMAT_OF_SUFFIX = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
DELIMITERS = (";", ",", "\t", "|")
MAX_FILE_BYTES = 50 * 1024 * 1024  # a catalog of trainings is far smaller; a mistake is not


class UnreadableFile(Exception):
    """The file as a whole cannot be read (no row is checked): `str()` says why, for people."""


@dataclass(frozen=True)
class SourceRow:
    line: int
    cells: dict[str, Any]
    error: str | None = None  # this line could not be read (a JSON Lines line that is not JSON)


@dataclass(frozen=True)
class Sheet:
    headers: list[str]
    rows: list[SourceRow]
    described: str  # how it was read, for people: "CSV, Windows-1252, ';'"
    notes: list[str] = field(default_factory=list)


def format_of(path: Path, given: str | None) -> str:
    if given:
        return given
    found = _FORMAT_OF_SUFFIX.get(path.suffix.lower())
    if found is None:
        raise UnreadableFile(
            f"cannot tell the format of {path.name} from its name: use --format "
            f"({', '.join(FORMATS)})"
        )
    return found


def read_sheet(path: Path, *, format: str | None = None, sheet: str | None = None) -> Sheet:
    kind = format_of(path, format)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableFile(f"{path.name} is {size // 2**20} MiB, more than the 50 MiB read")
        if kind == "xlsx":
            return _read_xlsx(path, sheet)
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"cannot read {path}: {exc.strerror or exc}") from None
    if sheet is not None:
        raise UnreadableFile("--sheet is for XLSX files only")
    return _read_csv(raw) if kind == "csv" else _read_json_lines(raw)


def _decode(raw: bytes) -> tuple[str, str]:
    for bom, encoding, name in (
        (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"),
        (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
    ):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), name
            except UnicodeDecodeError:
                raise UnreadableFile(f"the file starts as {name} but is not") from None
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        # Not UTF-8: Excel's "CSV (séparateur: point-virgule)" in France writes Windows-1252.
        return raw.decode("cp1252", errors="replace"), "Windows-1252"


def _read_csv(raw: bytes) -> Sheet:
    text, encoding = _decode(raw)
    first_line = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first_line.count)
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    shown = {"\t": "tab"}.get(delimiter, repr(delimiter))
    return _table(records, f"CSV, {encoding}, delimiter {shown}")


def _read_xlsx(path: Path, name: str | None) -> Sheet:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UnreadableFile(f"{path.name} is not an XLSX workbook ({exc})") from None
    try:
        if name is None:
            worksheet = book.worksheets[0]
        elif name in book.sheetnames:
            worksheet = book[name]
        else:
            sheets = ", ".join(book.sheetnames)
            raise UnreadableFile(f"{path.name} has no sheet named {name!r} (its sheets: {sheets})")
        records = [list(row) for row in worksheet.iter_rows(values_only=True)]
        return _table(records, f"XLSX, sheet {worksheet.title!r}")
    finally:
        book.close()


def _table(records: list[list[Any]], described: str) -> Sheet:
    """Header on line 1; blank lines skipped; a cell without a header is named by its column."""
    if not records or not any(_filled(value) for value in records[0]):
        raise UnreadableFile("the first line must hold the column headers, and it is empty")
    headers = [
        str(value).strip() if _filled(value) else f"(column {number})"
        for number, value in enumerate(records[0], start=1)
    ]
    repeated = sorted({h for h in headers if headers.count(h) > 1})
    if repeated:
        raise UnreadableFile(f"the column {repeated[0]!r} appears more than once in the header")
    rows = []
    for line, values in enumerate(records[1:], start=2):
        if not any(_filled(value) for value in values):
            continue
        cells: dict[str, Any] = {}
        for number, value in enumerate(values, start=1):
            header = headers[number - 1] if number <= len(headers) else f"(column {number})"
            if _filled(value):
                cells[header] = value
        rows.append(SourceRow(line, cells))
    used = {header for row in rows for header in row.cells}
    headers += sorted(used - set(headers))
    return Sheet(headers, rows, described)


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _read_json_lines(raw: bytes) -> Sheet:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFile("a JSON Lines file must be UTF-8 text") from None
    rows: list[SourceRow] = []
    headers: dict[str, None] = {}
    for line, content in enumerate(text.splitlines(), start=1):
        if not content.strip():
            continue
        try:
            data = json.loads(content)
        except (ValueError, RecursionError) as exc:
            rows.append(SourceRow(line, {}, f"is not valid JSON ({_short(exc)})"))
            continue
        if not isinstance(data, dict):
            rows.append(SourceRow(line, {}, "must be a JSON object with the training's fields"))
            continue
        headers.update(dict.fromkeys(str(key) for key in data))
        rows.append(SourceRow(line, {str(key): value for key, value in data.items()}))
    return Sheet(list(headers), rows, "JSON Lines")


def _short(exc: Exception) -> str:
    message = getattr(exc, "msg", None) or str(exc)
    return message if len(message) <= 80 else message[:77] + "..."
