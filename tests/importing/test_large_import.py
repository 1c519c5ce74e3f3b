"""300 rows against a tenant's budget, and an import stopped with Ctrl-C then run again.

Lucca allows 50 requests per 60 s; at that scale these tests would take six minutes each, so the
sandbox and the pacer share a window scaled down to 3 s (the same request counts: 50 per window).
Not shorter: the in-process sandbox answers some 35 requests a second on a busy machine, and the
limit must be what holds the import back, not the sandbox's speed. bench/import_300.py measures
the same with the sandbox in its own process.

No 429 at all: the pacer lets a request go only once the one it waits behind has left Lucca's
window, counted from that one's answer (the sandbox, like Lucca, counts a request when it handles
it, which for the end of a burst of 50 can be a second after it was let go).
"""

import json
import signal
import subprocess
from collections import Counter

import pytest

from tests.importing.files import catalog, french_row, write_csv
from tests.servers import clean_env
from tests.support import CONSOLE_SCRIPT, SANDBOX_KEY, posts
from tools.cli.main import main
from tools.sandbox.config import SandboxConfig
from tools.sandbox.runner import SandboxServer

RATE, WINDOW = 50, 3.0
ROWS = 300


@pytest.fixture
def limited_sandbox():
    config = SandboxConfig(api_key=SANDBOX_KEY, rate_limit=RATE, window_seconds=WINDOW)
    with SandboxServer(config) as server:
        yield server


@pytest.fixture
def scaled_env(limited_sandbox, tmp_path):
    return {
        "LUCCA_BASE_URL": limited_sandbox.base_url,
        "LUCCA_API_KEY": SANDBOX_KEY,
        "LUCCA_RATE_LIMIT": str(RATE),
        "LUCCA_RATE_WINDOW_SECONDS": str(WINDOW),
    }


@pytest.fixture
def three_hundred(tmp_path):
    return write_csv(tmp_path / "catalogue.csv", [french_row(n) for n in range(1, ROWS + 1)])


def created_posts(sandbox) -> list[dict]:
    return [entry for entry in posts(sandbox) if entry["status"] == 201]


def imported_titles(sandbox) -> Counter:
    return Counter(t["title"] for t in catalog(sandbox) if t["title"].startswith("Formation n°"))


def test_300_rows_on_50_per_window_create_300_once_and_none_fails(
    limited_sandbox, scaled_env, three_hundred, monkeypatch, tmp_path, capsys
):
    monkeypatch.chdir(tmp_path)
    for name, value in scaled_env.items():
        monkeypatch.setenv(name, value)
    report = tmp_path / "report.json"
    assert main(["import", str(three_hundred), "--report", str(report)]) == 0
    out = capsys.readouterr().out
    assert f"[{ROWS}/{ROWS}]" in out and "Done: 300 rows: 300 created" in out
    assert "0 failed, 0 not sent." in out
    log = limited_sandbox.requests_log()
    assert len(created_posts(limited_sandbox)) == ROWS
    assert {entry["status"] for entry in log} <= {200, 201}  # no 429, not even one waited out
    # The duplicate lookups go in batches: a few reads for the 300, not one each.
    assert sum(1 for entry in log if entry["method"] == "GET") <= 10
    entries = json.loads(report.read_text(encoding="utf-8"))
    assert Counter(entry["outcome"] for entry in entries) == {"created": ROWS}
    assert len({entry["id"] for entry in entries}) == ROWS
    titles = imported_titles(limited_sandbox)
    assert len(titles) == ROWS and set(titles.values()) == {1}


def test_stopped_with_ctrl_c_after_about_100_then_run_again_ends_with_300_once(
    limited_sandbox, scaled_env, three_hundred, tmp_path
):
    first_report, second_report = tmp_path / "first.json", tmp_path / "second.json"
    command = [str(CONSOLE_SCRIPT), "import", str(three_hundred)]
    process = subprocess.Popen(
        [*command, "--report", str(first_report)],
        env=clean_env(scaled_env),
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen = []
    for line in process.stdout:  # the progress lines: wait for the 100th row, not for a time
        seen.append(line)
        if line.startswith(f"[100/{ROWS}]"):
            process.send_signal(signal.SIGINT)
            break
    else:
        pytest.fail("the import ended before 100 rows:\n" + "".join(seen[-5:]))
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "Stopping after the creations already sent" in err
    assert "Run the same command again to go on" in err
    first = json.loads(first_report.read_text(encoding="utf-8"))
    first_created = {e["line"] for e in first if e["outcome"] == "created"}
    assert 100 <= len(first_created) < ROWS
    assert {e["outcome"] for e in first} == {"created", "not_sent"}
    assert len(created_posts(limited_sandbox)) == len(first_created)

    again = subprocess.run(
        [*command, "--report", str(second_report)],
        env=clean_env(scaled_env),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0, again.stderr
    second = json.loads(second_report.read_text(encoding="utf-8"))
    second_created = {e["line"] for e in second if e["outcome"] == "created"}
    existing = {e["line"] for e in second if e["outcome"] == "existing"}
    assert existing == first_created  # the first run's rows are found, not created again
    assert second_created == set(range(2, ROWS + 2)) - first_created
    assert len(created_posts(limited_sandbox)) == ROWS
    # A new process does not know what the last one spent of the window: its first requests may
    # meet a 429, which the core waits out (exit 0 above: no row saw one).
    titles = imported_titles(limited_sandbox)
    assert len(titles) == ROWS and set(titles.values()) == {1}
