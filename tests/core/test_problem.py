"""Lucca's error bodies, in both shapes, mapped back to the tool's field names."""

import json

import httpx

from tools.core.draft import FIELD_NAMES
from tools.core.problem import read_problem


def answer(body, content_type="application/problem+json; charset=utf-8", status=400):
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return httpx.Response(status, headers={"content-type": content_type}, content=content)


def test_aspnet_field_keys_map_back_to_the_tool_fields():
    problem = read_problem(
        answer(
            {
                "title": "One or more validation errors occurred.",
                "status": 400,
                "errors": {
                    "Title": ["The Title field is required."],
                    "$.level": ["The JSON value could not be converted. Path: $.level"],
                    "ProviderId": ["Provider 99 does not exist."],
                    "$": ["The input was not valid JSON."],
                },
            }
        ),
        FIELD_NAMES,
    )
    assert [e.field for e in problem.field_errors] == ["title", "level", "providerId", "body"]
    assert problem.title == "One or more validation errors occurred."


def test_legacy_status_message_shape():
    problem = read_problem(
        answer({"Status": 403, "Message": "Forbidden for this application"}, "application/json"),
        FIELD_NAMES,
    )
    assert problem.summary == "Forbidden for this application"
    assert problem.field_errors == ()


def test_html_pages_and_broken_json_yield_nothing_to_show():
    html = answer(b"<html><body>Traceback (most recent call last)</body></html>", "text/html")
    broken = answer(b'{"title": "unterminated', "application/problem+json")
    assert read_problem(html, FIELD_NAMES).summary is None
    assert read_problem(broken, FIELD_NAMES).summary is None


def test_long_texts_are_cut_and_secrets_scrubbed():
    problem = read_problem(
        answer({"title": "key sk-canary-123 refused " + "x" * 1000}),
        FIELD_NAMES,
        secrets=["sk-canary-123"],
    )
    assert "sk-canary-123" not in problem.summary
    assert "[redacted]" in problem.summary
    assert len(problem.summary) <= 300
