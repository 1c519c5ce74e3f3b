"""Metrics from core events and served requests, in a registry of their own."""

from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families

from tools.core.events import Caller, CreationAttempt, LuccaCall, RateLimitWait
from tools.ops.metrics import Metrics


def samples(metrics: Metrics) -> dict[tuple[str, tuple], float]:
    text = metrics.exposition().decode()
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def attempt(face: str, outcome: str) -> CreationAttempt:
    return CreationAttempt(Caller(face), "t", None, None, outcome, None, None, 0.1)


def test_creations_are_counted_by_face_and_outcome():
    metrics = Metrics()
    for event in (attempt("mcp", "created"), attempt("mcp", "created"), attempt("slack", "auth")):
        metrics.on_event(event)
    found = samples(metrics)
    assert found[("lucca_training_creations_total", (("face", "mcp"), ("outcome", "created")))] == 2
    assert found[("lucca_training_creations_total", (("face", "slack"), ("outcome", "auth")))] == 1


def test_lucca_latency_and_rate_limit_waits_are_histograms():
    metrics = Metrics()
    metrics.on_event(LuccaCall("POST", "/x", 201, 0.3))
    metrics.on_event(LuccaCall("POST", "/x", None, 8.0))
    metrics.on_event(RateLimitWait(2.0, "retry_after"))
    found = samples(metrics)
    created = (("method", "POST"), ("status", "201"))
    assert found[("lucca_training_lucca_request_seconds_count", created)] == 1
    assert found[("lucca_training_lucca_request_seconds_sum", created)] == 0.3
    unanswered = (("method", "POST"), ("status", "none"))
    assert found[("lucca_training_lucca_request_seconds_count", unanswered)] == 1
    waits = (("reason", "retry_after"),)
    assert found[("lucca_training_rate_limit_wait_seconds_sum", waits)] == 2.0


def test_requests_are_counted_by_face_and_status():
    metrics = Metrics()
    metrics.count_request("health", 200)
    metrics.count_request("mcp", 401)
    found = samples(metrics)
    assert found[("lucca_training_http_requests_total", (("face", "health"), ("status", "200")))]
    assert found[("lucca_training_http_requests_total", (("face", "mcp"), ("status", "401")))] == 1


def test_each_instance_has_its_own_registry_not_the_global_one():
    first, second = Metrics(), Metrics()  # two would collide in one registry
    first.on_event(attempt("cli", "created"))
    assert ("lucca_training_creations_total", (("face", "cli"), ("outcome", "created"))) not in (
        samples(second)
    )
    assert REGISTRY.get_sample_value("lucca_training_creations_total", {"face": "cli"}) is None
