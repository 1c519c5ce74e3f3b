"""Every face's input goes through `accept_draft`: a refused one is reported once, the same way."""

import pytest

from tests.support import VALID_DRAFT
from tools.core import events
from tools.core.errors import FieldError, InvalidDraft
from tools.core.events import Caller
from tools.core.intake import accept_draft

SLACK = Caller(face="slack", who="U0ANN", team="T0ACME")


@pytest.fixture
def attempts() -> list[events.CreationAttempt]:
    seen: list[events.CreationAttempt] = []
    stop = events.subscribe(lambda e: isinstance(e, events.CreationAttempt) and seen.append(e))
    yield seen
    stop()


def test_a_valid_draft_is_accepted_and_nothing_is_reported(attempts):
    draft = accept_draft(VALID_DRAFT, SLACK)
    assert draft.title == VALID_DRAFT["title"]
    assert attempts == []


def test_a_refused_draft_is_reported_once_with_who_asked_and_every_field(attempts):
    with pytest.raises(InvalidDraft) as caught:
        accept_draft({**VALID_DRAFT, "title": "t" * 251, "level": "Guru"}, SLACK)
    assert {e.field for e in caught.value.field_errors} == {"title", "level"}
    (attempt,) = attempts
    assert (attempt.outcome, attempt.caller, attempt.training_id) == ("invalid_input", SLACK, None)
    assert attempt.title == "t" * 251 and "title" in attempt.error and "level" in attempt.error


def test_a_faces_own_errors_join_the_cores_in_one_refusal(attempts):
    flag = InvalidDraft([FieldError("dryRun", "must be true or false", "not_boolean")])
    with pytest.raises(InvalidDraft) as caught:
        accept_draft({**VALID_DRAFT, "level": "Guru"}, SLACK, extra_errors=flag)
    assert [e.field for e in caught.value.field_errors] == ["level", "dryRun"]
    assert len(attempts) == 1


def test_a_huge_title_is_reported_by_its_start(attempts):
    with pytest.raises(InvalidDraft):
        accept_draft({**VALID_DRAFT, "title": "t" * 1_000_000}, SLACK)
    assert len(attempts[0].title) == 300
