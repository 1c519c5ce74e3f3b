"""`lucca-training import` against a real sandbox: check first, send after, and the report."""

import csv
import io
import json

from tests.importing.files import catalog, french_row, write_csv, write_json_lines
from tests.support import ROOT, SANDBOX_KEY, posts
from tools.cli.main import main

SAMPLE = ROOT / "examples" / "trainings.csv"


def test_the_sample_spreadsheet_is_imported_with_names_resolved(lucca_env, capsys, tmp_path):
    report = tmp_path / "report.json"
    assert main(["import", str(SAMPLE), "--report", str(report)]) == 0
    out = capsys.readouterr().out
    assert "Read 4 rows from trainings.csv (CSV, UTF-8 with BOM, delimiter ';')" in out
    assert "Done: 4 rows: 4 created" in out
    entries = json.loads(report.read_text(encoding="utf-8"))
    assert [(e["line"], e["outcome"]) for e in entries] == [(n, "created") for n in (2, 3, 4, 5)]
    assert all(e["catalogStatus"].startswith("Ready") and e["id"] for e in entries)
    by_title = {t["title"]: t for t in catalog(lucca_env)}
    english = by_title["Anglais professionnel"]
    assert (english["provider"]["id"], english["category"]["id"]) == (12, 2)  # by French name
    assert by_title["Sauveteur secouriste du travail (SST)"]["isMandatory"] is True
    assert by_title["Manager une équipe à distance"]["category"]["id"] == 1  # by id
    assert len(posts(lucca_env)) == 4


def test_every_bad_row_is_named_with_its_line_and_nothing_is_sent(lucca_env, capsys, tmp_path):
    rows = [
        french_row(1, Organisme="12", Catégorie="2"),
        french_row(2, Titre="T" * 251, Organisme="12", Catégorie="2"),
        french_row(3, Niveau="Gourou", Obligatoire="", Organisme="12", Catégorie="2"),
        french_row(4, Organisme="12", Catégorie="2"),
        french_row(1, Organisme="12", Catégorie="2"),  # line 6 repeats line 2
    ]
    path = write_csv(tmp_path / "catalogue.csv", rows)
    report = tmp_path / "report.json"
    assert main(["import", str(path), "--report", str(report)]) == 2
    err = capsys.readouterr().err
    assert "3 of 5 rows cannot be sent:" in err
    assert "line 3: title (column 'Titre'): must be at most 250 characters (got 251)" in err
    assert "line 4: level (column 'Niveau'): must be one of Beginner, Middle, Expert" in err
    assert "isMandatory (column 'Obligatoire'): is required" in err
    assert "line 6: the same training as line 2" in err
    assert "Nothing was sent" in err and "--skip-invalid to send the 2 valid ones" in err
    assert lucca_env.requests_log() == []  # ids only: not even a read
    entries = json.loads(report.read_text(encoding="utf-8"))
    too_long = entries[1]["fields"][0]
    assert (too_long["field"], too_long["code"], too_long["limit"], too_long["got"]) == (
        "title", "too_long", 250, 251,
    )  # fmt: skip
    assert [e["outcome"] for e in entries] == [
        "not_sent", "invalid", "invalid", "not_sent", "duplicate",
    ]  # fmt: skip


def test_skip_invalid_sends_the_valid_rows_and_exits_2(lucca_env, capsys, tmp_path):
    rows = [french_row(1), french_row(2, Organisme="Organisme inconnu"), french_row(3)]
    path = write_csv(tmp_path / "catalogue.csv", rows, encoding="cp1252", delimiter=";")
    report = tmp_path / "report.csv"
    assert main(["import", str(path), "--skip-invalid", "--report", str(report)]) == 2
    err = capsys.readouterr().err
    assert "line 3: providerId (column 'Organisme'): no provider named 'Organisme inconnu'" in err
    assert len(posts(lucca_env)) == 2
    entries = list(csv.DictReader(io.StringIO(report.read_text(encoding="utf-8-sig"))))
    assert list(entries[0]) == ["line", "title", "outcome", "id", "catalogStatus", "error"]
    assert [(e["line"], e["outcome"]) for e in entries] == [
        ("2", "created"), ("3", "invalid"), ("4", "created"),
    ]  # fmt: skip
    assert entries[1]["error"].startswith("providerId: no provider named")


def test_an_ambiguous_name_is_that_rows_error(lucca_env, capsys, tmp_path):
    # "a" is in "Atelier Numérique", "SafeWork Academy" and "L'Élan Français".
    path = write_csv(tmp_path / "c.csv", [french_row(1, Organisme="a")])
    assert main(["import", str(path), "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert "'a' names more than one provider (" in err and "give its id" in err
    assert posts(lucca_env) == []


def test_dry_run_checks_everything_and_sends_nothing(lucca_env, capsys, tmp_path):
    path = write_csv(tmp_path / "c.csv", [french_row(n) for n in range(1, 6)])
    assert main(["import", str(path), "--dry-run"]) == 0
    assert "Checked 5 rows: 5 valid. Nothing was sent (dry run)." in capsys.readouterr().out
    # Names are resolved through the catalog's references: reads only, never a POST.
    assert posts(lucca_env) == []
    assert {entry["method"] for entry in lucca_env.requests_log()} <= {"GET"}


def test_catalog_duplicates_are_skipped_or_reported_and_a_second_run_creates_nothing(
    lucca_env, capsys, tmp_path
):
    rows = [french_row(n, Organisme="12", Catégorie="2") for n in (1, 2, 3)]
    path = write_csv(tmp_path / "c.csv", rows)
    assert main(["import", str(path)]) == 0
    capsys.readouterr()
    rows[1] = {**rows[1], "Description": "Un autre programme, sous le même titre."}
    write_csv(path, rows)
    report = tmp_path / "second.json"
    assert main(["import", str(path), "--report", str(report)]) == 2
    entries = json.loads(report.read_text(encoding="utf-8"))
    assert [e["outcome"] for e in entries] == ["existing", "duplicate", "existing"]
    assert "already has a training titled" in entries[1]["error"]
    assert len(posts(lucca_env)) == 3


def test_json_lines_with_a_broken_line_names_it(lucca_env, capsys, tmp_path):
    path = write_json_lines(tmp_path / "t.jsonl", ["{oops"])
    assert main(["import", str(path), "--dry-run"]) == 2
    assert "line 1: is not valid JSON (Expecting property name" in capsys.readouterr().err


def test_an_unreadable_file_or_a_bad_map_exits_2(lucca_env, capsys, tmp_path):
    assert main(["import", str(tmp_path / "absent.csv")]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main(["import", str(SAMPLE), "--map", "Titre"]) == 2
    assert "must be COLUMN=FIELD" in capsys.readouterr().err


def test_an_xlsx_sheet_is_imported_by_name(lucca_env, capsys, tmp_path):
    from tests.importing.files import write_xlsx

    header = ["Intitulé", "Sous-titre", "Descriptif", "Niveau", "Certifiante", "Obligatoire"]
    rows = [["Gestes et postures", "Prévenir les TMS", "Une demi-journée.", "Avancé", True, "non"]]
    path = write_xlsx(tmp_path / "catalogue.xlsx", [header, *rows], sheet="Formations")
    assert main(["import", str(path), "--sheet", "Formations"]) == 0
    assert "(XLSX, sheet 'Formations')" in capsys.readouterr().out
    created = next(t for t in catalog(lucca_env) if t["title"] == "Gestes et postures")
    assert (created["level"], created["isCertifying"], created["isMandatory"]) == (
        "Expert", True, False,
    )  # fmt: skip


def test_on_a_terminal_the_progress_is_a_bar(lucca_env, tmp_path):
    """A real pseudo-terminal: rich draws its bar with the counts (and no per-row lines)."""
    import os
    import pty
    import subprocess

    from tests.servers import clean_env
    from tests.support import CONSOLE_SCRIPT

    path = write_csv(tmp_path / "c.csv", [french_row(n, Organisme="12") for n in (1, 2, 3)])
    leader, follower = pty.openpty()
    env = clean_env({"LUCCA_BASE_URL": lucca_env.base_url, "LUCCA_API_KEY": SANDBOX_KEY})
    process = subprocess.Popen(
        [str(CONSOLE_SCRIPT), "import", str(path)],
        stdout=follower,
        stderr=subprocess.PIPE,
        env={**env, "COLUMNS": "120", "TERM": "xterm"},
        cwd=tmp_path,
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal's other end closed: the command is done
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    text = shown.decode("utf-8", "replace")
    assert "Importing" in text and "3/3" in text and "3 created, 0 skipped, 0 failed" in text
    assert "[1/3] line" not in text
    assert "Done: 3 rows: 3 created" in text


def test_a_lost_answer_is_recovered_and_a_refused_row_fails_with_lucca_s_words(
    lucca_env, capsys, tmp_path
):
    rows = [
        french_row(1, Organisme="12", Catégorie="2"),
        french_row(2, Organisme="999", Catégorie="2"),  # no such provider: Lucca refuses it
    ]
    path = write_csv(tmp_path / "c.csv", rows)
    # The first POST is stored, then its connection drops: the core finds it in the catalog.
    lucca_env.add_faults({"drop": "after", "method": "POST"})
    report = tmp_path / "report.json"
    assert main(["import", str(path), "--report", str(report)]) == 1
    entries = {e["line"]: e for e in json.loads(report.read_text(encoding="utf-8"))}
    recovered, refused = entries[2], entries[3]
    assert (recovered["outcome"], recovered["catalogStatus"][:5]) == ("recovered", "Ready")
    assert refused["outcome"] == "failed" and "providerId" in refused["error"]
    assert "1 recovered" in capsys.readouterr().out
    titles = [t["title"] for t in catalog(lucca_env)]
    assert titles.count(rows[0]["Titre"]) == 1 and rows[1]["Titre"] not in titles
