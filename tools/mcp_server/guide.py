"""The server's static resources: the tool's input schema, and a short guide to the fields.

The guide is written from the same constants the core checks, so its numbers cannot drift.
"""

from __future__ import annotations

import json

from tools.core.draft import DESCRIPTION_MAX_LENGTH, SUBTITLE_MAX_LENGTH, TITLE_MAX_LENGTH
from tools.core.result import CATALOG_NOTE
from tools.mcp_server.create_tool import input_schema
from tools.mcp_server.public_names import (
    DRY_RUN,
    LIST_CATEGORIES,
    LIST_PROVIDERS,
    SEARCH_TRAININGS,
    TOOL_NAME,
)
from tools.mcp_server.read_results import TRAINING_URI

SCHEMA_URI = "training://schema"
GUIDE_URI = "training://guide"


def schema_json() -> str:
    return json.dumps(input_schema(), indent=2, ensure_ascii=False)


def guide_markdown() -> str:
    schema = input_schema()
    required = ", ".join(f"`{name}`" for name in schema["required"])
    return f"""\
# Creating a training in Lucca Training

`{TOOL_NAME}` adds one training to the company's catalog. Required: {required}.

| field | what it holds | limit |
| --- | --- | --- |
| `title` | the training's name | {TITLE_MAX_LENGTH} characters |
| `subtitle` | a short summary: for whom, what for | {SUBTITLE_MAX_LENGTH} characters |
| `description` | goals, programme, format, prerequisites | {DESCRIPTION_MAX_LENGTH} characters |
| `level` | `Beginner`, `Middle` or `Expert` | one of these |
| `isCertifying` | whether it leads to an accredited certification | true or false |
| `isMandatory` | whether the law makes it mandatory | true or false |
| `type` | `External` (run by an outside organization) or `Internal` (by employees) | optional |
| `providerId` | the provider's id in the account (`{LIST_PROVIDERS}`) | optional, must exist |
| `categoryId` | the category's id in the account (`{LIST_CATEGORIES}`) | optional, must exist |

Texts are trimmed; they cannot be blank. Characters are counted as Lucca counts them (an emoji
can count as two). Unknown fields are refused. `{DRY_RUN}: true` checks a draft and sends nothing.

## Before drafting: look at the catalog

- `{SEARCH_TRAININGS}` finds the trainings already there (by words of their texts, a provider or
  a category). Search before drafting: the training may exist already (show it to the user rather
  than create a second one), and similar ones show the tone and length to match. Read one in full
  at `{TRAINING_URI}`.
- `{LIST_PROVIDERS}` and `{LIST_CATEGORIES}` turn the names the user gives into ids: pass the
  name as `query` (case and accents do not matter) and, for categories, the user's `language`
  (`fr`, `en`...). Confirm the match with the user. Only providers and categories that some
  training uses can be found; when none matches, leave the id out.

## Levels

- **Beginner**: for finding out about the subject.
- **Middle**: for deepening your knowledge.
- **Expert**: for becoming a specialist.

## Catalog status

A created training is in state **Ready**: it can be referenced by new realized trainings. It is
{CATALOG_NOTE}; the API cannot publish it. **Archived** trainings should no longer be used.

## How the user confirms

The server asks in the first way the client supports: elicitation (the client's question); else
the MCP Apps view (the result is a preview, `awaiting_confirmation`: the user corrects the texts
if needed and clicks Create or Cancel in it; nothing is created before); else the operator's
`MCP_CONFIRM` (`auto` creates, `always` refuses and says why, `never` never asks).

| client declares | the user confirms |
| --- | --- |
| elicitation (VS Code, Goose, Claude Desktop) | in the client's question |
| MCP Apps, no elicitation (claude.ai, ChatGPT) | in the preview view |
| neither | not asked: `MCP_CONFIRM` decides |

A declined question is the user's no. A cancelled one may be the client's (the question was never
shown): show the draft in the conversation, ask, and call again if the user agrees.

## When something fails

- Invalid input: every bad field is named with its limit, and nothing was sent. Fix and call again.
- Rate-limited (429): the account's 50 requests a minute are used up; retry after the time given.
- Outcome unknown (timeout or dropped answer): the training may exist. Check the catalog before
  calling again, or you may create it twice.
- Authentication (401/403): the server's Lucca API key is wrong or lacks rights; tell the operator.
"""
