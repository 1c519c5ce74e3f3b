"""The core end to end: validate, POST once to the sandbox, report id and catalog status."""

import json

import pytest

from tests.support import EXAMPLE, draft_of, posts
from tools.core.errors import InvalidDraft, LuccaRejected, LuccaUnavailable
from tools.core.result import CATALOG_NOTE
from tools.core.trainings import Trainings


async def test_creates_the_example_and_reports_id_and_catalog_status(trainings, sandbox):
    created = await trainings.create(draft_of(EXAMPLE))
    assert created.id > 0 and created.state == "Ready"
    assert created.catalogStatus == f"Ready ({CATALOG_NOTE})"
    assert created.provider.id == 12 and created.provider.name == "L'Élan Français"
    assert created.category.id == 2 and created.category.name == "Languages"
    assert (created.level, created.type) == ("Beginner", "External")
    assert created.summary.startswith(f'Created training #{created.id} "Mastering French')
    assert "not in the public catalog until an admin publishes it" in created.summary
    assert len(posts(sandbox)) == 1


async def test_the_post_body_is_the_normalized_draft(lucca, sandbox, trainings):
    created = await trainings.create(draft_of({**EXAMPLE, "title": "  Padded title  "}))
    page = await lucca.list_trainings(ids=[created.id])
    assert page.items[0]["title"] == "Padded title"


@pytest.mark.parametrize(
    "bad",
    [
        {**EXAMPLE, "title": "t" * 251},
        {**EXAMPLE, "level": "Guru"},
        {**EXAMPLE, "providerId": 0},
        {k: v for k, v in EXAMPLE.items() if k != "subtitle"},
        {**EXAMPLE, "surprise": True},
    ],
)
async def test_invalid_drafts_never_reach_lucca(trainings, sandbox, bad):
    with pytest.raises(InvalidDraft):
        await trainings.create(draft_of(bad))
    assert sandbox.requests_log() == []


async def test_an_unknown_provider_is_refused_by_lucca_on_its_field(trainings, sandbox):
    with pytest.raises(LuccaRejected) as caught:
        await trainings.create(draft_of({**EXAMPLE, "providerId": 424242}))
    assert [error.field for error in caught.value.field_errors] == ["providerId"]


def test_a_dry_run_returns_the_normalized_draft_as_it_would_be_sent():
    # The preview takes no client, so it cannot send; the CLI test checks the sandbox log.
    preview = Trainings.preview(draft_of({**EXAMPLE, "title": " Trimmed ", "level": "Beginner"}))
    assert preview.training == {**EXAMPLE, "title": "Trimmed"}
    assert preview.summary == (
        'Valid: "Trimmed" (Beginner, External) can be created. Nothing was sent to Lucca (dry run).'
    )


async def test_answers_are_read_leniently(trainings, sandbox):
    answer = {
        "id": 77,
        "state": "ready",
        "title": EXAMPLE["title"],
        "surprise": {"nested": True},
        "category": {"id": 2, "name": "Languages", "t9n": {"name": {"Ff": "Langues"}}},
    }
    sandbox.add_faults(
        {
            "method": "POST",
            "status": 201,
            "headers": {"Content-Type": "application/json"},
            "body": json.dumps(answer),
        }
    )
    created = await trainings.create(draft_of(EXAMPLE))
    assert (created.id, created.state, created.category.name) == (77, "Ready", "Languages")
    assert created.provider is None and created.level == "Beginner"


NO_ID = {
    "method": "POST",
    "status": 201,
    "headers": {"Content-Type": "application/json"},
    "body": '{"state": "Ready"}',
}


async def test_a_201_without_an_id_is_completed_from_the_catalog(trainings, sandbox):
    sandbox.add_faults({**NO_ID, "when": "after"})  # stored, answered without its id
    created = await trainings.create(draft_of(EXAMPLE))
    assert (created.outcome, created.id) == ("recovered", 45)
    assert len(posts(sandbox)) == 1


async def test_a_201_without_an_id_and_nothing_in_the_catalog_says_not_created(trainings, sandbox):
    sandbox.add_faults(NO_ID)  # answered without storing anything
    with pytest.raises(LuccaUnavailable, match="it was not created") as caught:
        await trainings.create(draft_of(EXAMPLE))
    assert caught.value.safe_to_retry
    assert len(posts(sandbox)) == 1
