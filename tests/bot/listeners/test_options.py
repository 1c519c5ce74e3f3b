"""The provider and category pickers: signed block_suggestion requests over HTTP, answered from the
sandbox's existing trainings."""

from bot import ids
from tests.bot.block_kit import options_problems
from tests.bot.fake_slack import FakeSlack
from tests.bot.slack_driver import USER, SlackDriver


def listed(answer) -> list[tuple[str, str]]:
    assert answer.status == 200, answer
    options = answer.body["options"]
    assert options_problems(options) == []
    return [(option["value"], option["text"]["text"]) for option in options]


async def test_all_providers_in_use_are_offered_by_name_with_their_id(driver: SlackDriver):
    view_id = await driver.open_form()
    answer = await driver.suggest(view_id, ids.PROVIDER_ACTION, "")
    assert listed(answer) == [
        ("3", "Atelier Numérique (#3)"),
        ("12", "L'Élan Français (#12)"),
        ("7", "SafeWork Academy (#7)"),
    ]


async def test_options_are_filtered_as_the_user_types(driver: SlackDriver):
    view_id = await driver.open_form()
    assert listed(await driver.suggest(view_id, ids.PROVIDER_ACTION, "elan")) == [
        ("12", "L'Élan Français (#12)")
    ]
    assert listed(await driver.suggest(view_id, ids.PROVIDER_ACTION, "#7")) == [
        ("7", "SafeWork Academy (#7)")
    ]
    assert listed(await driver.suggest(view_id, ids.CATEGORY_ACTION, "LANG")) == [
        ("2", "Languages (#2)")
    ]
    assert listed(await driver.suggest(view_id, ids.CATEGORY_ACTION, "nothing like it")) == []


async def test_categories_are_named_in_french_for_a_french_user(
    driver: SlackDriver, fake_slack: FakeSlack
):
    fake_slack.locales[USER] = "fr-FR"
    view_id = await driver.open_form()
    assert listed(await driver.suggest(view_id, ids.CATEGORY_ACTION, "sante")) == [
        ("5", "Santé et sécurité (#5)")
    ]


async def test_the_catalog_is_read_once_for_many_keystrokes(driver: SlackDriver, sandbox):
    view_id = await driver.open_form()
    for typed in ("", "a", "at", "ate"):
        await driver.suggest(view_id, ids.PROVIDER_ACTION, typed)
    await driver.suggest(view_id, ids.CATEGORY_ACTION, "")
    reads = [entry for entry in sandbox.requests_log() if entry["method"] == "GET"]
    assert len(reads) == 1


async def test_when_lucca_fails_the_picker_is_empty_and_the_id_box_remains(
    driver: SlackDriver, sandbox
):
    sandbox.add_faults({"status": 503})
    view_id = await driver.open_form()
    assert listed(await driver.suggest(view_id, ids.PROVIDER_ACTION, "")) == []
