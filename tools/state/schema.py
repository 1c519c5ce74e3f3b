"""The store's tables, as the latest migration leaves them (`tools.state.migrations`)."""

from __future__ import annotations

from sqlalchemy import Column, Float, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", Float, nullable=False),
)

# One row per submitted modal: its key (view, user) is the double-submit guard of every replica.
slack_journal = Table(
    "slack_journal",
    metadata,
    Column("view_id", String(64), primary_key=True),
    Column("user_id", String(64), primary_key=True),
    Column("team_id", String(64)),
    Column("submission", Text, nullable=False),  # JSON: the draft, what was typed, where to answer
    Column("view", Text, nullable=False),  # JSON: what a repeated submission is answered with
    Column("state", String(16), nullable=False),  # pending | done
    Column("owner", String(64)),  # the process running it while its lease holds
    Column("lease_until", Float, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("created_at", Float, nullable=False),
    Column("finished_at", Float),
    Index("slack_journal_due", "state", "lease_until"),
)

title_leases = Table(
    "title_leases",
    metadata,
    Column("title_key", String(1024), primary_key=True),
    Column("owner", String(64), nullable=False),
    Column("until", Float, nullable=False),
)

rate_slots = Table(
    "rate_slots",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("budget", String(64), nullable=False),
    Column("at", Float, nullable=False),
    Index("rate_slots_by_budget", "budget", "at"),
)

rate_pauses = Table(
    "rate_pauses",
    metadata,
    Column("budget", String(64), primary_key=True),
    Column("until", Float, nullable=False),
)

single_use_tokens = Table(
    "single_use_tokens",
    metadata,
    Column("token_id", String(256), primary_key=True),
    Column("claimed_at", Float, nullable=False),
    Column("expires_at", Float, nullable=False),
    Column("result", Text),
)

# The trainings each Slack user created (from the form, a shortcut or a workflow step), newest
# last: what the Home tab lists. Kept for `slack_history.KEEP_SECONDS`, and a few per user.
slack_creations = Table(
    "slack_creations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("team_id", String(64)),
    Column("user_id", String(64), nullable=False),
    Column("training_id", Integer, nullable=False),
    Column("title", String(1024), nullable=False),
    Column("state", String(64), nullable=False),  # Lucca's catalog status: "Ready" when new
    Column("at", Float, nullable=False),
    Index("slack_creations_by_user", "user_id", "at"),
)
