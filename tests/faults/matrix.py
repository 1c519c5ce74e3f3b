"""The fault matrix: every way Lucca (or the way to it) can answer a creation, and what each face
must make of it. One table, read by the MCP, CLI and Slack tests alike.

Each case queues faults on the sandbox, each aimed at a method (`"method": "POST"` waits for the
creation and lets the catalog lookup before it pass; see tools/sandbox/faults.py), then creates
`DRAFT` once through a face. The sandbox's own request log and catalog then prove what happened:
how many POSTs it received, how many title lookups, and how many trainings now carry the title.

Outcomes (the contract of the core's create path):
- created / existing / recovered: a success; `recovered` means Lucca's answer was lost and the
  catalog lookup after it found the training;
- an error kind (`unavailable`, `rejected`, ...) otherwise, with whether it is safe to retry.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import httpx

from tests.support import SANDBOX_KEY
from tools.sandbox.lucca_facts import SEARCH_PARAM

TRAININGS_PATH = "/talent-training/api/v1/trainings"
DRAFT: dict[str, Any] = {
    "title": "Fault matrix: negotiation basics",
    "subtitle": "Prepare, open, close",
    "description": "Three half-days of practice.",
    "level": "Beginner",
    "isCertifying": False,
    "isMandatory": True,
}
FIRST_NEW_ID = 45  # the sandbox's seed ends at 44
# How long Lucca "takes" in the slow-answer row: past every face's client timeout in these tests.
SLOW_ANSWER_SECONDS = 2.5
HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>{status} Error</title></head><body><h1>{status}</h1>"
    "<p>Sorry, something went wrong.</p><script>var trace='at Lucca.Api.Controller'</script>"
    "</body></html>"
)
PROBLEM_400 = {
    "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
    "title": "One or more validation errors occurred.",
    "status": 400,
    "errors": {
        "Title": ["A training with a title like this one is not allowed."],
        "Description": ["The description must not contain a price."],
    },
}

# What a message must say, by outcome: the user must know whether the training exists.
NOT_CREATED = re.compile(r"\b(not|never) (been )?created\b|nothing (was|has been) created", re.I)
CHECK_CATALOG = re.compile(r"catalog", re.I)
RAW_HTML = re.compile(r"<\s*(!doctype|html|body|script|h1|p)\b", re.I)


@dataclass(frozen=True)
class Case:
    id: str
    faults: tuple[dict[str, Any], ...]
    outcome: str  # created | existing | recovered | an error kind
    created: int  # trainings titled like DRAFT that the face's call added to the catalog
    posts: int  # POSTs the sandbox received from the face
    lookups: int  # catalog lists (title lookups) the sandbox received from the face
    safe_to_retry: bool | None = None  # for errors
    says: tuple[re.Pattern[str], ...] = ()  # the error's message must match each
    fields: tuple[str, ...] = ()  # for `rejected`: the fields the error must name
    seed: dict[str, Any] | None = None  # a training in the catalog before the call
    # Lucca's answer is lost: the core waits until Lucca's own 5 s abort before looking it up.
    settles: bool = False

    @property
    def slow(self) -> bool:
        """Lucca answers too late on purpose: the face's client must time out."""
        return any(fault.get("delay") for fault in self.faults)

    @property
    def succeeds(self) -> bool:
        return self.outcome in ("created", "existing", "recovered")


def post(fault: dict[str, Any]) -> dict[str, Any]:
    return {**fault, "method": "POST"}


def lookup(fault: dict[str, Any]) -> dict[str, Any]:
    return {**fault, "method": "GET"}


def html(status: int) -> dict[str, Any]:
    """An error page from a proxy or a load balancer, as HTML."""
    return {
        "status": status,
        "headers": {"Content-Type": "text/html; charset=utf-8"},
        "body": HTML_PAGE.format(status=status),
    }


def processed(fault: dict[str, Any]) -> dict[str, Any]:
    """The creation went through; then this answer replaced Lucca's."""
    return post({**fault, "when": "after"})


def _json_201(body: str) -> dict[str, Any]:
    return {"status": 201, "headers": {"Content-Type": "application/json"}, "body": body}


def _lost_and_found(case_id: str, fault: dict[str, Any]) -> Case:
    return Case(case_id, (fault,), "recovered", created=1, posts=1, lookups=2, settles=True)


def _lost_and_not_there(case_id: str, fault: dict[str, Any]) -> Case:
    return Case(
        case_id,
        (fault,),
        "unavailable",
        created=0,
        posts=1,
        lookups=2,
        safe_to_retry=True,
        says=(NOT_CREATED,),
        settles=True,
    )


def _refused(case_id: str, fault: dict[str, Any], kind: str, **more: Any) -> Case:
    return Case(case_id, (post(fault),), kind, created=0, posts=1, lookups=1, **more)


CASES: list[Case] = [
    Case("no fault", (), "created", created=1, posts=1, lookups=1),
    # Lucca's answer says nothing usable about the creation: the catalog decides.
    _lost_and_found("201 without an id", processed(_json_201('{"title": "x"}'))),
    _lost_and_found("201 with a body that is not JSON", processed(_json_201("Created."))),
    _lost_and_found("201 with a malformed JSON body", processed(_json_201('{"id": 45,'))),
    _lost_and_found("201 with an HTML page", processed(html(201))),
    _lost_and_found("500 after storing it", processed({"status": 500})),
    _lost_and_not_there("500 before storing it", post({"status": 500})),
    _lost_and_found("502 after storing it", processed({"status": 502})),
    _lost_and_not_there("502 before storing it", post({"status": 502})),
    _lost_and_not_there("502 as an HTML page", post(html(502))),
    _lost_and_found("504 after storing it", processed({"status": 504})),
    # Lucca aborted a request it may have begun (its 5 s limit): settled like a 500.
    _lost_and_found("408 after storing it", processed({"status": 408})),
    _lost_and_not_there("408 before storing it", post({"status": 408})),
    _lost_and_not_there("504 before storing it", post({"status": 504})),
    _lost_and_found(
        "a slow answer past the timeout", post({"delay": SLOW_ANSWER_SECONDS, "when": "after"})
    ),
    _lost_and_found("connection reset after the request", post({"drop": "after"})),
    _lost_and_not_there("connection reset before the request", post({"drop": "before"})),
    Case(
        "lost answer, and the lookup fails too",
        (post({"drop": "after"}), lookup({"status": 503})),
        "outcome_unknown",
        created=1,
        posts=1,
        lookups=2,
        safe_to_retry=False,
        says=(CHECK_CATALOG,),
        settles=True,
    ),
    # A GET changes nothing: a lookup that got no answer is made again, and the creation goes on.
    Case("lookup dropped, then answered", (lookup({"drop": "before"}),), "created", 1, 1, 2),
    Case(
        "lookup timed out, then answered",
        (lookup({"delay": SLOW_ANSWER_SECONDS}),),
        "created",
        1,
        1,
        2,
    ),
    # Lucca answered clearly: no lookup after.
    _refused(
        "400 with field errors",
        {
            "status": 400,
            "headers": {"Content-Type": "application/problem+json"},
            "body": json.dumps(PROBLEM_400),
        },
        "rejected",
        safe_to_retry=False,
        fields=("title", "description"),
    ),
    _refused("401", {"status": 401}, "auth", safe_to_retry=False),
    _refused("403", {"status": 403}, "auth", safe_to_retry=False),
    _refused("404", {"status": 404}, "not_found", safe_to_retry=False),
    _refused("429 without Retry-After", {"status": 429}, "rate_limited", safe_to_retry=True),
    Case(
        "429 with Retry-After",
        (post({"status": 429, "headers": {"Retry-After": "1"}}),),
        "created",
        created=1,
        posts=2,
        lookups=1,
    ),
    _refused("503", {"status": 503}, "unavailable", safe_to_retry=True, says=(NOT_CREATED,)),
    _refused(
        "503 as an HTML page", html(503), "unavailable", safe_to_retry=True, says=(NOT_CREATED,)
    ),
    # The catalog already has the title: nothing is sent.
    Case("same title, same content", (), "existing", created=0, posts=0, lookups=1, seed=DRAFT),
    Case(
        "same title, other content",
        (),
        "duplicate",
        created=0,
        posts=0,
        lookups=1,
        safe_to_retry=False,
        says=(re.compile(r"#45\b"),),
        seed={**DRAFT, "title": "  FAULT MATRIX: Negotiation Basics ", "level": "Expert"},
    ),
]


def case_ids(cases: list[Case]) -> list[str]:
    return [case.id for case in cases]


@dataclass(frozen=True)
class SandboxCounts:
    posts: int
    lookups: int
    created: int


class Witness:
    """What the sandbox saw from the face, from its own log and catalog, for one case."""

    def __init__(self, sandbox: Any) -> None:
        self.sandbox = sandbox
        self._http = httpx.Client(
            base_url=sandbox.base_url,
            headers={"Authorization": f"lucca application={SANDBOX_KEY}"},
            trust_env=False,
            timeout=10.0,
        )
        self._log_start = 0
        self._titled_before = 0

    def prepare(self, case: Case) -> None:
        if case.seed is not None:
            answer = self._http.post(TRAININGS_PATH, json=case.seed)
            assert answer.status_code == 201, answer.text
        self._titled_before = self._titled()
        self._log_start = len(self.sandbox.requests_log())
        self.sandbox.add_faults(*case.faults)

    def counts(self) -> SandboxCounts:
        seen = self.sandbox.requests_log()[self._log_start :]  # before our own lookup below
        posts = sum(1 for entry in seen if entry["method"] == "POST")
        lookups = sum(1 for entry in seen if entry["method"] == "GET")
        return SandboxCounts(posts, lookups, self._titled() - self._titled_before)

    def check(self, case: Case) -> None:
        """Exactly-once, proved by the sandbox: the case's POSTs, lookups and trainings."""
        seen = self.sandbox.requests_log()[self._log_start :]
        assert {entry["path"] for entry in seen} <= {TRAININGS_PATH}, seen
        # Every fault fired: the case tested what it says (the pending count, from the control API).
        pending = self._http.post("/_sandbox/faults", json=[]).json()["pending"]
        self.sandbox.clear_faults()
        counts = self.counts()
        assert counts.created <= 1, f"{counts.created} trainings for one draft"
        expected = SandboxCounts(case.posts, case.lookups, case.created)
        assert (counts, pending) == (expected, 0), f"sandbox saw {counts}, {pending} faults left"

    def close(self) -> None:
        self._http.close()

    def _titled(self) -> int:
        key = DRAFT["title"].strip().casefold()
        answer = self._http.get(TRAININGS_PATH, params={SEARCH_PARAM: DRAFT["title"], "limit": 100})
        assert answer.status_code == 200, answer.text
        return sum(1 for item in answer.json()["items"] if item["title"].strip().casefold() == key)
