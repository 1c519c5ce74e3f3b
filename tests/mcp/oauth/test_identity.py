"""Who created a training over OAuth: the audit event and the confirmation question name the
person, and no token (nor any part of one) reaches the logs, a result or an error."""

import json

import pytest

from tests.mcp.helpers import UserAtKeyboard, bearer_client, text_of
from tests.mcp.oauth.conftest import ADMINS, CREATE, READ, serve_with_oauth
from tests.support import VALID_DRAFT


def audit_events(stderr: str) -> list[dict]:
    events = []
    for line in stderr.splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and entry.get("event") == "audit":
            events.append(entry)
    return events


@pytest.mark.parametrize("era", ["2026-07-28", "legacy"])
async def test_the_audit_and_the_question_name_the_user_and_no_token_leaks(
    authorization_server, tmp_path, era
):
    user = UserAtKeyboard("accept")
    tokens = []
    results = []
    with serve_with_oauth(authorization_server.issuer, tmp_path, MCP_CONFIRM="always") as server:
        url = f"{server.base_url}/mcp"
        claims = {
            "aud": url,
            "sub": "248289761001",
            "email": "alice@example.com",
            "client_id": "chatgpt-connector",
            "scope": f"{READ} {CREATE}",
            "groups": [ADMINS],
        }
        tokens.append(authorization_server.token(claims))
        async with bearer_client(url, era, tokens[0], user) as session:
            results.append(await session.call_tool("create_training", VALID_DRAFT))
        read_only = authorization_server.token({**claims, "scope": READ})
        tokens.append(read_only)
        async with bearer_client(url, era, read_only, user) as session:
            results.append(await session.call_tool("create_training", VALID_DRAFT))
        expired = authorization_server.token(claims, expires_in=-600)
        tokens.append(expired)
        with pytest.raises(BaseException):  # noqa: B017 - the client's own 401 error
            async with bearer_client(url, era, expired) as session:
                await session.list_tools()
    created, refused = results
    assert not created.is_error, text_of(created)
    assert refused.is_error
    assert len(user.questions) == 1  # the refused caller was not asked to confirm
    assert "Requested by: alice@example.com" in user.questions[0].message

    audit = audit_events(server.stderr)
    assert [(e["outcome"], e["who"]) for e in audit] == [
        ("created", "alice@example.com"),
        ("forbidden", "alice@example.com"),
    ]
    assert (audit[0]["subject"], audit[0]["oauth_client"]) == ("248289761001", "chatgpt-connector")
    everything = server.stderr + "".join(
        text_of(r) + json.dumps(r.structured_content) for r in results
    )
    for token in tokens:
        for part in token.split("."):
            assert part not in everything
