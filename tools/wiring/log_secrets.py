"""Every secret an entry point holds, registered once its settings are read, so that no log line
can show one (`tools.ops.json_logs` redacts them). `serve` and `slack` both call it."""

from __future__ import annotations

from typing import Any

from tools.core.settings import Settings
from tools.ops import json_logs


def register_secrets(
    settings: Settings, *, state_url: str, mcp: Any = None, slack: Any = None, llm: Any = None
) -> None:
    values = [settings.lucca_api_key]
    if mcp is not None:
        values += [mcp.mcp_request_state_keys, mcp.mcp_oauth_introspection_client_secret]
        json_logs.secrets.add(*mcp.auth_tokens().values(), *mcp.request_state_keys())
    if slack is not None:
        values += [slack.slack_bot_token, slack.slack_signing_secret, slack.slack_app_token]
    json_logs.secrets.add(*(v.get_secret_value() for v in values if v is not None))
    if llm is not None:
        json_logs.secrets.add(llm.api_key)
    json_logs.secrets.add(*_url_secrets(state_url))


def _url_secrets(url: str) -> list[str]:
    """STATE_URL and its password, if it has one."""
    from sqlalchemy.engine import make_url

    try:
        password = make_url(url).password
    except Exception:  # not a URL: it is refused later, by name
        password = None
    return [url, *([str(password)] if password else [])]
