"""The fault matrix through `lucca-training create --output json`, a real process.

A lost answer makes the core wait, for real here, until Lucca's own 5 s abort before it looks the
training up, so the rows that lose an answer take 5 s each: the CLI runs every row that does not,
and a few that do (`CLI_SETTLING`); the in-process faces run them all.
"""

import json
import subprocess
import time

import pytest

from tests.faults.matrix import CASES, DRAFT, FIRST_NEW_ID, RAW_HTML, Case, Witness, case_ids
from tests.servers import clean_env
from tests.support import CONSOLE_SCRIPT, SANDBOX_KEY
from tools.core.lucca_api import SERVER_TIMEOUT_SECONDS
from tools.sandbox.runner import SandboxServer

EXIT_OK, EXIT_FAILURE, EXIT_INVALID = 0, 1, 2
# Refused before anything was sent, like invalid input: the input must change.
EXIT_FOR_KIND = {"duplicate": EXIT_INVALID}
# Short for the rows where Lucca is slow on purpose (SLOW_ANSWER_SECONDS is far past it); for the
# others a safety net, since a real process on a loaded machine can take over a second per request.
CLI_TIMEOUT_SECONDS = "1"
CLI_WAIT_SECONDS = "10"
CLI_SETTLING = {
    "a slow answer past the timeout",
    "connection reset after the request",
    "connection reset before the request",
    "lost answer, and the lookup fails too",
}
CLI_CASES = [case for case in CASES if not case.settles or case.id in CLI_SETTLING]


def create(sandbox: SandboxServer, cwd: str, slow: bool) -> subprocess.CompletedProcess[str]:
    env = {
        "LUCCA_BASE_URL": sandbox.base_url,
        "LUCCA_API_KEY": SANDBOX_KEY,
        "LUCCA_TIMEOUT_SECONDS": CLI_TIMEOUT_SECONDS if slow else CLI_WAIT_SECONDS,
    }
    return subprocess.run(
        [str(CONSOLE_SCRIPT), "create", "--json", "-", "--output", "json"],
        input=json.dumps(DRAFT),
        capture_output=True,
        text=True,
        env=clean_env(env),
        cwd=cwd,
        timeout=60,
    )


@pytest.mark.parametrize("case", CLI_CASES, ids=case_ids(CLI_CASES))
def test_cli_create_under_each_fault(
    case: Case, sandbox: SandboxServer, witness: Witness, tmp_path
):
    witness.prepare(case)

    started = time.monotonic()
    done = create(sandbox, str(tmp_path), case.slow)
    took = time.monotonic() - started

    for output in (done.stdout, done.stderr):
        assert "Traceback" not in output and not RAW_HTML.search(output), output
    answer = json.loads(done.stdout)
    if case.succeeds:
        assert done.returncode == EXIT_OK, done.stderr
        assert (answer["outcome"], answer["id"]) == (case.outcome, FIRST_NEW_ID)
        if case.outcome == "recovered":
            assert "lost" in answer["summary"]
    else:
        assert done.returncode == EXIT_FOR_KIND.get(case.outcome, EXIT_FAILURE), done.stderr
        error = answer["error"]
        assert (error["kind"], error["safeToRetry"]) == (case.outcome, case.safe_to_retry)
        for pattern in case.says:
            assert pattern.search(error["message"]), error
        assert {f["field"] for f in error["fields"] or []} >= set(case.fields), error
        assert done.stderr.startswith("error: ")  # the text still goes to stderr
        for name in case.fields:
            assert f"{name} (--{name})" in done.stderr
    if case.settles:  # a real process really waits for Lucca's abort before looking it up
        assert took >= SERVER_TIMEOUT_SECONDS
    witness.check(case)
