"""Settings of one sandbox instance, refused early with messages a person can act on.

`lucca-training sandbox` prints a ValueError's message as it is, so each message names the
command-line option that set the value rather than the Python field.
"""

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class SandboxConfig:
    """What a sandbox needs to behave like one Lucca tenant.

    rate_limit is Lucca's per-tenant budget (50 requests per 60 s); 0 turns limiting off for
    users who rehearse bulk imports. db_path None keeps trainings in memory for the process's
    lifetime; a file path makes them survive restarts (it is opened, and checked, by the store).
    """

    api_key: str
    rate_limit: int = 50
    window_seconds: float = 60.0
    db_path: str | None = None

    def __post_init__(self) -> None:
        # An empty key would accept a bare "lucca application=" header.
        if not self.api_key:
            raise ValueError("--api-key must not be empty")
        # HTTP trims a header value's ends and cannot carry control characters, so such a key
        # could never be sent: every request would get 401 with no hint why.
        if self.api_key != self.api_key.strip() or not self.api_key.isprintable():
            raise ValueError(
                "--api-key must not start or end with spaces or hold control characters"
            )
        if self.rate_limit < 0:
            raise ValueError("--rate-limit must be 0 (no limit) or more")
        if not self.window_seconds > 0:  # written this way so that NaN is refused too
            raise ValueError("--window must be more than 0 seconds")
        if math.isinf(self.window_seconds):
            raise ValueError("--window must be a finite number of seconds")
