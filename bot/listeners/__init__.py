"""Bolt listeners, grouped by kind; `bot.app.register` wires them to Slack's ids."""
