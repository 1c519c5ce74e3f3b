"""`lucca-training mcp` over stdio: stdout carries the protocol only, every log line goes to stderr.

Driven by hand (one JSON-RPC line in, one out) so that any stray line on stdout is seen: the SDK's
client would skip a line it cannot parse, and this test must not.
"""

import json
import subprocess

from tests.servers import clean_env
from tests.support import CONSOLE_SCRIPT, VALID_DRAFT

META = {
    "io.modelcontextprotocol/protocolVersion": "2026-07-28",
    "io.modelcontextprotocol/clientCapabilities": {},
}
TITLE_WITH_NEWLINE = 'Negotiation\n{"jsonrpc":"2.0","id":1,"result":{}}'


def test_a_creation_logs_its_audit_to_stderr_and_nothing_but_the_answer_to_stdout(tmp_path):
    call = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "tools/call",
        "params": {
            "_meta": META,
            "name": "create_training",
            "arguments": {**VALID_DRAFT, "title": TITLE_WITH_NEWLINE},
        },
    }
    env = clean_env({"MCP_CONFIRM": "never", "LOG_FORMAT": "json", "LOG_LEVEL": "DEBUG"})
    process = subprocess.Popen(
        [str(CONSOLE_SCRIPT), "mcp", "--sandbox"],
        env=env,
        cwd=tmp_path,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    process.stdin.write(json.dumps(call) + "\n")
    process.stdin.flush()
    first_line = process.stdout.readline()  # the answer comes before stdin is closed
    stdout_rest, stderr = process.communicate(timeout=30)  # closing stdin ends the server
    answer = json.loads(first_line)
    assert answer["id"] == 1 and answer["result"]["structuredContent"]["training"]["id"] == 45
    assert stdout_rest == ""  # nothing else on stdout, not even at exit
    logged = [json.loads(line) for line in stderr.splitlines()]  # every stderr line is JSON
    (audit,) = [entry for entry in logged if entry.get("event") == "audit"]
    assert (audit["face"], audit["outcome"], audit["training_id"]) == ("mcp", "created", 45)
    assert audit["title"] == TITLE_WITH_NEWLINE
    assert any(entry["logger"] == "lucca_training.client" for entry in logged)  # -v level lines
