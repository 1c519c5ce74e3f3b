"""Real files as people make them: CSV (UTF-8 with BOM, Windows-1252 with `;`), XLSX, JSON Lines."""

from datetime import datetime

import pytest

from tests.importing.files import french_row, write_csv, write_json_lines, write_xlsx
from tools.importing.columns import ColumnProblem, parse_map, plan_columns, row_values
from tools.importing.readers import UnreadableFile, read_sheet


def fields_of(path, **kwargs):
    sheet = read_sheet(path, **kwargs)
    plan = plan_columns(sheet.headers, kwargs.pop("mapped", {}))
    return sheet, [row_values(row.cells, plan) for row in sheet.rows]


def test_utf8_csv_with_bom_and_french_headers_and_values(tmp_path):
    path = write_csv(tmp_path / "catalogue.csv", [french_row(1), french_row(2)])
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    sheet, rows = fields_of(path)
    assert sheet.described == "CSV, UTF-8 with BOM, delimiter ','"
    assert [row.line for row in sheet.rows] == [2, 3]
    first = rows[0].fields
    assert first == {
        "title": "Formation n°001 : sécurité électrique",
        "subtitle": "Habilitation électrique, première étape",
        "description": "Deux journées de théorie et de pratique encadrée, évaluation comprise.",
        "level": "Middle",
        "isCertifying": False,
        "isMandatory": False,
        "type": "Internal",
    }
    assert rows[0].names == {"providerId": "L'Élan Français", "categoryId": "Santé et sécurité"}
    assert rows[1].fields["level"] == "Expert" and rows[1].fields["isMandatory"] is True


def test_windows_1252_csv_with_semicolons_as_excel_writes_it_in_france(tmp_path):
    path = write_csv(
        tmp_path / "export.csv",
        [french_row(3, Niveau="débutant", Certifiante="OUI", Organisme="12", Catégorie="#2")],
        encoding="cp1252",
        delimiter=";",
    )
    assert "é".encode("cp1252") in path.read_bytes()
    sheet, rows = fields_of(path)
    assert sheet.described == "CSV, Windows-1252, delimiter ';'"
    values = rows[0]
    assert values.fields["title"] == "Formation n°003 : sécurité électrique"
    assert values.fields["level"] == "Beginner" and values.fields["isCertifying"] is True
    assert values.fields["providerId"] == 12 and values.fields["categoryId"] == 2
    assert values.names == {}


def test_xlsx_written_with_openpyxl_named_sheet_typed_cells(tmp_path):
    path = write_xlsx(
        tmp_path / "catalogue.xlsx",
        [
            ["Intitulé", "Sous titre", "DESCRIPTIF", "Niveau", "Certifiante", "Obligatoire",
             "Organisme", "Remarques"],
            ["Gestes et postures", "Prévenir les TMS", "Une demi-journée d'ateliers.", "Expert",
             True, 0, 7.0, "salle B"],
            [None, None, None, None, None, None, None, None],
            ["Word avancé", "Publipostage", "Deux heures.", "intermédiaire", "x", "non",
             "Atelier Numérique", datetime(2026, 1, 5)],
        ],
    )  # fmt: skip
    with pytest.raises(UnreadableFile, match="no sheet named 'Feuil1' \\(its sheets: Notes"):
        read_sheet(path, sheet="Feuil1")
    sheet = read_sheet(path, sheet="Formations")
    plan = plan_columns(sheet.headers, {})
    assert plan.ignored == ("Remarques",)
    assert [row.line for row in sheet.rows] == [2, 4]  # the empty row is skipped, lines kept
    first, second = (row_values(row.cells, plan) for row in sheet.rows)
    assert first.fields == {
        "title": "Gestes et postures",
        "subtitle": "Prévenir les TMS",
        "description": "Une demi-journée d'ateliers.",
        "level": "Expert",
        "isCertifying": True,
        "isMandatory": False,
        "providerId": 7,
    }
    assert second.fields["level"] == "Middle" and second.names == {
        "providerId": "Atelier Numérique"
    }
    # Without --sheet, the first sheet: it has no training columns at all.
    assert read_sheet(path).headers == [
        "Ce classeur contient le catalogue dans la feuille suivante."
    ]


def test_json_lines_with_lucca_names_and_a_broken_line(tmp_path):
    path = write_json_lines(
        tmp_path / "trainings.jsonl",
        [
            {"title": "Négocier", "subtitle": "Préparer", "description": "Trois jours.",
             "level": "Beginner", "isCertifying": False, "isMandatory": True, "providerId": 12},
            "",
            "{pas du json",
            '["a list"]',
        ],
    )  # fmt: skip
    sheet, rows = fields_of(path)
    assert [(row.line, row.error is None) for row in sheet.rows] == [
        (1, True),
        (3, False),
        (4, False),
    ]
    assert rows[0].fields["providerId"] == 12 and rows[0].fields["isMandatory"] is True
    assert "is not valid JSON" in sheet.rows[1].error
    assert "must be a JSON object" in sheet.rows[2].error


def test_values_not_recognised_are_passed_on_as_typed_for_the_core_to_name(tmp_path):
    path = write_csv(tmp_path / "c.csv", [french_row(1, Niveau="Gourou", Certifiante="peut-être")])
    _, rows = fields_of(path)
    assert rows[0].fields["level"] == "Gourou" and rows[0].fields["isCertifying"] == "peut-être"


def test_map_reads_other_headers_and_ignores_some(tmp_path):
    row = {
        "Nom": "Secourisme", "Accroche": "Sauver", "Programme": "Un jour.", "Niveau": "Débutant",
        "Certifiante": "non", "Obligatoire": "oui", "Titre": "ancien",
    }  # fmt: skip
    path = write_csv(tmp_path / "c.csv", [row], headers=list(row))
    mapped = dict([parse_map("NOM=title"), parse_map("Titre=")])
    sheet = read_sheet(path)
    plan = plan_columns(sheet.headers, mapped)
    assert row_values(sheet.rows[0].cells, plan).fields["title"] == "Secourisme"
    assert "Titre" in plan.ignored
    with pytest.raises(ColumnProblem, match="'Nom' and 'Titre' both give title"):
        plan_columns(sheet.headers, {})
    with pytest.raises(ColumnProblem, match="'colour' is not a field"):
        parse_map("Couleur=colour")
    with pytest.raises(ColumnProblem, match="does not have"):
        plan_columns(sheet.headers, {"Durée": "description"})


def test_unreadable_files_are_said_as_such(tmp_path):
    repeated = tmp_path / "r.csv"
    repeated.write_text("Titre;Titre\na;b\n", encoding="utf-8")
    with pytest.raises(UnreadableFile, match="'Titre' appears more than once"):
        read_sheet(repeated)
    with pytest.raises(UnreadableFile, match="use --format"):
        read_sheet(tmp_path / "catalogue.ods")
    not_a_book = tmp_path / "faux.xlsx"
    not_a_book.write_text("hello")
    with pytest.raises(UnreadableFile, match="not an XLSX workbook"):
        read_sheet(not_a_book)
