"""The baseline for the MCP benches: a bare SDK server with one trivial tool.

Over stdio by default (bench/mcp_startup.py); `--http PORT` serves streamable HTTP at /mcp on
127.0.0.1 instead (bench/mcp_overhead.py). Nothing else is imported, so what it costs is what any
`MCPServer` costs on this machine. It lives outside bench/*.py so that `make bench` never runs it.
"""

import argparse

import anyio
from mcp.server import MCPServer

server = MCPServer("bare", log_level="WARNING")


@server.tool()
def add(a: int, b: int) -> int:
    """Add two numbers."""
    return a + b


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--http", type=int, metavar="PORT", help="serve HTTP on this port")
    port = parser.parse_args().http
    if port is None:
        anyio.run(server.run_stdio_async)
    else:
        anyio.run(lambda: server.run_streamable_http_async(host="127.0.0.1", port=port))


if __name__ == "__main__":
    main()
