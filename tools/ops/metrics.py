"""Prometheus metrics for `serve`, in a registry of their own (not the client library's global one,
so two apps in one process, e.g. in tests, never share or collide).

    lucca_training_creations_total{face, outcome}          one per creation attempt
    lucca_training_lucca_request_seconds{method, status}   each HTTP exchange with Lucca
    lucca_training_rate_limit_wait_seconds{reason}         each wait for the tenant's budget
    lucca_training_http_requests_total{face, status}       requests served: mcp, slack, health
    lucca_training_search_ignored_total{complete}          title searches Lucca answered unfiltered
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.exposition import CONTENT_TYPE_LATEST, generate_latest

from tools.core.events import CreationAttempt, Event, LuccaCall, RateLimitWait, SearchIgnored

# Lucca aborts at 5 s (408) and our client at LUCCA_TIMEOUT_SECONDS (8 by default).
LUCCA_BUCKETS = (0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 6.0, 8.0, 15.0)
# Retry-After and our own pacing: up to LUCCA_MAX_RETRY_WAIT_SECONDS (60 by default).
WAIT_BUCKETS = (0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 60.0)
CONTENT_TYPE = CONTENT_TYPE_LATEST


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.creations = Counter(
            "lucca_training_creations",
            "Training creation attempts by face and outcome (created, existing, or an error kind).",
            ["face", "outcome"],
            registry=self.registry,
        )
        self.lucca_seconds = Histogram(
            "lucca_training_lucca_request_seconds",
            "Time of each HTTP exchange with Lucca; status 'none' when no answer came.",
            ["method", "status"],
            buckets=LUCCA_BUCKETS,
            registry=self.registry,
        )
        self.rate_limit_waits = Histogram(
            "lucca_training_rate_limit_wait_seconds",
            "Waits for the tenant's rate limit: pacing (ours) or retry_after (Lucca's 429).",
            ["reason"],
            buckets=WAIT_BUCKETS,
            registry=self.registry,
        )
        self.http_requests = Counter(
            "lucca_training_http_requests",
            "HTTP requests served, by face (mcp, slack, health, other) and status code.",
            ["face", "status"],
            registry=self.registry,
        )
        self.search_ignored = Counter(
            "lucca_training_search_ignored",
            "Title searches answered unfiltered, so the catalog was read in full (complete: "
            "whether that read got to the end within its bound).",
            ["complete"],
            registry=self.registry,
        )

    def on_event(self, event: Event) -> None:
        """A core events listener: `tools.core.events.subscribe(metrics.on_event)`."""
        if isinstance(event, CreationAttempt):
            self.creations.labels(event.caller.face, event.outcome).inc()
        elif isinstance(event, LuccaCall):
            status = str(event.status) if event.status is not None else "none"
            self.lucca_seconds.labels(event.method, status).observe(event.seconds)
        elif isinstance(event, RateLimitWait):
            self.rate_limit_waits.labels(event.reason).observe(event.seconds)
        elif isinstance(event, SearchIgnored):
            self.search_ignored.labels(str(event.complete).lower()).inc()

    def count_request(self, face: str, status: int) -> None:
        self.http_requests.labels(face, str(status)).inc()

    def exposition(self) -> bytes:
        """The registry in Prometheus' text format, served at `/metrics`."""
        return generate_latest(self.registry)
