"""Settings of one sandbox instance, refused early with messages a person can act on.

`lucca-training sandbox` prints a ValueError's message as it is, so each message names the
command-line option that set the value rather than the Python field.
"""

import math
from dataclasses import dataclass

from tools.sandbox import lucca_facts
from tools.sandbox.modes import ListModes


@dataclass(frozen=True)
class SandboxConfig:
    """What a sandbox needs to behave like one Lucca tenant.

    rate_limit is Lucca's per-tenant budget (50 requests per 60 s); 0 turns limiting off for
    users who rehearse bulk imports. db_path None keeps trainings in memory for the process's
    lifetime; a file path makes them survive restarts (it is opened, and checked, by the store).

    The limits default to Lucca's documented ones; tests lower them to reach them quickly. A
    request still running after server_timeout_seconds is answered 408 (a delay fault before
    processing: nothing stored; after: stored). ignore_search, rotate_cursors and omit_next are
    the starting ListModes (modes.py says what each rehearses).
    """

    api_key: str
    rate_limit: int = lucca_facts.RATE_LIMIT_REQUESTS
    window_seconds: float = lucca_facts.RATE_LIMIT_WINDOW_SECONDS
    db_path: str | None = None
    server_timeout_seconds: float = lucca_facts.SERVER_TIMEOUT_SECONDS
    max_body_bytes: int = lucca_facts.MAX_BODY_BYTES
    max_header_bytes: int = lucca_facts.MAX_HEADER_BYTES
    ignore_search: bool = False
    rotate_cursors: bool = False
    omit_next: bool = False

    @property
    def modes(self) -> ListModes:
        return ListModes(self.ignore_search, self.rotate_cursors, self.omit_next)

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
        if not 0 < self.server_timeout_seconds < math.inf:
            raise ValueError("--server-timeout must be a finite number of seconds, more than 0")
        if self.max_body_bytes < 0:
            raise ValueError("--max-body-bytes must be 0 or more")
        if self.max_header_bytes < 1:
            raise ValueError("--max-header-bytes must be 1 or more")
