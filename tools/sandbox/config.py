"""Settings of one sandbox instance."""

from dataclasses import dataclass


@dataclass(frozen=True)
class SandboxConfig:
    """What a sandbox needs to behave like one Lucca tenant.

    rate_limit is Lucca's per-tenant budget (50 requests per 60 s); 0 turns limiting off for
    users who rehearse bulk imports. db_path None keeps trainings in memory for the process's
    lifetime; a file path makes them survive restarts.
    """

    api_key: str
    rate_limit: int = 50
    window_seconds: float = 60.0
    db_path: str | None = None

    def __post_init__(self) -> None:
        # An empty key would accept a bare "lucca application=" header: refuse it early.
        if not self.api_key:
            raise ValueError("api_key must not be empty")
        if self.rate_limit < 0:
            raise ValueError("rate_limit must be 0 (unlimited) or more")
        if self.window_seconds <= 0:
            raise ValueError("window_seconds must be positive")
