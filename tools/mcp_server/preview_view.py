"""The MCP Apps view of a preview: one self-contained HTML page, served as a `ui://` resource.

The page (`ui/preview.html`, its script and style inlined) loads nothing from anywhere: its own
content security policy allows no remote origin, and so does the resource's `_meta.ui.csp`.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

from mcp.server.apps import Apps, ResourceCsp

from tools.core.draft import DESCRIPTION_MAX_LENGTH, SUBTITLE_MAX_LENGTH, TITLE_MAX_LENGTH
from tools.mcp_server.public_names import COMMIT_TOOL_NAME, TOOL_NAME, VIEW_URI

UI_FILES = files("tools.mcp_server") / "ui"


@cache
def preview_html() -> str:
    page = (UI_FILES / "preview.html").read_text(encoding="utf-8")
    script = (UI_FILES / "preview.js").read_text(encoding="utf-8")
    style = (UI_FILES / "preview.css").read_text(encoding="utf-8")
    limits = {
        "title": TITLE_MAX_LENGTH,
        "subtitle": SUBTITLE_MAX_LENGTH,
        "description": DESCRIPTION_MAX_LENGTH,
    }
    script = (
        script.replace("/*PREVIEW_LIMITS*/", json.dumps(limits))  # the core's, not restated
        .replace("/*COMMIT_TOOL*/", json.dumps(COMMIT_TOOL_NAME))
        .replace("/*CREATE_TOOL*/", json.dumps(TOOL_NAME))
    )
    return page.replace("/*PREVIEW_CSS*/", style).replace("/*PREVIEW_JS*/", script)


def register_preview_view(apps: Apps) -> None:
    apps.add_html_resource(
        VIEW_URI,
        preview_html(),
        name="preview",
        title="Training preview",
        description="Check a training before it is created; Create or Cancel.",
        csp=ResourceCsp(connect_domains=[], resource_domains=[]),
        prefers_border=True,
    )
