"""Operations: logs, the audit trail, metrics, readiness and request ids for the servers.

Imports the core only (never `mcp` or `slack_bolt`): the entry points wire these to the faces.
"""
