"""The store: what replicas share and what must outlive a process, on SQLite or PostgreSQL.

`STATE_URL` picks it (`tools.state.settings`): a SQLite file by default, in memory for `--sandbox`
and the demo, PostgreSQL for several replicas. `open_store` (`tools.state.store`) creates and
migrates the schema at start (`tools.state.migrations`). On it: the Slack journal
(`tools.state.journal`), the title lease (`tools.state.title_lease`), the tenant's shared rate
budget (`tools.state.rate_budget`) and single-use tokens (`tools.state.tokens`). The core knows
none of this: it takes the small protocols of `tools.core.coordination`, which these implement.
"""
